// Counts derived from the cases, kept in step by triggers in the same transaction as the write that moves them
// (migration "figure_counts"), so that the figures never scan `cases`. `rebuildDerivedData` recounts them all.
import { sql } from "drizzle-orm";
import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The statistics' figures per day a case was received (Vietnam's calendar) and per unit, category, kind or in
 * total (`dim`, `key`). For `unit`, a case counts as received and accepted once per unit it reached and that
 * accepted it (decision 009); for the other dimensions, once. Answers and ratings count one per act; the average
 * time to answer is `days_to_answer / answered`, the satisfaction `score_sum / ratings`. Each act is counted in its
 * day's row and in its month's row, so that a period reads whole months from month rows and only its ends from
 * day rows: a year's figures read a few hundred rows, however many cases there are.
 */
export const figureCounts = sqliteTable(
  "figure_counts",
  {
    dim: text("dim", { enum: ["unit", "category", "kind", "total"] }).notNull(),
    /** "day" rows (day = YYYY-MM-DD) and their "month" sums (day = YYYY-MM): a year is read as 12 rows per key. */
    grain: text("grain", { enum: ["day", "month"] }).notNull(),
    day: text("day").notNull(),
    key: text("key").notNull(),
    received: integer("received").notNull().default(0),
    accepted: integer("accepted").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    answeredOnTime: integer("answered_on_time").notNull().default(0),
    daysToAnswer: real("days_to_answer").notNull().default(0),
    ratings: integer("ratings").notNull().default(0),
    scoreSum: integer("score_sum").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dim, t.grain, t.day, t.key] })],
);

/** How many cases are in each status (the home page's figures). */
export const statusCounts = sqliteTable("status_counts", {
  status: text("status").primaryKey(),
  n: integer("n")
    .notNull()
    .default(sql`0`),
});
