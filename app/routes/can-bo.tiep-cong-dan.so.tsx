import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect, TextField } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { LogTable } from "~/components/reception-log";
import { StaffPage } from "~/components/staff-page";
import { NO_STORE, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { logPeriodPage } from "~/services/reception/pages.server";
import { staffHeader } from "~/services/staff/context.server";
import { requireStaff } from "~/services/staff/sessions.server";

export const meta = pageMeta("title.staff.reception.log", { noindex: true });

/** The log of a unit over a period (the current month by default), printable, with its CSV. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  const url = new URL(request.url);
  const page = await logPeriodPage(session.user, url.searchParams.get("xa"), url.searchParams.get("tu"), url.searchParams.get("den"));
  return json({ staff: await staffHeader(session), page }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export default function ReceptionLogPeriod() {
  const { staff, page } = useLoaderData<typeof loader>();
  const t = useT();
  const query = page.unit ? `?xa=${page.unit}&tu=${page.from}&den=${page.to}` : "";
  return (
    <StaffPage staff={staff} title={t("reception.log.title")}>
      <Form method="get" className="filter-form no-print">
        <FilterSelect name="xa" id="l-xa" label={t("reception.unit")} value={page.unit ?? undefined} options={page.units.map((u) => [u.id, u.name])} />
        <TextField id="l-tu" name="tu" type="date" label={t("reception.log.from")} defaultValue={page.from} />
        <TextField id="l-den" name="den" type="date" label={t("reception.log.to")} defaultValue={page.to} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t("reception.staff.show")}
          </button>
        </div>
      </Form>
      {page.result ? (
        <>
          <h2>
            {page.result.communeName}: {formatDate(page.from)} – {formatDate(page.to)}
          </h2>
          {page.result.log.length === 0 ? <p>{t("reception.log.empty")}</p> : <LogTable log={page.result.log} hidden={!page.seesIdentity} />}
          <p className="no-print">
            <a href={`/can-bo/tiep-cong-dan/so.csv${query}`}>{t("reception.log.csv")}</a>
          </p>
        </>
      ) : null}
    </StaffPage>
  );
}
