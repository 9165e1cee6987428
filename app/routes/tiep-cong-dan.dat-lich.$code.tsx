import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SessionFacts } from "~/components/reception";
import { NO_STORE, forwardHeaders, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import type { FormValues } from "~/services/platform/forms.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { bookingView } from "~/services/reception/bookings.server";
import { submitCancelBooking } from "~/services/reception/forms.server";

export const meta = pageMeta("title.reception.booking", { noindex: true });
export const headers = forwardHeaders;

/** The booking's printable confirmation: its code, the session and its state, nothing the resident typed. */
export const loader = guard(async ({ params }: LoaderFunctionArgs) => {
  return json({ booking: await bookingView(params.code ?? "") }, { headers: NO_STORE });
});

export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const outcome = await submitCancelBooking(request, params.code ?? "");
  if (outcome.outcome === "cancelled") return json({ cancelled: true }, { headers: NO_STORE });
  if (outcome.outcome === "invalid") return json({ cancelled: false }, { status: 400 });
  return rejectionResponse<FormValues>(outcome, {});
});

export default function Booking() {
  const { booking } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  // The print button needs JavaScript; without it the browser's own Print prints the same page.
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <>
      <h1>{t("reception.booking.title")}</h1>
      {result && "cancelled" in result && result.cancelled ? <p role="status">{t("reception.booking.cancelled")}</p> : null}
      <p>{t("reception.booking.code")}</p>
      <p className="receipt-code">
        <strong>{booking.code}</strong>
      </p>
      <p>{t("reception.booking.keep")}</p>
      <SessionFacts s={booking.session}>
        <div>
          <dt>{t("reception.booking.people")}</dt>
          <dd>{booking.people}</dd>
        </div>
        <div>
          <dt>{t("reception.booking.status")}</dt>
          <dd>{t(`reception.booking.status.${booking.status}`)}</dd>
        </div>
        {booking.statusReason ? (
          <div>
            <dt>{t("reception.booking.reason")}</dt>
            <dd>{booking.statusReason}</dd>
          </div>
        ) : null}
      </SessionFacts>
      {canPrint ? (
        <p className="no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            {t("reception.booking.print")}
          </button>
        </p>
      ) : null}
      {booking.cancellable ? (
        <Form method="post" className="no-print narrow">
          <input type="hidden" name="confirm" value="on" />
          <button type="submit" className="button">
            {t("reception.booking.cancel")}
          </button>
        </Form>
      ) : null}
      <p className="no-print">
        <Link to="/tiep-cong-dan">{t("reception.title")}</Link>
      </p>
    </>
  );
}
