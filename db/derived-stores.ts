// The full recount of what the triggers of migration "derived_figures_and_search" keep in step with every write:
// the figures (figure_counts), the cases per status and the search index. Registered with `registerRebuild`, run
// by `rebuildDerivedData` after a bulk load, at start-up on a database that has cases but no counts yet (the first
// start after the migration), and by the tests that compare the triggers' counts with a recount.
import { FIGURE_ACTS } from "../app/domain/figures";
import type { Db } from "./client";
import { registerRebuild, rebuildDerivedData } from "./derived";

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");
const RECEIVED = list(FIGURE_ACTS.received);
const ACCEPTED = list(FIGURE_ACTS.accepted);
const ANSWERED = list(FIGURE_ACTS.answered);

/** One row per act counted, with what each figure needs; then grouped four ways (unit, category, kind, total). */
const FIGURES_SQL = [
  `DROP TABLE IF EXISTS temp.figure_acts`,
  `CREATE TEMP TABLE figure_acts AS
   SELECT date(c.received_at, '+7 hours') AS day, coalesce(e.unit_id, '') AS unit, c.category_code AS category, c.kind_code AS kind,
     e.case_id, e.type IN (${RECEIVED}) AS is_received, e.type IN (${ACCEPTED}) AS is_accepted, e.type IN (${ANSWERED}) AS is_answer,
     e.type IN (${ANSWERED}) AND e.due_on IS NOT NULL AND date(e.created_at, '+7 hours') <= e.due_on AS on_time,
     CASE WHEN e.type IN (${ANSWERED}) THEN julianday(e.created_at) - julianday(coalesce(
       (SELECT max(r.created_at) FROM case_events r WHERE r.case_id = e.case_id AND r.id < e.id AND r.type IN (${RECEIVED})), c.received_at)) ELSE 0 END AS days,
     0 AS rating, 0 AS score
   FROM case_events e JOIN cases c ON c.id = e.case_id
   WHERE e.type IN (${RECEIVED}, ${ACCEPTED}, ${ANSWERED})
   UNION ALL
   SELECT date(c.received_at, '+7 hours'), coalesce(a.unit_id, ''), c.category_code, c.kind_code, c.id, 0, 0, 0, 0, 0, 1, ar.score
   FROM answer_ratings ar JOIN case_events a ON a.id = ar.answer_event_id JOIN cases c ON c.id = ar.case_id`,
  `DELETE FROM figure_counts`,
  ...(
    [
      ["unit", "unit"],
      ["category", "category"],
      ["kind", "kind"],
      ["total", "'total'"],
    ] as const
  ).flatMap(([dim, key]) =>
    (
      [
        ["day", 10],
        ["month", 7],
      ] as const
    ).map(
      ([grain, length]) => `INSERT INTO figure_counts (dim, grain, day, key, received, accepted, answered, answered_on_time, days_to_answer, ratings, score_sum)
       SELECT '${dim}', '${grain}', substr(day, 1, ${length}), ${key}, count(DISTINCT CASE WHEN is_received THEN case_id END),
         count(DISTINCT CASE WHEN is_accepted THEN case_id END), sum(is_answer), sum(on_time), sum(days), sum(rating), sum(score)
       FROM temp.figure_acts GROUP BY substr(day, 1, ${length}), ${key}`,
    ),
  ),
  `DROP TABLE temp.figure_acts`,
];

function rebuildFigures(db: Db): void {
  for (const statement of FIGURES_SQL) db.$client.prepare(statement).run();
}

function rebuildStatusCounts(db: Db): void {
  db.$client.prepare(`DELETE FROM status_counts`).run();
  db.$client.prepare(`INSERT INTO status_counts (status, n) SELECT status, count(*) FROM cases GROUP BY status`).run();
}

function rebuildSearchIndex(db: Db): void {
  db.$client.prepare(`INSERT INTO cases_search (cases_search) VALUES ('rebuild')`).run();
}

registerRebuild("figures", rebuildFigures);
registerRebuild("status counts", rebuildStatusCounts);
registerRebuild("search index", rebuildSearchIndex);

export { rebuildDerivedData };

/**
 * The first start after the migration that added the counts: cases exist but nothing is counted yet, so they are
 * recounted once. Two one-row reads otherwise.
 */
export function fillDerivedDataIfMissing(db: Db): boolean {
  const hasCases = db.$client.prepare(`SELECT 1 FROM cases LIMIT 1`).get();
  const counted = db.$client.prepare(`SELECT 1 FROM status_counts LIMIT 1`).get();
  if (!hasCases || counted) return false;
  rebuildDerivedData(db);
  return true;
}
