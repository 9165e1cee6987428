import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/services/staff/sessions.server";
import { planCodesCsv } from "~/services/disclosures/plan-table.server";
import type { RequestContext } from "~/services/platform/request.server";
import { guard } from "~/http";

/** The household codes of a plan, to print the notices (managers of the unit only; audited). */
export const loader = guard(async ({ request, params, context }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  const csv = await planCodesCsv(session.user, Number(params.id), (context as RequestContext).clientIp ?? "unknown");
  if (csv === null) throw new Response("Not found", { status: 404 });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ma-ho-${Number(params.id)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
