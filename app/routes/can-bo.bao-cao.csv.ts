import type { LoaderFunctionArgs } from "@remix-run/node";
import { vnDate } from "~/domain/dates";
import { readReportParams } from "~/domain/report-period";
import { audit } from "~/services/platform/audit.server";
import type { RequestContext } from "~/services/platform/request.server";
import { requireAdminOperation } from "~/services/staff/context.server";
import { periodicReportCsv } from "~/services/transparency/statistics.server";
import { reportPeriod } from "~/domain/report-period";
import { guard } from "~/http";

/** The periodic report as CSV: by commune, by category, by kind; reception; supervision. */
export const loader = guard(async ({ request, context }: LoaderFunctionArgs) => {
  const session = await requireAdminOperation(request, "view_reports");
  const params = readReportParams(new URL(request.url), vnDate(new Date()));
  const period = reportPeriod(params.kind, params.year, params.number);
  await audit({ userId: session.user.id, action: "report.export", ip: (context as RequestContext).clientIp, details: { ...params } });
  return new Response(await periodicReportCsv(period), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="bao-cao-${period.from}-${period.to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
