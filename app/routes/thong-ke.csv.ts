import type { LoaderFunctionArgs } from "@remix-run/node";
import { readPeriod } from "~/domain/period";
import { translator } from "~/i18n";
import { categoryLabels, reference } from "~/services/reference.server";
import { defaultPeriod, FIGURE_COLUMNS, statisticsCsv } from "~/services/transparency.server";

/** The same figures as /thong-ke, by commune then by category, as CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  const period = readPeriod(new URL(request.url), defaultPeriod());
  const t = translator("vi", categoryLabels(reference(), "vi"));
  const header = (first: string) => [first, ...FIGURE_COLUMNS.map((c) => t(`stats.${c}`))];
  const byCommune = statisticsCsv(period, { header: header(t("stats.unit")), group: (r) => (r.key === "total" ? t("stats.total") : r.label) }, "commune");
  const byCategory = statisticsCsv(period, { header: header(t("stats.category")), group: (r) => (r.key === "total" ? t("stats.total") : t(`category.${r.key}`)) }, "category");
  return new Response(byCommune + "\r\n" + byCategory.replace(/^\uFEFF/, ""), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="thong-ke-${period.from}-${period.to}.csv"`,
    },
  });
}
