import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Checkbox, ErrorSummary, TextArea, TextField, useTranslatedErrors } from "~/components/form";
import { SessionFacts } from "~/components/reception";
import { forwardHeaders, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import type { FormValues } from "~/services/platform/forms.server";
import type { RequestContext } from "~/services/platform/request.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { submitBooking } from "~/services/reception/forms.server";
import { publicSession } from "~/services/reception/schedule.server";

export const meta = pageMeta("title.reception.session");
export const headers = forwardHeaders;

export const loader = guard(async ({ params }: LoaderFunctionArgs) => {
  return json({ session: await publicSession(Number(params.id)) });
});

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const outcome = await submitBooking(request, context as RequestContext);
  if (outcome.outcome === "booked") return redirect(`/tiep-cong-dan/dat-lich/${outcome.code}`, 303);
  if (outcome.outcome === "invalid") return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
  return rejectionResponse<FormValues>(outcome, {});
});

const ORDER = ["form", "sessionId", "name", "phone", "email", "matter", "people", "caseCode"];

export default function BookSession() {
  const { session } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values: FormValues = result?.values ?? {};
  const errors = useTranslatedErrors(result?.errors);
  const open = session.status === "scheduled" && session.placesLeft > 0;
  return (
    <>
      <h1>{t("reception.book.title")}</h1>
      <SessionFacts s={session} />
      {open ? (
        <>
          <p>{t("reception.book.intro")}</p>
          <ErrorSummary errors={{ ...errors, form: errors.form ?? errors.sessionId }} order={ORDER} />
          <Form method="post" className="narrow" noValidate>
            <input type="hidden" name="sessionId" value={session.id} />
            <TextField
              name="name"
              label={t("reception.book.name")}
              required
              maxLength={100}
              autoComplete="name"
              error={errors.name}
              defaultValue={values.name}
            />
            <TextField
              name="phone"
              label={t("reception.book.phone")}
              required
              type="tel"
              maxLength={20}
              autoComplete="tel"
              error={errors.phone}
              defaultValue={values.phone}
            />
            <TextField
              name="email"
              label={t("reception.book.email")}
              hint={t("reception.book.email.hint")}
              type="email"
              maxLength={254}
              autoComplete="email"
              error={errors.email}
              defaultValue={values.email}
            />
            <TextArea name="matter" label={t("reception.book.matter")} required rows={4} maxLength={1000} error={errors.matter} defaultValue={values.matter} />
            <Checkbox name="group" label={t("reception.book.group")} checked={values.group === "on"} />
            <TextField
              name="people"
              label={t("reception.book.people")}
              hint={t("reception.book.people.hint")}
              inputMode="numeric"
              maxLength={6}
              error={errors.people}
              defaultValue={values.people}
            />
            <TextField
              name="caseCode"
              label={t("reception.book.caseCode")}
              maxLength={20}
              autoCapitalize="characters"
              spellCheck={false}
              error={errors.caseCode}
              defaultValue={values.caseCode}
            />
            <button type="submit" className="button button--primary">
              {t("reception.book.submit")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("reception.book.unavailable")}</p>
      )}
      <p>
        <Link to="/tiep-cong-dan">{t("reception.title")}</Link>
      </p>
    </>
  );
}
