import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FigureTable } from "~/components/figure-table";
import { ReceptionFiguresTable, SupervisionFiguresTable } from "~/components/report-figures";
import { StaffPage } from "~/components/staff-page";
import { formatDate, formatDateTime, vnDate } from "~/domain/dates";
import { readReportParams } from "~/domain/report-period";
import { useT } from "~/i18n/use-t";
import { NO_STORE, requireAdminOperation, staffHeader } from "~/services/staff/context.server";
import { reportPeriod } from "~/domain/report-period";
import { statistics } from "~/services/transparency/statistics.server";
import { receptionFigures } from "~/services/reception/figures.server";
import { supervisionFigures } from "~/services/supervision/figures.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { translateMessage } from "~/i18n";

export const meta = pageMeta("title.staff.report", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireAdminOperation(request, "view_reports");
  const params = readReportParams(new URL(request.url), vnDate(new Date()));
  const period = reportPeriod(params.kind, params.year, params.number);
  return json(
    {
      staff: await staffHeader(session),
      params,
      period,
      madeAt: new Date().toISOString(),
      byCommune: await statistics(period, "commune"),
      byCategory: await statistics(period, "category"),
      byKind: await statistics(period, "kind"),
      reception: await receptionFigures(period.from, period.to),
      supervision: await supervisionFigures(period.from, period.to),
    },
    { headers: NO_STORE },
  );
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export default function PeriodicReport() {
  const { staff, params, period, madeAt, byCommune, byCategory, byKind, reception, supervision } = useLoaderData<typeof loader>();
  const t = useT();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  const query = new URLSearchParams({ ky: params.kind, nam: String(params.year), so: String(params.number) });
  return (
    <StaffPage staff={staff} title={t("report.title")}>
      {params.invalid ? <p className="notice notice--warning">{t("report.invalid")}</p> : null}
      <Form method="get" className="filter-form no-print">
        <div className="field">
          <label htmlFor="r-kind">{t("report.kind")}</label>
          <select id="r-kind" name="ky" defaultValue={params.kind}>
            {(["thang", "quy", "nam"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`report.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="r-year">{t("report.year")}</label>
          <input id="r-year" name="nam" type="number" min={2000} max={2100} defaultValue={params.year} />
        </div>
        <div className="field">
          <label htmlFor="r-number">{t("report.number")}</label>
          <input id="r-number" name="so" type="number" min={1} max={12} defaultValue={params.number} />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t("report.show")}
          </button>
          {canPrint ? (
            <button type="button" className="button" onClick={() => window.print()}>
              {t("report.print")}
            </button>
          ) : null}
          <a href={`/can-bo/bao-cao/csv?${query}`} download>
            {t("report.csv")}
          </a>
        </div>
      </Form>
      <h2>{t("report.heading", t(`report.kind.${params.kind}`), formatDate(period.from), formatDate(period.to))}</h2>
      <p className="hint">{t("report.madeAt", formatDateTime(madeAt), staff.fullName)}</p>
      <p className="hint">{t("stats.credit.note")}</p>
      <h3>{t("stats.byCommune")}</h3>
      <FigureTable rows={byCommune.rows} total={byCommune.total} first={t("stats.unit")} label={(r) => r.label} />
      <h3>{t("stats.byCategory")}</h3>
      <FigureTable rows={byCategory.rows} total={byCategory.total} first={t("stats.category")} label={(r) => t(`category.${r.key}`)} />
      <h3>{t("report.byKind")}</h3>
      <FigureTable rows={byKind.rows} total={byKind.total} first={t("report.kindLabel")} label={(r) => translateMessage(t, `kind.${r.key}`)} />
      <h3>{t("reception.figures.title")}</h3>
      <ReceptionFiguresTable figures={reception} />
      <h3>{t("supervision.figures.title")}</h3>
      <SupervisionFiguresTable figures={supervision} />
    </StaffPage>
  );
}
