// Figures per unit, category and kind for a period (received, accepted, answered, on time, overdue, time to answer,
// satisfaction), the same numbers as CSV, and the home page's counts.
import { and, count, eq, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import * as t from "../../../db/schema";
import { casesByRunningClock, runningClocks } from "../../../db/schema/cases";
import { periodParts, type Period } from "~/domain/period";
import { addDays, vnDate } from "~/domain/dates";
import { read } from "~/services/platform/database.server";
import { csvDocument, type CsvValue } from "~/domain/csv";
import { receptionLines, SUPERVISION_COLUMNS } from "~/domain/report-figures";
import { receptionFigures } from "~/services/reception/figures.server";
import { supervisionFigures } from "~/services/supervision/figures.server";
import { FIGURE_COLUMNS, figureText, type FigureRow } from "~/domain/figures";
import { translator, type TranslationKey } from "~/i18n";
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

/**
 * Figures of the cases received in the period. Each act is credited to the unit its event records (figures.ts,
 * creditedUnit), so a case that moved on (transferred, contested) still counts for the unit that accepted and
 * answered it; a rating counts for the unit whose answer it rates. Those are read from the counts kept per day
 * received (figure_counts, kept by triggers in the write's transaction): at most a row per day and unit, never a
 * scan of the cases. "Overdue now" belongs to the unit holding the case now and depends on today: it is counted
 * from the index of running clocks (open, not paused) alone.
 */
export async function statistics(period: Period, groupBy: GroupBy, now = new Date()): Promise<{ rows: FigureRow[]; total: FigureRow }> {
  const today = vnDate(now);
  const f = t.figureCounts;
  // Whole months from month rows, the ends of the period from day rows: a year reads 12 rows per unit.
  const parts = periodParts(period);
  const ranges = [
    ...(parts.months ? [and(eq(f.grain, "month"), gte(f.day, parts.months[0]), lte(f.day, parts.months[1]))] : []),
    ...parts.days.map(([from, to]) => and(eq(f.grain, "day"), gte(f.day, from), lte(f.day, to))),
  ];
  const dim = groupBy === "commune" ? "unit" : groupBy;
  const counted = (d: typeof dim | "total") =>
    read()
      .select({
        key: f.key,
        received: sql<number>`sum(${f.received})`,
        accepted: sql<number>`sum(${f.accepted})`,
        answered: sql<number>`sum(${f.answered})`,
        answeredOnTime: sql<number>`sum(${f.answeredOnTime})`,
        daysToAnswer: sql<number>`sum(${f.daysToAnswer})`,
        ratings: sql<number>`sum(${f.ratings})`,
        scoreSum: sql<number>`sum(${f.scoreSum})`,
      })
      .from(f)
      .where(and(eq(f.dim, d), or(...ranges)))
      .groupBy(f.key);
  const overdueKey = groupBy === "commune" ? t.cases.communeId : groupBy === "category" ? t.cases.categoryCode : t.cases.kindCode;
  // The same words as the partial index cases_running_idx, so that only its entries are read.
  const overdue = (key: SQL) =>
    read()
      .select({ key: sql<string>`${key}`, overdueNow: count() })
      .from(casesByRunningClock)
      .where(and(runningClocks, lt(t.cases.dueOn, today), periodCondition(period)));
  const [actRows, [actTotal], overdueRows] = await Promise.all([counted(dim), counted("total"), overdue(sql`${overdueKey}`).groupBy(overdueKey)]);
  const ref = await reference();
  const label = (key: string) => (groupBy === "commune" ? communeName(ref, key) : key);
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  type Parts = { act?: (typeof actRows)[number]; overdue?: { overdueNow: number } };
  const toRow = (key: string, { act, overdue }: Parts): FigureRow => ({
    key,
    label: label(key),
    received: act?.received ?? 0,
    accepted: act?.accepted ?? 0,
    answered: act?.answered ?? 0,
    answeredOnTime: act?.answeredOnTime ?? 0,
    overdueNow: overdue?.overdueNow ?? 0,
    averageDaysToAnswer: round(act?.answered ? act.daysToAnswer / act.answered : null),
    satisfaction: round(act?.ratings ? act.scoreSum / act.ratings : null),
    ratings: act?.ratings ?? 0,
  });
  const present = new Set([...actRows, ...overdueRows].map((r) => r.key));
  // Every unit or category appears, with zeros where nothing was received: absence is information too.
  const keys =
    groupBy === "commune"
      ? ref.communes.filter((c) => c.validTo == null || present.has(c.id)).map((c) => c.id)
      : groupBy === "category"
        ? ref.allCategories.map((c) => c.code)
        : ref.kinds.map((k) => k.code);
  const rows = keys.map((key) => toRow(key, { act: actRows.find((r) => r.key === key), overdue: overdueRows.find((r) => r.key === key) }));
  // Every case has exactly one holder, category and kind: the total overdue is the sum of the groups.
  const overdueTotal = { overdueNow: overdueRows.reduce((a, r) => a + r.overdueNow, 0) };
  return { rows, total: toRow("total", { act: actTotal, overdue: overdueTotal }) };
}

/** The figures as CSV, one block per grouping, the same numbers as the pages (labels in Vietnamese). */
export async function figuresCsv(period: Period, groups: readonly GroupBy[]): Promise<string> {
  return csvDocument(joinBlocks(await figureBlocks(period, groups)));
}

/** Blocks separated by an empty line (csvDocument adds the byte-order mark and neutralises formulas). */
function joinBlocks(blocks: CsvValue[][][]): CsvValue[][] {
  return blocks.flatMap((block, i) => (i === 0 ? block : [[], ...block]));
}

/** The periodic report as CSV: the case figures by commune, category and kind, then reception and supervision. */
export async function periodicReportCsv(period: Period): Promise<string> {
  const t = translator("vi");
  const [cases, reception, supervision] = await Promise.all([
    figureBlocks(period, ["commune", "category", "kind"]),
    receptionFigures(period.from, period.to),
    supervisionFigures(period.from, period.to),
  ]);
  const receptionBlock: CsvValue[][] = [
    [t("reception.figures.title"), t("reception.figures.count")],
    ...receptionLines(reception).map((l) => [t(l.key as TranslationKey), l.value ?? ""]),
    [t("reception.figures.unitsShort"), reception.unitsShort.map((u) => u.name).join(", ") || t("reception.figures.unitsShortNone")],
  ];
  const supervisionBlock: CsvValue[][] = [
    [t("supervision.figures.unit"), ...SUPERVISION_COLUMNS.map((c) => t(`supervision.figures.${c}`))],
    ...supervision.rows.map((r) => [r.name, ...SUPERVISION_COLUMNS.map((c) => r[c])]),
    [t("stats.total"), ...SUPERVISION_COLUMNS.map((c) => supervision.total[c])],
    [t("supervision.figures.closedConfirmed"), supervision.closedConfirmed],
    [t("supervision.figures.closedWithoutReply"), supervision.closedWithoutReply],
  ];
  return csvDocument(joinBlocks([...cases, receptionBlock, supervisionBlock]));
}

async function figureBlocks(period: Period, groups: readonly GroupBy[]): Promise<CsvValue[][][]> {
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
  return blocks;
}

/** The home page's counts, from the cases counted per status (kept by triggers in each write's transaction). */
export async function homeFigures() {
  const rows = await read().select({ status: t.statusCounts.status, n: t.statusCounts.n }).from(t.statusCounts);
  const count = (statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((a, r) => a + r.n, 0);
  return {
    received: rows.reduce((a, r) => a + r.n, 0),
    open: count([...OPEN_STATUSES]),
    answered: count([...ANSWERED_STATUSES]),
  };
}
