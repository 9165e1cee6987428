// What the public may know about handled cases: the register of answered cases whose residents agreed to
// publication, and the statistics per commune and category. Never a name, phone, email, address, ID number or
// attachment: contact data is read only to redact it from published text.
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import * as t from "../../../db/schema";
import { csvDocument } from "~/domain/csv";
import { addDays, vnDate } from "~/domain/dates";
import { redactPersonalData } from "~/domain/redaction";
import { foldForSearch } from "~/domain/text";
import { read, transaction, type Tx, type Db } from "~/services/platform/database.server";
import { FIGURE_COLUMNS } from "~/domain/figures";
import { translator } from "~/i18n";
import { categoryLabels, communeName, reference } from "~/services/reference/reference.server";

export const REGISTER_PAGE_SIZE = 20;

/** Denunciations are never published: their content could identify the denouncer. */
export const PUBLISHABLE_KINDS = ["feedback", "petition", "complaint"];

export interface RegisterFilters {
  q?: string;
  commune?: string;
  category?: string;
  page?: number;
}

function publishedCondition(): SQL {
  return and(eq(t.cases.publishConsent, true), inArray(t.cases.status, ["answered", "closed"]), inArray(t.cases.kindCode, PUBLISHABLE_KINDS), sql`${t.cases.answeredAt} IS NOT NULL`)!;
}

/** The latest written answer of each case, one query for the whole page. */
async function answersFor(caseIds: number[]): Promise<Map<number, string>> {
  if (!caseIds.length) return new Map();
  const rows = (await read()
    .select({ caseId: t.caseEvents.caseId, body: t.caseEvents.body })
    .from(t.caseEvents)
    .where(and(inArray(t.caseEvents.caseId, caseIds), eq(t.caseEvents.type, "answered")))
    .orderBy(asc(t.caseEvents.id))
    );
  const map = new Map<number, string>();
  for (const r of rows) if (r.body) map.set(r.caseId, r.body);
  return map;
}

export async function registerPage(filters: RegisterFilters) {
  const where: SQL[] = [publishedCondition()];
  if (filters.commune) where.push(eq(t.cases.communeId, filters.commune));
  if (filters.category) where.push(eq(t.cases.categoryCode, filters.category));
  if (filters.q) {
    const folded = foldForSearch(filters.q).replace(/[\\%_]/g, (c) => `\\${c}`);
    if (folded) where.push(sql`${t.cases.searchText} LIKE ${`%${folded}%`} ESCAPE '\\'`);
  }
  const page = Math.max(1, filters.page ?? 1);
  const rows = (await read()
    .select({
      id: t.cases.id,
      code: t.cases.code,
      kindCode: t.cases.kindCode,
      categoryCode: t.cases.categoryCode,
      communeId: t.cases.communeId,
      receivedAt: t.cases.receivedAt,
      answeredAt: t.cases.answeredAt,
      title: t.cases.title,
      description: t.cases.description,
      requestedOutcome: t.cases.requestedOutcome,
      filerName: t.caseContacts.fullName,
    })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(and(...where))
    .orderBy(desc(t.cases.answeredAt))
    .limit(REGISTER_PAGE_SIZE)
    .offset((page - 1) * REGISTER_PAGE_SIZE)
    );
  const total = (await read().select({ n: count() }).from(t.cases).where(and(...where)))[0].n;
  const answers = await answersFor(rows.map((r) => r.id));
  const ref = await reference();
  return {
    page,
    pages: Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE)),
    total,
    rows: rows.map(({ id, filerName, ...r }) => {
      const redact = (text: string) => redactPersonalData(text, [filerName]);
      return {
        ...r,
        communeName: communeName(ref, r.communeId),
        title: redact(r.title),
        description: redact(r.description),
        requestedOutcome: redact(r.requestedOutcome),
        answer: answers.has(id) ? redact(answers.get(id)!) : null,
      };
    }),
  };
}

// ---------------------------------------------------------------- statistics

export interface Period {
  /** YYYY-MM-DD, Vietnam calendar days, inclusive. */
  from: string;
  to: string;
}

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

const OPEN = ["received", "accepted", "in_progress", "info_requested", "contested"];

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
    overdueNow: sql<number>`sum(CASE WHEN ${t.cases.status} IN (${sql.join(OPEN.map((s) => sql`${s}`), sql`, `)}) AND ${t.cases.pausedSince} IS NULL AND ${t.cases.dueOn} < ${today} THEN 1 ELSE 0 END)`,
    averageDaysToAnswer: sql<number | null>`avg(CASE WHEN ${t.cases.answeredAt} IS NOT NULL THEN julianday(${t.cases.answeredAt}) - julianday(${t.cases.receivedAt}) END)`,
    satisfaction: sql<number | null>`avg(${t.caseRatings.score})`,
    ratings: count(t.caseRatings.score),
  };
  const base = () => read().select({ key: groupColumn, ...figures }).from(t.cases).leftJoin(t.caseRatings, eq(t.caseRatings.caseId, t.cases.id)).where(periodCondition(period));
  const grouped = base().groupBy(groupColumn).all();
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
    return found ? toRow(key, found) : toRow(key, { received: 0, accepted: 0, answered: 0, answeredOnTime: 0, overdueNow: 0, averageDaysToAnswer: null, satisfaction: null, ratings: 0 });
  });
  return { rows, total: toRow("total", totalRow) };
}

/** The figures as CSV, one block per grouping, the same numbers as the pages (labels in Vietnamese). */
export async function figuresCsv(period: Period, groups: readonly GroupBy[]): Promise<string> {
  const t = translator("vi", categoryLabels(await reference(), "vi"));
  const firstColumn: Record<GroupBy, string> = { commune: t("stats.unit"), category: t("stats.category"), kind: t("report.kindLabel") };
  const label = (groupBy: GroupBy, r: FigureRow) =>
    r.key === "total" ? t("stats.total") : groupBy === "commune" ? r.label : groupBy === "category" ? t(`category.${r.key}`) : t(`kind.${r.key}`);
  const figures = await Promise.all(groups.map((groupBy) => statistics(period, groupBy)));
  const blocks = groups.map((groupBy, i) => {
    const { rows, total } = figures[i];
    const header = [firstColumn[groupBy], ...FIGURE_COLUMNS.map((c) => t(`stats.${c}`))];
    return [header, ...[...rows, total].map((r) => [label(groupBy, r), ...FIGURE_COLUMNS.map((k) => r[k])])];
  });
  // Blocks separated by an empty line; csvDocument adds the byte-order mark and neutralises formulas.
  return csvDocument(blocks.flatMap((block, i) => (i === 0 ? block : [[], ...block])));
}

/** A default period: from 1 January of this year to today (Vietnam). */
export function defaultPeriod(now = new Date()): Period {
  const today = vnDate(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}


export type ReportKind = "thang" | "quy" | "nam";

/** The calendar period of a monthly, quarterly or yearly report (number = month 1–12 or quarter 1–4). */
export function reportPeriod(kind: ReportKind, year: number, number: number): Period {
  const pad = (n: number) => String(n).padStart(2, "0");
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (kind === "nam") return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (kind === "quy") {
    const first = (number - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
  }
  return { from: `${year}-${pad(number)}-01`, to: `${year}-${pad(number)}-${pad(lastDay(year, number))}` };
}
