// Figures per unit, category and kind for a period (received, accepted, answered, on time, overdue, time to answer,
// satisfaction), the same numbers as CSV, and the home page's counts.
import { and, count, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import * as t from "../../../db/schema";
import type { Period } from "~/domain/period";
import { addDays, vnDate } from "~/domain/dates";
import { read } from "~/services/platform/database.server";
import { csvDocument } from "~/domain/csv";
import { FIGURE_COLUMNS } from "~/domain/figures";
import { translator } from "~/i18n";
import { categoryLabels, communeName, reference } from "~/services/reference/reference.server";
import { ANSWERED_STATUSES, OPEN_STATUSES } from "~/domain/case-workflow";
import { translateMessage } from "~/i18n";

// ---------------------------------------------------------------- statistics

export interface FigureRow {
  key: string;
  label: string;
  received: number;
  accepted: number;
  answered: number;
  answeredOnTime: number;
  overdueNow: number;
  averageDaysToAnswer: number | null;
  satisfaction: number | null;
  ratings: number;
}

function periodCondition(period: Period): SQL {
  return and(
    gte(t.cases.receivedAt, new Date(`${period.from}T00:00:00+07:00`).toISOString()),
    lt(t.cases.receivedAt, new Date(`${addDays(period.to, 1)}T00:00:00+07:00`).toISOString()),
  )!;
}

/** Figures grouped by commune or by category, computed in one aggregate query each, plus the total. */
export type GroupBy = "commune" | "category" | "kind";

export async function statistics(period: Period, groupBy: GroupBy, now = new Date()): Promise<{ rows: FigureRow[]; total: FigureRow }> {
  const today = vnDate(now);
  const groupColumn = groupBy === "commune" ? t.cases.communeId : groupBy === "category" ? t.cases.categoryCode : t.cases.kindCode;
  const figures = {
    received: count(),
    accepted: sql<number>`sum(CASE WHEN EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = ${t.cases.id} AND e.type = 'accepted') THEN 1 ELSE 0 END)`,
    answered: sql<number>`sum(CASE WHEN ${t.cases.answeredAt} IS NOT NULL THEN 1 ELSE 0 END)`,
    answeredOnTime: sql<number>`sum(CASE WHEN ${t.cases.answeredAt} IS NOT NULL AND ${t.cases.answeredDueOn} IS NOT NULL AND date(${t.cases.answeredAt}, '+7 hours') <= ${t.cases.answeredDueOn} THEN 1 ELSE 0 END)`,
    overdueNow: sql<number>`sum(CASE WHEN ${t.cases.status} IN (${sql.join(
      OPEN_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )}) AND ${t.cases.pausedSince} IS NULL AND ${t.cases.dueOn} < ${today} THEN 1 ELSE 0 END)`,
    averageDaysToAnswer: sql<
      number | null
    >`avg(CASE WHEN ${t.cases.answeredAt} IS NOT NULL THEN julianday(${t.cases.answeredAt}) - julianday(${t.cases.receivedAt}) END)`,
    satisfaction: sql<number | null>`avg(${t.caseRatings.score})`,
    ratings: count(t.caseRatings.score),
  };
  const base = () =>
    read()
      .select({ key: groupColumn, ...figures })
      .from(t.cases)
      .leftJoin(t.caseRatings, eq(t.caseRatings.caseId, t.cases.id))
      .where(periodCondition(period));
  const grouped = await base().groupBy(groupColumn);
  const totalRow = (await read().select(figures).from(t.cases).leftJoin(t.caseRatings, eq(t.caseRatings.caseId, t.cases.id)).where(periodCondition(period)))[0];
  const ref = await reference();
  const label = (key: string) => (groupBy === "commune" ? communeName(ref, key) : key);
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  const toRow = (key: string, r: Omit<typeof totalRow, never>): FigureRow => ({
    key,
    label: label(key),
    received: r.received,
    accepted: r.accepted ?? 0,
    answered: r.answered ?? 0,
    answeredOnTime: r.answeredOnTime ?? 0,
    overdueNow: r.overdueNow ?? 0,
    averageDaysToAnswer: round(r.averageDaysToAnswer),
    satisfaction: round(r.satisfaction),
    ratings: r.ratings,
  });
  // Every unit or category appears, with zeros where nothing was received: absence is information too.
  const keys =
    groupBy === "commune"
      ? ref.communes.filter((c) => c.validTo == null || grouped.some((g) => g.key === c.id)).map((c) => c.id)
      : groupBy === "category"
        ? ref.allCategories.map((c) => c.code)
        : ref.kinds.map((k) => k.code);
  const rows = keys.map((key) => {
    const found = grouped.find((g) => g.key === key);
    return found
      ? toRow(key, found)
      : toRow(key, { received: 0, accepted: 0, answered: 0, answeredOnTime: 0, overdueNow: 0, averageDaysToAnswer: null, satisfaction: null, ratings: 0 });
  });
  return { rows, total: toRow("total", totalRow) };
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
    return [header, ...[...rows, total].map((r) => [label(groupBy, r), ...FIGURE_COLUMNS.map((k) => r[k])])];
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
