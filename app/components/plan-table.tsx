// The table of affected plots, as the public (names masked), the household (its row) and the staff (codes) see it.
import type { PlanField, PlanRow, PlanRowChange, PlanTotals } from "~/domain/plan-table";
import { useT } from "~/i18n/use-t";
import { ScrollRegion } from "./scroll-region";

/** A row as each audience gets it: the public without address, the staff with the household's code. */
export type PlanTableRow = Omit<PlanRow, "householdAddress"> & { householdAddress?: string; householdCode?: string };

const NUMBER_COLUMNS = ["areaRecovered", "unitPrice", "landCompensation", "assetCompensation", "support", "total"] as const;

export function formatPlanValue(field: PlanField, value: string | number, none: string): string {
  if (typeof value === "number") return value.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
  if (field === "resettlement" && value === "") return none;
  return value;
}

export function PlanTable({
  id,
  caption,
  rows,
  totals,
  withAddress,
  withCodes,
}: {
  id: string;
  caption: string;
  rows: PlanTableRow[];
  totals?: PlanTotals;
  withAddress?: boolean;
  withCodes?: boolean;
}) {
  const t = useT();
  const none = t("plan.noResettlement");
  const n = (v: number) => formatPlanValue("total", v, none);
  return (
    // A focusable, named region: keyboard users can scroll the wide table on a 360-px screen.
    <ScrollRegion labelledBy={id}>
      <table className="cases plan-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("plan.col.rowNo")}</th>
            {withCodes ? <th scope="col">{t("plan.col.code")}</th> : null}
            <th scope="col">{t("plan.col.householdName")}</th>
            {withAddress ? <th scope="col">{t("plan.col.householdAddress")}</th> : null}
            <th scope="col">{t("plan.col.plotNumber")}</th>
            <th scope="col">{t("plan.col.mapSheet")}</th>
            <th scope="col">{t("plan.col.landType")}</th>
            {NUMBER_COLUMNS.map((c) => (
              <th scope="col" key={c} className="num">
                {t(`plan.col.${c}`)}
              </th>
            ))}
            <th scope="col">{t("plan.col.resettlement")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.rowNo}>
              <th scope="row">{r.rowNo}</th>
              {withCodes ? <td className="code">{r.householdCode}</td> : null}
              <td>{r.householdName}</td>
              {withAddress ? <td>{r.householdAddress}</td> : null}
              <td>{r.plotNumber}</td>
              <td>{r.mapSheet}</td>
              <td>{r.landType}</td>
              {NUMBER_COLUMNS.map((c) => (
                <td key={c} className="num">
                  {n(r[c])}
                </td>
              ))}
              <td>{formatPlanValue("resettlement", r.resettlement, none)}</td>
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={5 + (withCodes ? 1 : 0) + (withAddress ? 1 : 0)}>
                {t("plan.totals", totals.rows)}
              </th>
              <td className="num">{n(totals.areaRecovered)}</td>
              <td />
              <td className="num">{n(totals.landCompensation)}</td>
              <td className="num">{n(totals.assetCompensation)}</td>
              <td className="num">{n(totals.support)}</td>
              <td className="num">{n(totals.total)}</td>
              <td />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}

/** What changed plot by plot between two versions of the table. */
export function PlanChanges({ changes }: { changes: PlanRowChange[] }) {
  const t = useT();
  const none = t("plan.noResettlement");
  if (changes.length === 0) return <p>{t("plan.changes.none")}</p>;
  return (
    <ul className="plan-changes">
      {changes.map((c) => (
        <li key={`${c.kind}-${c.plot.mapSheet}-${c.plot.plotNumber}`}>
          <strong>{t(`plan.change.${c.kind}`)}</strong>: {t("plan.change.plot", c.plot.plotNumber, c.plot.mapSheet)}
          {c.fields.length ? (
            <ul>
              {c.fields.map((f) => (
                <li key={f.field}>
                  {/* <del>/<ins> are not announced by screen readers: the words before/after are, visually hidden. */}
                  {t(`plan.col.${f.field}`)}:{" "}
                  <del>
                    <span className="visually-hidden">{t("disclosure.change.before")}: </span>
                    {formatPlanValue(f.field, f.before, none)}
                  </del>{" "}
                  →{" "}
                  <ins>
                    <span className="visually-hidden">{t("disclosure.change.after")}: </span>
                    {formatPlanValue(f.field, f.after, none)}
                  </ins>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const DETAIL_FIELDS: readonly PlanField[] = [
  "householdName",
  "householdAddress",
  "plotNumber",
  "mapSheet",
  "landType",
  "areaRecovered",
  "unitPrice",
  "landCompensation",
  "assetCompensation",
  "support",
  "total",
  "resettlement",
];

/** One row as a list of questions and answers: readable on a phone, where a wide table is not. */
export function PlanRowDetails({ row }: { row: PlanTableRow }) {
  const t = useT();
  const none = t("plan.noResettlement");
  return (
    <dl className="summary-list">
      {DETAIL_FIELDS.map((field) => (
        <div key={field}>
          <dt>{t(`plan.col.${field}`)}</dt>
          <dd>{field === "total" ? <strong>{formatPlanValue(field, row[field], none)}</strong> : formatPlanValue(field, row[field] ?? "", none)}</dd>
        </div>
      ))}
    </dl>
  );
}
