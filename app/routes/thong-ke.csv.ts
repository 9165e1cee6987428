import type { LoaderFunctionArgs } from "@remix-run/node";
import { readPeriod } from "~/domain/period";
import { defaultPeriod } from "~/domain/period";
import { figuresCsv } from "~/services/transparency/statistics.server";
import { guard } from "~/http";

/** The same figures as /thong-ke, by commune then by category, as CSV. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const period = readPeriod(new URL(request.url), defaultPeriod());
  return new Response(await figuresCsv(period, ["commune", "category"]), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="thong-ke-${period.from}-${period.to}.csv"` },
  });
});
