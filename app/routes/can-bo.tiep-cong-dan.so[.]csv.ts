import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard } from "~/http";
import type { RequestContext } from "~/services/platform/request.server";
import { logPeriodCsv } from "~/services/reception/pages.server";
import { requireStaff } from "~/services/staff/sessions.server";

/** The log of a unit over a period as CSV (the twelve columns of Form 03/TCD); every export is audited. */
export const loader = guard(async ({ request, context }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  const url = new URL(request.url);
  const { csv, filename } = await logPeriodCsv(
    session.user,
    url.searchParams.get("xa"),
    url.searchParams.get("tu"),
    url.searchParams.get("den"),
    (context as RequestContext).clientIp ?? "unknown",
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
