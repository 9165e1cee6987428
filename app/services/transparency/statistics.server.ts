// Figures per unit, category and kind for a period (received, accepted, answered, on time, overdue, time to answer,
// satisfaction), the same numbers as CSV, and the home page's counts.
import { and, count, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import * as t from "../../../db/schema";
import type { Period } from "~/domain/period";
import { addDays, vnDate } from "~/domain/dates";
import { read } from "~/services/platform/database.server";
import { csvDocument } from "~/domain/csv";
import { FIGURE_ACTS, FIGURE_COLUMNS, figureText, type FigureRow } from "~/domain/figures";
import { translator } from "~/i18n";
import { categoryLabels, communeName, reference } from "~/services/reference/reference.server";
import { ANSWERED_STATUSES, OPEN_STATUSES } from "~/domain/case-workflow";
import { translateMessage } from "~/i18n";

// ---------------------------------------------------------------- statistics

export type { FigureRow };

function periodCondition(period: Period): SQL {
  return and(
    gte(t.cases.receivedAt, new Date(`${period.from}T00:00:00+07:00`).toISOString()),
    lt(t.cases.receivedAt, new Date(`${addDays(period.to, 1)}T00:00:00+07:00`).toISOString()),
  )!;
}

/** Figures grouped by commune or by category, computed in one aggregate query each, plus the total. */
export type GroupBy = "commune" | "category" | "kind";

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Figures of the cases received in the period. Each act is credited to the unit its event records (figures.ts,
 * creditedUnit), so a case that moved on (transferred, contested) still counts for the unit that accepted and
 * answered it; a rating counts for the unit whose answer it rates. "Overdue now" belongs to the unit holding the
 * case now. Three aggregate queries (events, ratings, open cases), each grouped in SQL; the total is the same
 * queries ungrouped, so it counts each case once for received and accepted.
 */
export async function statistics(period: Period, groupBy: GroupBy, now = new Date()): Promise<{ rows: FigureRow[]; total: FigureRow }> {
  const today = vnDate(now);
  const caseGroup = groupBy === "category" ? sql`${t.cases.categoryCode}` : sql`${t.cases.kindCode}`;
  const e = t.caseEvents;
  // The day a unit received the case for the stage an answer closes: its latest receipt before the answer.
  const receiptBefore = sql`(SELECT max(r.created_at) FROM case_events r WHERE r.case_id = ${e.caseId} AND r.id < ${e.id} AND r.type IN (${inList(
    FIGURE_ACTS.received,
  )}))`;
  const isAnswer = sql`${e.type} IN (${inList(FIGURE_ACTS.answered)})`;
  const actFigures = {
    received: sql<number>`count(DISTINCT CASE WHEN ${e.type} IN (${inList(FIGURE_ACTS.received)}) THEN ${e.caseId} END)`,
    accepted: sql<number>`count(DISTINCT CASE WHEN ${e.type} IN (${inList(FIGURE_ACTS.accepted)}) THEN ${e.caseId} END)`,
    answered: sql<number>`coalesce(sum(CASE WHEN ${isAnswer} THEN 1 ELSE 0 END), 0)`,
    // As figures.answeredOnTime: answered (Vietnam's date) no later than the due date in force then; unknown: not on time.
    answeredOnTime: sql<number>`coalesce(sum(CASE WHEN ${isAnswer} AND ${e.dueOn} IS NOT NULL AND date(${e.createdAt}, '+7 hours') <= ${e.dueOn} THEN 1 ELSE 0 END), 0)`,
    averageDaysToAnswer: sql<
      number | null
    >`avg(CASE WHEN ${isAnswer} THEN julianday(${e.createdAt}) - julianday(coalesce(${receiptBefore}, ${t.cases.receivedAt})) END)`,
  };
  const ratingFigures = { satisfaction: sql<number | null>`avg(${t.answerRatings.score})`, ratings: count(t.answerRatings.id) };
  const overdueFigure = {
    overdueNow: sql<number>`coalesce(sum(CASE WHEN ${t.cases.status} IN (${inList(OPEN_STATUSES)}) AND ${t.cases.pausedSince} IS NULL AND ${t.cases.dueOn} < ${today} THEN 1 ELSE 0 END), 0)`,
  };
  const answerEvents = alias(t.caseEvents, "answer_event");
  const acts = (key: SQL) =>
    read()
      .select({ key: sql<string>`${key}`, ...actFigures })
      .from(e)
      .innerJoin(t.cases, eq(t.cases.id, e.caseId))
      .where(periodCondition(period));
  const ratings = (key: SQL) =>
    read()
      .select({ key: sql<string>`${key}`, ...ratingFigures })
      .from(t.answerRatings)
      .innerJoin(answerEvents, eq(answerEvents.id, t.answerRatings.answerEventId))
      .innerJoin(t.cases, eq(t.cases.id, t.answerRatings.caseId))
      .where(periodCondition(period));
  const overdue = (key: SQL) =>
    read()
      .select({ key: sql<string>`${key}`, ...overdueFigure })
      .from(t.cases)
      .where(periodCondition(period));
  const byUnit = groupBy === "commune";
  const [actRows, ratingRows, overdueRows, [actTotal], [ratingTotal], [overdueTotal]] = await Promise.all([
    byUnit ? acts(sql`${e.unitId}`).groupBy(e.unitId) : acts(caseGroup).groupBy(caseGroup),
    byUnit ? ratings(sql`${answerEvents.unitId}`).groupBy(answerEvents.unitId) : ratings(caseGroup).groupBy(caseGroup),
    byUnit ? overdue(sql`${t.cases.communeId}`).groupBy(t.cases.communeId) : overdue(caseGroup).groupBy(caseGroup),
    acts(sql`'total'`),
    ratings(sql`'total'`),
    overdue(sql`'total'`),
  ]);
  const ref = await reference();
  const label = (key: string) => (groupBy === "commune" ? communeName(ref, key) : key);
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  type Parts = { act?: (typeof actRows)[number]; rating?: (typeof ratingRows)[number]; overdue?: (typeof overdueRows)[number] };
  const toRow = (key: string, { act, rating, overdue }: Parts): FigureRow => ({
    key,
    label: label(key),
    received: act?.received ?? 0,
    accepted: act?.accepted ?? 0,
    answered: act?.answered ?? 0,
    answeredOnTime: act?.answeredOnTime ?? 0,
    overdueNow: overdue?.overdueNow ?? 0,
    averageDaysToAnswer: round(act?.averageDaysToAnswer ?? null),
    satisfaction: round(rating?.satisfaction ?? null),
    ratings: rating?.ratings ?? 0,
  });
  const present = new Set([...actRows, ...ratingRows, ...overdueRows].map((r) => r.key));
  // Every unit or category appears, with zeros where nothing was received: absence is information too.
  const keys =
    groupBy === "commune"
      ? ref.communes.filter((c) => c.validTo == null || present.has(c.id)).map((c) => c.id)
      : groupBy === "category"
        ? ref.allCategories.map((c) => c.code)
        : ref.kinds.map((k) => k.code);
  const rows = keys.map((key) =>
    toRow(key, { act: actRows.find((r) => r.key === key), rating: ratingRows.find((r) => r.key === key), overdue: overdueRows.find((r) => r.key === key) }),
  );
  return { rows, total: toRow("total", { act: actTotal, rating: ratingTotal, overdue: overdueTotal }) };
}

/** The figures as CSV, one block per grouping, the same numbers as the pages (labels in Vietnamese). */
export async function figuresCsv(period: Period, groups: readonly GroupBy[]): Promise<string> {
  const t = translator("vi", categoryLabels(await reference(), "vi"));
  const firstColumn: Record<GroupBy, string> = { commune: t("stats.unit"), category: t("stats.category"), kind: t("report.kindLabel") };
  const label = (groupBy: GroupBy, r: FigureRow) =>
    r.key === "total"
      ? t("stats.total")
      : groupBy === "commune"
        ? r.label
        : groupBy === "category"
          ? t(`category.${r.key}`)
          : translateMessage(t, `kind.${r.key}`);
  const figures = await Promise.all(groups.map((groupBy) => statistics(period, groupBy)));
  const blocks = groups.map((groupBy, i) => {
    const { rows, total } = figures[i];
    const header = [firstColumn[groupBy], ...FIGURE_COLUMNS.map((c) => t(`stats.${c}`))];
    return [header, ...[...rows, total].map((r) => [label(groupBy, r), ...FIGURE_COLUMNS.map((k) => figureText(r, k, "csv"))])];
  });
  // Blocks separated by an empty line; csvDocument adds the byte-order mark and neutralises formulas.
  return csvDocument(blocks.flatMap((block, i) => (i === 0 ? block : [[], ...block])));
}

export async function homeFigures() {
  const rows = await read()
    .select({ status: t.cases.status, n: sql<number>`count(*)` })
    .from(t.cases)
    .groupBy(t.cases.status);
  const count = (statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((a, r) => a + r.n, 0);
  return {
    received: rows.reduce((a, r) => a + r.n, 0),
    open: count([...OPEN_STATUSES]),
    answered: count([...ANSWERED_STATUSES]),
  };
}
