// The officials' lists: the inbox (filters, search, pages), its CSV export and the overdue board, always within
// the user's scope.
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import type { CaseKind } from "~/domain/filing";
import * as t from "../../../db/schema";
import { casesByRunningClock, runningClocks } from "../../../db/schema/cases";
import { DISTRICT_ID } from "../../../db/data/reference";
import { addDays, formatDate, vnDate } from "~/domain/dates";
import { urgency, type Urgency } from "~/domain/deadlines";
import { caseScope, inScope, seesFilerIdentity, type CaseScope, type StaffUser } from "~/domain/permissions";
import { redactedForStaff } from "~/domain/redaction";
import { phoneDigits } from "~/domain/text";
import { identityColumns } from "./identity.server";
import { csvPart } from "~/domain/csv";
import { translator } from "~/i18n";
import { audit } from "~/services/platform/audit.server";
import { read } from "~/services/platform/database.server";
import { categoryLabels, communeName, publishedContacts, reference, type Reference } from "~/services/reference/reference.server";
import { FINISHED_STATUSES, isOpen, OPEN_STATUSES, type CaseStatus } from "~/domain/case-workflow";
import { caseSearch, type CaseSearch } from "~/services/cases/search.server";
import { decodeCursor, decodeIdCursor, encodeCursor, encodeIdCursor, keysetPage } from "~/domain/keyset";

export const PAGE_SIZE = 25;
// ---------------------------------------------------------------- listing

export interface CaseFilters {
  status?: CaseStatus;
  kind?: CaseKind;
  category?: string;
  commune?: string;
  hamlet?: number;
  assignee?: number | "none";
  due?: "overdue" | "due_soon";
  from?: string;
  to?: string;
  q?: string;
  /** Keyset cursors (domain/keyset.ts): the page after, or before, that row. */
  after?: string;
  before?: string;
}

/** Up to this many matching cases are counted; past it the list says "more than". */
export const COUNT_CAP = 1000;

function scopeCondition(scope: CaseScope): SQL | undefined {
  return scope.all ? undefined : inArray(t.cases.communeId, [...scope.communeIds]);
}

function filterConditions(scope: CaseScope, f: CaseFilters, today: string): SQL[] {
  const where: (SQL | undefined)[] = [scopeCondition(scope)];
  if (f.status) where.push(eq(t.cases.status, f.status));
  if (f.kind) where.push(eq(t.cases.kindCode, f.kind));
  if (f.category) where.push(eq(t.cases.categoryCode, f.category));
  if (f.commune) where.push(eq(t.cases.communeId, f.commune));
  if (f.hamlet) where.push(eq(t.cases.hamletId, f.hamlet));
  if (f.assignee === "none") where.push(isNull(t.cases.assigneeUserId));
  else if (f.assignee) where.push(eq(t.cases.assigneeUserId, f.assignee));
  if (f.due) {
    where.push(inArray(t.cases.status, [...OPEN_STATUSES]), isNull(t.cases.pausedSince));
    where.push(f.due === "overdue" ? lt(t.cases.dueOn, today) : and(gte(t.cases.dueOn, today), lte(t.cases.dueOn, addDays(today, 3))));
  }
  // Dates are Vietnam calendar days; received_at is UTC, so compare with the day's UTC bounds.
  if (f.from) where.push(gte(t.cases.receivedAt, new Date(`${f.from}T00:00:00+07:00`).toISOString()));
  if (f.to) where.push(lt(t.cases.receivedAt, new Date(`${addDays(f.to, 1)}T00:00:00+07:00`).toISOString()));
  return where.filter((w): w is SQL => w !== undefined);
}

/** The search of `q`: only those who may see who filed search the text that carries the identity (name, e-mail, phone). */
function searchOf(q: string | undefined, identity: boolean): CaseSearch | null {
  if (!q) return null;
  const digits = phoneDigits(q);
  const byPhone = identity && /^[\d\s.+-]+$/.test(q.trim()) && digits.length >= 6 ? digits : undefined;
  return caseSearch(identity ? "identity" : "public", q, byPhone);
}

/** Every condition of the filters, the search included (for lists not paged through the index). */
function allConditions(scope: CaseScope, f: CaseFilters, today: string, identity: boolean): SQL[] {
  const search = searchOf(f.q, identity);
  const conditions = filterConditions(scope, f, today);
  if (search?.match) conditions.push(sql`${t.cases.id} IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ${search.match})`);
  if (search?.rest) conditions.push(search.rest);
  return conditions;
}

const listColumns = {
  id: t.cases.id,
  code: t.cases.code,
  title: t.cases.title,
  kindCode: t.cases.kindCode,
  categoryCode: t.cases.categoryCode,
  communeId: t.cases.communeId,
  status: t.cases.status,
  dueOn: t.cases.dueOn,
  pausedSince: t.cases.pausedSince,
  receivedAt: t.cases.receivedAt,
  assigneeName: t.users.fullName,
  identity: identityColumns,
  answerDraftEventId: t.cases.answerDraftEventId,
};

export interface CaseListRow {
  id: number;
  code: string;
  title: string;
  kindCode: CaseKind;
  categoryCode: string;
  communeId: string;
  communeName: string;
  status: CaseStatus;
  dueOn: string;
  urgency: Urgency | null;
  receivedAt: string;
  assigneeName: string | null;
  /** An answer drafted for the chairman waits for a leader's approval. */
  awaitingApproval: boolean;
}

type ListRow = Omit<CaseListRow, "communeName" | "urgency" | "awaitingApproval"> & {
  pausedSince: string | null;
  answerDraftEventId: number | null;
  identity: { fullName: string; phone: string; email: string | null; idNumber: string | null };
};

function toRow(ref: Reference, r: { [K in keyof typeof listColumns]: unknown }, today: string, identity: boolean): CaseListRow {
  const row = r as ListRow;
  const open = isOpen(row.status);
  const { pausedSince, answerDraftEventId, identity: filer, ...rest } = row;
  return {
    ...rest,
    awaitingApproval: answerDraftEventId !== null,
    title: identity ? row.title : redactedForStaff(row.title, filer, publishedContacts(ref)),
    communeName: communeName(ref, row.communeId),
    urgency: open ? urgency(row.dueOn, today, pausedSince !== null) : null,
  };
}

// The inbox's order: open cases first, then finished ones, each by due date (the most urgent first), then id. The
// indexes cases_inbox_idx and cases_unit_inbox_idx hold exactly this order, so a page is a seek and 26 rows.
const inboxOrder = [t.cases.finished, t.cases.dueOn, t.cases.id] as const;
const sortKey = sql`(${t.cases.finished}, ${t.cases.dueOn}, ${t.cases.id})`;

/**
 * One page of the cases this user may see, after or before a cursor: in the inbox's order, or, for a search the
 * index can answer, newest first as the index holds them (so a page reads the index until it has 26 rows, never
 * every match). The scope is always a condition of the query. Matches are counted up to COUNT_CAP only.
 */
export async function listCases(user: StaffUser, filters: CaseFilters, now = new Date()) {
  const today = vnDate(now);
  const identity = seesFilerIdentity(user);
  const scope = caseScope(user, DISTRICT_ID);
  const search = searchOf(filters.q, identity);
  const ref = await reference();
  const page = search?.match
    ? await searchPage(and(...filterConditions(scope, filters, today), search.rest), search.match, filters)
    : await inboxPage(
        [...filterConditions(scope, filters, today), search?.rest].filter((c): c is SQL => c !== undefined),
        filters,
      );
  return {
    rows: page.rows.map((r) => toRow(ref, r, today, identity)),
    total: Math.min(page.counted, COUNT_CAP),
    moreThanTotal: page.counted > COUNT_CAP,
    prev: page.prev,
    next: page.next,
  };
}

const selectList = () =>
  read()
    .select(listColumns)
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .leftJoin(t.users, eq(t.users.id, t.cases.assigneeUserId));

/** A page in the inbox's order: a seek on cases_inbox_idx (or cases_unit_inbox_idx) and 26 rows. */
async function inboxPage(conditions: SQL[], filters: CaseFilters) {
  const after = filters.after ? decodeCursor(filters.after) : null;
  const before = !after && filters.before ? decodeCursor(filters.before) : null;
  const cursor = after ?? before;
  const seek = !cursor
    ? undefined
    : after
      ? sql`${sortKey} > (${cursor.finished}, ${cursor.dueOn}, ${cursor.id})`
      : sql`${sortKey} < (${cursor.finished}, ${cursor.dueOn}, ${cursor.id})`;
  const rows = await selectList()
    .where(and(...conditions, seek))
    .orderBy(...inboxOrder.map((c) => (before ? desc(c) : asc(c))))
    .limit(PAGE_SIZE + 1);
  const capped = read()
    .select({ one: sql`1` })
    .from(t.cases)
    .where(and(...conditions))
    .limit(COUNT_CAP + 1);
  const counted = (await read().select({ n: count() }).from(capped.as("capped")))[0].n;
  const page = keysetPage(rows, PAGE_SIZE, after ? "after" : before ? "before" : "first", (r) =>
    encodeCursor({ finished: FINISHED.has(r.status as CaseStatus) ? 1 : 0, dueOn: r.dueOn as string, id: r.id as number }),
  );
  return { ...page, counted };
}

/**
 * A page of search results, newest first: the index is read in its own order (CROSS JOIN keeps it the outer loop)
 * and each match checked against the filters, until a page is full.
 */
async function searchPage(where: SQL | undefined, match: string, filters: CaseFilters) {
  const after = filters.after ? decodeIdCursor(filters.after) : null;
  const before = after === null && filters.before ? decodeIdCursor(filters.before) : null;
  const seek = after !== null ? sql`AND cases_search.rowid < ${after}` : before !== null ? sql`AND cases_search.rowid > ${before}` : sql``;
  const filtered = where ? sql`AND ${where}` : sql``;
  const found = sql`FROM cases_search CROSS JOIN ${t.cases} ON ${t.cases.id} = cases_search.rowid WHERE cases_search MATCH ${match} ${filtered}`;
  const ids = (
    await read().all<{ id: number }>(
      sql`SELECT ${t.cases.id} AS id ${found} ${seek} ORDER BY cases_search.rowid ${before !== null ? sql`ASC` : sql`DESC`} LIMIT ${PAGE_SIZE + 1}`,
    )
  ).map((r) => r.id);
  const counted = (await read().all<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 ${found} LIMIT ${COUNT_CAP + 1})`))[0].n;
  const byId = new Map((ids.length ? await selectList().where(inArray(t.cases.id, ids)) : []).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const page = keysetPage(rows, PAGE_SIZE, after !== null ? "after" : before !== null ? "before" : "first", (r) => encodeIdCursor(r.id));
  return { ...page, counted };
}

const FINISHED: ReadonlySet<CaseStatus> = new Set(FINISHED_STATUSES);

/** At most this many rows in one export; read EXPORT_BATCH at a time, in the inbox's order, as they are written. */
const EXPORT_LIMIT = 50_000;
const EXPORT_BATCH = 500;

/**
 * The filtered list (no personal data) as CSV parts, with spreadsheet-formula injection neutralised: the rows are
 * read in keyset batches and each batch written before the next is read, so memory stays bounded by a batch.
 * The export is audited first, with how many rows it holds.
 */
export async function exportCasesCsvParts(user: StaffUser, filters: CaseFilters, ip: string, now = new Date()): Promise<AsyncGenerator<string>> {
  const today = vnDate(now);
  const identity = seesFilerIdentity(user);
  const conditions = allConditions(caseScope(user, DISTRICT_ID), filters, today, identity);
  const capped = read()
    .select({ one: sql`1` })
    .from(t.cases)
    .where(and(...conditions))
    .limit(EXPORT_LIMIT);
  const total = (await read().select({ n: count() }).from(capped.as("capped")))[0].n;
  await audit({ userId: user.id, action: "cases.export", ip, details: { filters, rows: total } }, now);
  const ref = await reference();
  const tr = translator("vi", categoryLabels(ref, "vi"));
  const header = ["Mã hồ sơ", "Tiêu đề", "Loại", "Lĩnh vực", "Đơn vị", "Trạng thái", "Hạn", "Tình trạng hạn", "Ngày nhận", "Người xử lý"];
  async function* parts() {
    yield csvPart([header], true);
    let after: { finished: number; dueOn: string; id: number } | null = null;
    for (let written = 0; written < total;) {
      const seek: SQL | undefined = after ? sql`${sortKey} > (${after.finished}, ${after.dueOn}, ${after.id})` : undefined;
      const rows = await exportBatch(and(...conditions, seek), Math.min(EXPORT_BATCH, total - written));
      if (!rows.length) return;
      const last = rows[rows.length - 1];
      after = { finished: FINISHED.has(last.status as CaseStatus) ? 1 : 0, dueOn: last.dueOn as string, id: last.id as number };
      written += rows.length;
      yield csvPart(
        rows
          .map((r) => toRow(ref, r, today, identity))
          .map((r) => [
            r.code,
            r.title,
            tr(`kind.${r.kindCode}`),
            tr(`category.${r.categoryCode}`),
            r.communeName,
            tr(`status.${r.status}`),
            formatDate(r.dueOn),
            r.urgency ? tr(`urgency.${r.urgency}`) : "",
            formatDate(vnDate(new Date(r.receivedAt))),
            r.assigneeName ?? "",
          ]),
        false,
      );
    }
  }
  return parts();
}

const exportBatch = (where: SQL | undefined, limit: number) =>
  selectList()
    .where(where)
    .orderBy(...inboxOrder.map((c) => asc(c)))
    .limit(limit);

/** The whole export as one string (for tests and small exports). */
export async function exportCasesCsv(user: StaffUser, filters: CaseFilters, ip: string, now = new Date()): Promise<string> {
  let out = "";
  for await (const part of await exportCasesCsvParts(user, filters, ip, now)) out += part;
  return out;
}

/** Overdue and due-soon counts per unit in scope: the district's overdue board. */
export async function deadlineBoard(user: StaffUser, now = new Date()) {
  const today = vnDate(now);
  const scope = caseScope(user, DISTRICT_ID);
  const rows = await read()
    // Fields as SQL: drizzle does not see `cases` in a FROM written as SQL (INDEXED BY).
    .select({
      communeId: sql<string>`${t.cases.communeId}`,
      overdue: sql<number>`sum(CASE WHEN ${t.cases.dueOn} < ${today} THEN 1 ELSE 0 END)`,
      dueSoon: sql<number>`sum(CASE WHEN ${t.cases.dueOn} >= ${today} AND ${t.cases.dueOn} <= ${addDays(today, 3)} THEN 1 ELSE 0 END)`,
      open: count(),
    })
    .from(casesByRunningClock)
    // The words of the partial index of running clocks: only its entries are read, never the whole table.
    .where(and(scopeCondition(scope), runningClocks))
    .groupBy(t.cases.communeId);
  const ref = await reference();
  return rows
    .map((r) => ({ ...r, communeName: communeName(ref, r.communeId) }))
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.communeName.localeCompare(b.communeName, "vi"));
}

/**
 * What the inbox says after an action moved a case out of the official's hands (a transfer): where it went. Only for
 * a case that left this user's own units, so the address cannot be used to learn where other cases are.
 */
export async function movedAway(user: StaffUser, code: string): Promise<{ code: string; toName: string } | null> {
  const row = (await read().select({ id: t.cases.id, communeId: t.cases.communeId }).from(t.cases).where(eq(t.cases.code, code)))[0];
  if (!row) return null;
  const scope = caseScope(user, DISTRICT_ID);
  if (inScope(scope, row.communeId)) return null;
  const moves = await read()
    .select({ meta: t.caseEvents.meta })
    .from(t.caseEvents)
    .where(and(eq(t.caseEvents.caseId, row.id), inArray(t.caseEvents.type, ["transferred", "contested"])))
    .orderBy(desc(t.caseEvents.id))
    .limit(1);
  const from = moves[0]?.meta?.from;
  if (typeof from !== "string" || !inScope(scope, from)) return null;
  return { code, toName: communeName(await reference(), row.communeId) };
}
