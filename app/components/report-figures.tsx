// The reception figures (statistics page and periodic report) and the supervision figures (periodic report): tables
// of the same lines the CSV has (app/domain/report-figures.ts).
import { receptionLines, SUPERVISION_COLUMNS, type ReceptionFigureData } from "~/domain/report-figures";
import type { TranslationKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { ScrollRegion } from "./scroll-region";

export function ReceptionFiguresTable({ figures }: { figures: ReceptionFigureData & { unitsShort: { name: string }[] } }) {
  const t = useT();
  return (
    <>
      <ScrollRegion label={t("stats.tableLabel", t("reception.figures.title"))}>
        <table className="cases figures-table">
          <thead>
            <tr>
              <th scope="col">{t("reception.figures.item")}</th>
              <th scope="col">{t("reception.figures.count")}</th>
            </tr>
          </thead>
          <tbody>
            {receptionLines(figures).map((l) =>
              l.value == null ? (
                <tr key={l.key}>
                  <th scope="colgroup" colSpan={2}>
                    {t(l.key as TranslationKey)}
                  </th>
                </tr>
              ) : (
                <tr key={l.key}>
                  <th scope="row">{t(l.key as TranslationKey)}</th>
                  <td>{l.value}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        {t("reception.figures.unitsShort")}:{" "}
        {figures.unitsShort.length > 0 ? figures.unitsShort.map((u) => u.name).join(", ") : t("reception.figures.unitsShortNone")}
      </p>
    </>
  );
}

type SupervisionRow = Record<(typeof SUPERVISION_COLUMNS)[number], number>;

export function SupervisionFiguresTable({
  figures,
}: {
  figures: { rows: (SupervisionRow & { unitId: string; name: string })[]; total: SupervisionRow; closedConfirmed: number; closedWithoutReply: number };
}) {
  const t = useT();
  return (
    <>
      {figures.rows.length === 0 ? (
        <p>{t("supervision.figures.none")}</p>
      ) : (
        <ScrollRegion label={t("stats.tableLabel", t("supervision.figures.unit"))}>
          <table className="cases figures-table">
            <thead>
              <tr>
                <th scope="col">{t("supervision.figures.unit")}</th>
                {SUPERVISION_COLUMNS.map((c) => (
                  <th scope="col" key={c}>
                    {t(`supervision.figures.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.rows.map((r) => (
                <tr key={r.unitId}>
                  <th scope="row">{r.name}</th>
                  {SUPERVISION_COLUMNS.map((c) => (
                    <td key={c}>{r[c]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("stats.total")}</th>
                {SUPERVISION_COLUMNS.map((c) => (
                  <td key={c}>{figures.total[c]}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      )}
      <ul>
        <li>
          {t("supervision.figures.closedConfirmed")}: {figures.closedConfirmed}
        </li>
        <li>
          {t("supervision.figures.closedWithoutReply")}: {figures.closedWithoutReply}
        </li>
      </ul>
    </>
  );
}
