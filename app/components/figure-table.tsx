// The table of figures per unit, category or kind: the text alternative of the charts, and the report's body.
import { FIGURE_COLUMNS, figureText, type FigureRow } from "~/domain/figures";
import { useT } from "~/i18n/use-t";
import { ScrollRegion } from "./scroll-region";

/** A row as the page receives it (the number of ratings is not shown). */
export type FigureRowData = Omit<FigureRow, "ratings">;

export function FigureTable({
  rows,
  total,
  first,
  label,
}: {
  rows: FigureRowData[];
  total: FigureRowData;
  first: string;
  label: (r: FigureRowData) => string;
}) {
  const t = useT();
  return (
    <ScrollRegion label={t("stats.tableLabel", first)}>
      <table className="cases figures-table">
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {FIGURE_COLUMNS.map((c) => (
              <th scope="col" key={c}>
                {t(`stats.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{label(r)}</th>
              {FIGURE_COLUMNS.map((c) => (
                <td key={c}>{figureText(r, c, "page")}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("stats.total")}</th>
            {FIGURE_COLUMNS.map((c) => (
              <td key={c}>{figureText(total, c, "page")}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
