import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/services/staff/sessions.server";
import { planTemplateCsv } from "~/services/disclosures/plan-table.server";
import { guard } from "~/http";

/** The CSV template of a compensation plan's table of plots. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  await requireStaff(request);
  return new Response(planTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mau-bang-boi-thuong.csv"',
      "Cache-Control": "private, no-store",
    },
  });
});
