// What officials, the district and supervisors do with cases. Every function takes the signed-in user and checks
// scope and permission here, on the server; each action writes the change, its event, its mail and its audit
// record in one transaction or nothing.
import { and, asc, count, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID, REFUSAL_REASONS } from "../../../db/data/reference";
import { allowedActions, nextStatus, TransitionError, type CaseAction, type CaseStatus } from "~/domain/case-workflow";
import { addDays, formatDate, vnDate } from "~/domain/dates";
import { extensionFor, findRule, FIRST_STAGE, stageDueDate, urgency, type Urgency } from "~/domain/deadlines";
import { caseOperations, caseScope, canOnCase, type CaseOperation, type CaseScope, type StaffUser } from "~/domain/permissions";
import { csvDocument } from "~/domain/csv";
import { foldForSearch } from "~/domain/text";
import { translator } from "~/i18n";
import { publicUrl } from "~/services/platform/config.server";
import { storeAttachments, type PreparedAttachment } from "./attachments.server";
import { audit } from "~/services/platform/audit.server";
import { read, transaction, type Tx, type Db } from "~/services/platform/database.server";
import { caseDisclosureLink } from "~/services/disclosures/links.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { categoryLabels, communeName, reference, type Reference } from "~/services/reference/reference.server";


export const PAGE_SIZE = 25;

export class NotFoundError extends Error {}
export class ForbiddenError extends Error {}
export class InvalidActionError extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey);
  }
}

// ---------------------------------------------------------------- listing

export interface CaseFilters {
  status?: string;
  kind?: string;
  category?: string;
  commune?: string;
  hamlet?: number;
  assignee?: number | "none";
  due?: "overdue" | "due_soon";
  from?: string;
  to?: string;
  q?: string;
  page?: number;
}

function scopeCondition(scope: CaseScope): SQL | undefined {
  return scope.all ? undefined : inArray(t.cases.communeId, [...scope.communeIds]);
}

export const OPEN_STATUSES = ["received", "accepted", "in_progress", "info_requested", "contested"];

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
    where.push(inArray(t.cases.status, OPEN_STATUSES), isNull(t.cases.pausedSince));
    where.push(f.due === "overdue" ? lt(t.cases.dueOn, today) : and(gte(t.cases.dueOn, today), lte(t.cases.dueOn, addDays(today, 3))));
  }
  // Dates are Vietnam calendar days; received_at is UTC, so compare with the day's UTC bounds.
  if (f.from) where.push(gte(t.cases.receivedAt, new Date(`${f.from}T00:00:00+07:00`).toISOString()));
  if (f.to) where.push(lt(t.cases.receivedAt, new Date(`${addDays(f.to, 1)}T00:00:00+07:00`).toISOString()));
  if (f.q) {
    const folded = foldForSearch(f.q).replace(/[\\%_]/g, (c) => `\\${c}`);
    if (folded) where.push(sql`${t.cases.searchText} LIKE ${`%${folded}%`} ESCAPE '\\'`);
  }
  return where.filter((w): w is SQL => w !== undefined);
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
};

export interface CaseListRow {
  id: number;
  code: string;
  title: string;
  kindCode: string;
  categoryCode: string;
  communeId: string;
  communeName: string;
  status: string;
  dueOn: string;
  urgency: Urgency | null;
  receivedAt: string;
  assigneeName: string | null;
}

function toRow(ref: Reference, r: { [K in keyof typeof listColumns]: unknown }, today: string): CaseListRow {
  const row = r as Omit<CaseListRow, "communeName" | "urgency"> & { pausedSince: string | null };
  const open = OPEN_STATUSES.includes(row.status);
  const { pausedSince, ...rest } = row;
  return {
    ...rest,
    communeName: communeName(ref, row.communeId),
    urgency: open ? urgency(row.dueOn, today, pausedSince !== null) : null,
  };
}

/** One page of the cases this user may see, sorted by due date (the most urgent first). One query plus a count. */
export async function listCases(user: StaffUser, filters: CaseFilters, now = new Date()) {
  const today = vnDate(now);
  const where = and(...filterConditions(caseScope(user, DISTRICT_ID), filters, today));
  const page = Math.max(1, filters.page ?? 1);
  const rows = (await read()
    .select(listColumns)
    .from(t.cases)
    .leftJoin(t.users, eq(t.users.id, t.cases.assigneeUserId))
    .where(where)
    .orderBy(sql`CASE WHEN ${t.cases.status} IN ('answered','closed','refused','withdrawn') THEN 1 ELSE 0 END`, asc(t.cases.dueOn), asc(t.cases.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    );
  const total = (await read().select({ n: count() }).from(t.cases).where(where))[0].n;
  const ref = await reference();
  return { rows: rows.map((r) => toRow(ref, r, today)), total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** CSV of the filtered list (no personal data), with spreadsheet-formula injection neutralised. */
export async function exportCasesCsv(user: StaffUser, filters: CaseFilters, ip: string, now = new Date()): Promise<string> {
  const today = vnDate(now);
  const where = and(...filterConditions(caseScope(user, DISTRICT_ID), filters, today));
  const rows = (await read().select(listColumns).from(t.cases).leftJoin(t.users, eq(t.users.id, t.cases.assigneeUserId)).where(where).orderBy(asc(t.cases.dueOn)).limit(50_000));
  const ref = await reference();
  const tr = translator("vi", categoryLabels(ref, "vi"));
  const header = ["Mã hồ sơ", "Tiêu đề", "Loại", "Lĩnh vực", "Đơn vị", "Trạng thái", "Hạn", "Tình trạng hạn", "Ngày nhận", "Người xử lý"];
  const lines = [header, ...rows.map((r) => toRow(ref, r, today)).map((r) => [
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
  ])];
  await audit({ userId: user.id, action: "cases.export", ip, details: { filters, rows: rows.length } }, now);
  return csvDocument(lines);
}

/** Overdue and due-soon counts per unit in scope: the district's overdue board. */
export async function deadlineBoard(user: StaffUser, now = new Date()) {
  const today = vnDate(now);
  const scope = caseScope(user, DISTRICT_ID);
  const rows = (await read()
    .select({
      communeId: t.cases.communeId,
      overdue: sql<number>`sum(CASE WHEN ${t.cases.dueOn} < ${today} THEN 1 ELSE 0 END)`,
      dueSoon: sql<number>`sum(CASE WHEN ${t.cases.dueOn} >= ${today} AND ${t.cases.dueOn} <= ${addDays(today, 3)} THEN 1 ELSE 0 END)`,
      open: count(),
    })
    .from(t.cases)
    .where(and(scopeCondition(scope), inArray(t.cases.status, OPEN_STATUSES), isNull(t.cases.pausedSince)))
    .groupBy(t.cases.communeId)
    );
  const ref = await reference();
  return rows
    .map((r) => ({ ...r, communeName: communeName(ref, r.communeId) }))
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.communeName.localeCompare(b.communeName, "vi"));
}

// ---------------------------------------------------------------- one case

async function loadCase(tx: Tx | Db, code: string) {
  return (await tx.select().from(t.cases).where(eq(t.cases.code, code)))[0];
}

/** The case if this user may perform `operation` on it. Out of scope and unknown look the same (404). */
function authorise(user: StaffUser, row: typeof t.cases.$inferSelect | undefined, operation: CaseOperation) {
  if (!row || !canOnCase(user, "view", row, DISTRICT_ID)) throw new NotFoundError("case");
  if (!canOnCase(user, operation, row, DISTRICT_ID)) throw new ForbiddenError(operation);
  return row;
}

export async function staffCaseView(user: StaffUser, code: string, ip: string, now = new Date()) {
  const row = authorise(user, await loadCase(read(), code), "view");
  const ref = await reference();
  const operations = caseOperations(user, row, DISTRICT_ID);
  const showContact = operations.includes("view_contact");
  const contact = showContact ? (await read().select().from(t.caseContacts).where(eq(t.caseContacts.caseId, row.id)))[0] : null;
  if (contact) await audit({ userId: user.id, action: "case.view_personal_data", targetType: "case", targetId: row.code, ip }, now);
  const events = (await read()
    .select({ id: t.caseEvents.id, type: t.caseEvents.type, visibility: t.caseEvents.visibility, actor: t.caseEvents.actor, body: t.caseEvents.body, meta: t.caseEvents.meta, createdAt: t.caseEvents.createdAt, actorName: t.users.fullName })
    .from(t.caseEvents)
    .leftJoin(t.users, eq(t.users.id, t.caseEvents.actorUserId))
    .where(eq(t.caseEvents.caseId, row.id))
    .orderBy(asc(t.caseEvents.id))
    );
  const files = operations.includes("download_attachment")
    ? (await read().select({ id: t.attachments.id, eventId: t.attachments.eventId, displayName: t.attachments.displayName, sizeBytes: t.attachments.sizeBytes, latitude: t.attachments.latitude, longitude: t.attachments.longitude }).from(t.attachments).where(eq(t.attachments.caseId, row.id)))
    : [];
  const officials = operations.includes("assign")
    ? (await read()
        .select({ id: t.users.id, fullName: t.users.fullName })
        .from(t.users)
        .where(and(eq(t.users.communeId, row.communeId), inArray(t.users.role, ["commune_official", "commune_leader", "district_staff"]), isNull(t.users.disabledAt)))
        .orderBy(asc(t.users.fullName))
        )
    : [];
  const templates = operations.includes("answer")
    ? (await read().select({ id: t.responseTemplates.id, title: t.responseTemplates.title, body: t.responseTemplates.body }).from(t.responseTemplates).where(or(isNull(t.responseTemplates.categoryCode), eq(t.responseTemplates.categoryCode, row.categoryCode))))
    : [];
  const today = vnDate(now);
  const workflowActions = allowedActions(row.status as CaseStatus, "official").filter((a) => operations.includes(a as CaseOperation));
  const timesExtended = events.filter((e) => e.type === "extended").length;
  const extension = operations.includes("extend") && OPEN_STATUSES.includes(row.status) ? extensionFor(ref.deadlineRules, row.kindCode, row.stage, row.categoryCode, timesExtended) : null;
  const assignee = row.assigneeUserId ? (await read().select({ fullName: t.users.fullName }).from(t.users).where(eq(t.users.id, row.assigneeUserId)))[0] : undefined;
  return {
    case: {
      code: row.code,
      kindCode: row.kindCode,
      categoryCode: row.categoryCode,
      communeId: row.communeId,
      communeName: communeName(ref, row.communeId),
      locationCommuneName: row.locationCommuneId ? communeName(ref, row.locationCommuneId) : null,
      locationScope: row.locationScope,
      hamletName: ref.hamlets.find((h) => h.id === row.hamletId)?.name ?? null,
      place: row.place,
      projectLevel: row.projectLevel,
      title: row.title,
      description: row.description,
      requestedOutcome: row.requestedOutcome,
      status: row.status,
      stage: row.stage,
      dueOn: row.dueOn,
      paused: row.pausedSince !== null,
      urgency: OPEN_STATUSES.includes(row.status) ? urgency(row.dueOn, today, row.pausedSince !== null) : null,
      receivedAt: row.receivedAt,
      publishConsent: row.publishConsent,
      routingReason: row.routingReason,
      assigneeName: assignee?.fullName ?? null,
      complex: row.complex,
      // The plan's row names a household: only for those who may see who filed.
      disclosure: await caseDisclosureLink({ disclosureId: row.disclosureId, planRowNo: showContact ? row.planRowNo : null }, "staff"),
    },
    contact: contact
      ? { fullName: contact.fullName, phone: contact.phone, email: contact.email, address: contact.address, idNumber: contact.idNumber, details: contact.details, confidential: contact.confidential }
      : null,
    events: events.map((e) => ({ ...e, attachments: files.filter((f) => f.eventId === e.id) })),
    operations,
    workflowActions,
    officials,
    templates,
    extensionDays: extension,
    transferTargets: ref.communes.filter((c) => c.id !== row.communeId && c.validTo == null).map((c) => ({ id: c.id, name: c.name })),
    refusalReasons: REFUSAL_REASONS,
  };
}

// ---------------------------------------------------------------- actions

export type StaffActionInput =
  | { action: "accept"; note?: string }
  | { action: "refuse"; reason: (typeof REFUSAL_REASONS)[number]; note: string }
  | { action: "transfer"; toCommuneId: string; note: string }
  | { action: "start"; note?: string }
  | { action: "request_info"; note: string }
  | { action: "answer"; note: string; signedBy: string; files?: readonly PreparedAttachment[] }
  | { action: "close"; note?: string }
  | { action: "reopen"; note: string }
  | { action: "assign"; assigneeUserId: number }
  | { action: "extend"; note: string }
  | { action: "note"; note: string }
  | { action: "remark"; note: string };

const EVENT_TYPE: Record<StaffActionInput["action"], string> = {
  accept: "accepted",
  refuse: "refused",
  transfer: "transferred",
  start: "started",
  request_info: "info_requested",
  answer: "answered",
  close: "closed",
  reopen: "reopened",
  assign: "assigned",
  extend: "extended",
  note: "note",
  remark: "supervision_remark",
};

/** Events the resident sees on /tra-cuu and is mailed about; the rest are internal. */
const PUBLIC_EVENTS = new Set(["accepted", "refused", "transferred", "started", "info_requested", "answered", "closed", "reopened", "extended"]);

/** Recomputes the due date of the case's current stage from the rules, calendar, pauses and extension. */
export async function computeDueOn(row: Pick<typeof t.cases.$inferSelect, "kindCode" | "categoryCode" | "stage" | "stageStartedOn" | "extensionDays" | "pauses" | "complex">): Promise<string> {
  const ref = await reference();
  const rule = findRule(ref.deadlineRules, row.kindCode, row.stage, row.categoryCode);
  if (!rule) throw new Error(`No time-limit rule for ${row.kindCode}/${row.stage}`);
  return stageDueDate({ startedOn: row.stageStartedOn, length: rule.length, unit: rule.unit, extensionDays: row.extensionDays, pauses: row.pauses }, ref.calendar);
}

/** Mails the resident about a public step, in their language, never with a name in the subject. */
export async function mailResident(tx: Tx, caseId: number, eventType: string, body: string | null, now: Date): Promise<void> {
  const row = (await tx
    .select({ code: t.cases.code, language: t.cases.language, email: t.caseContacts.email })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(eq(t.cases.id, caseId))
    )[0];
  if (!row?.email) return;
  const tr = translator(row.language);
  await enqueueMail(
    tx,
    {
      to: row.email,
      subject: tr("mail.step.subject", row.code, tr(`event.${eventType}`)),
      text: tr("mail.step.body", row.code, tr(`event.${eventType}`), body ? `\n${body}\n` : "", `${publicUrl()}/tra-cuu?ma=${row.code}`),
      caseId,
    },
    now,
  );
}

function workflowAction(action: StaffActionInput["action"]): CaseAction | null {
  return ["accept", "refuse", "transfer", "start", "request_info", "answer", "close", "reopen"].includes(action) ? (action as CaseAction) : null;
}

/**
 * Performs one official action. Throws NotFoundError (out of scope or unknown), ForbiddenError (role may not),
 * InvalidActionError (not allowed in this state / bad target) — and then nothing is written.
 */
export async function performStaffAction(user: StaffUser, code: string, input: StaffActionInput, ip: string, now = new Date()): Promise<void> {
  const files = input.action === "answer" ? (input.files ?? []) : [];
  const removeFiles = await storeAttachments(files);
  try {
    await transaction(async (tx) => {
      const row = authorise(user, await loadCase(tx, code), input.action as CaseOperation);
      const nowIso = now.toISOString();
      const today = vnDate(now);
      const ref = await reference();
      const updates: Partial<typeof t.cases.$inferInsert> = { updatedAt: nowIso };
      const meta: Record<string, unknown> = {};
      const wf = workflowAction(input.action);
      if (wf) {
        try {
          updates.status = nextStatus(row.status as CaseStatus, wf, "official");
        } catch (error) {
          if (error instanceof TransitionError) throw new InvalidActionError("error.actionNotAllowed");
          throw error;
        }
      }
      const restartStage = async (stage: string) => {
        updates.stage = stage;
        updates.stageStartedOn = today;
        updates.extensionDays = 0;
        updates.pauses = [];
        updates.complex = false;
        updates.dueOn = await computeDueOn({ ...row, ...updates } as typeof row);
      };
      switch (input.action) {
        case "accept":
          await restartStage(row.stage === "resolve_second" || row.status === "contested" ? "resolve_second" : "resolve");
          break;
        case "refuse":
          meta.reason = input.reason;
          updates.closedAt = null;
          break;
        case "transfer": {
          const target = ref.communes.find((c) => c.id === input.toCommuneId && c.validTo == null);
          if (!target || target.id === row.communeId) throw new InvalidActionError("error.transferTarget");
          meta.from = row.communeId;
          meta.to = target.id;
          updates.communeId = target.id;
          updates.assigneeUserId = null;
          await restartStage(FIRST_STAGE[row.kindCode]);
          break;
        }
        case "request_info":
          updates.statusBeforeInfoRequest = row.status;
          updates.pausedSince = today;
          break;
        case "answer":
          if (!input.signedBy) throw new InvalidActionError("error.required");
          meta.signedBy = input.signedBy;
          updates.answeredAt = nowIso;
          updates.answeredDueOn = row.pausedSince ? null : row.dueOn;
          // A complaint's answer opens the period to take it to the district (appeal_file).
          if (findRule(ref.deadlineRules, row.kindCode, "appeal_file", row.categoryCode)) {
            updates.stage = "appeal_file";
            updates.stageStartedOn = today;
            updates.extensionDays = 0;
            updates.pauses = [];
            updates.dueOn = await computeDueOn({ ...row, ...updates } as typeof row);
          }
          break;
        case "close":
          updates.closedAt = nowIso;
          break;
        case "reopen":
          updates.closedAt = null;
          await restartStage(FIRST_STAGE[row.kindCode]);
          break;
        case "assign": {
          const assignee = (await tx.select().from(t.users).where(eq(t.users.id, input.assigneeUserId)))[0];
          if (!assignee || assignee.communeId !== row.communeId || assignee.disabledAt || assignee.role === "supervisor" || assignee.role === "admin") {
            throw new InvalidActionError("error.assignee");
          }
          updates.assigneeUserId = assignee.id;
          meta.assigneeUserId = assignee.id;
          meta.assigneeName = assignee.fullName;
          break;
        }
        case "extend": {
          const times = (await tx.select({ n: count() }).from(t.caseEvents).where(and(eq(t.caseEvents.caseId, row.id), eq(t.caseEvents.type, "extended"))))[0].n;
          const days = OPEN_STATUSES.includes(row.status) ? extensionFor(ref.deadlineRules, row.kindCode, row.stage, row.categoryCode, times) : null;
          if (days === null) throw new InvalidActionError("error.noExtension");
          updates.complex = true;
          updates.extensionDays = row.extensionDays + days;
          if (!row.pausedSince) updates.dueOn = await computeDueOn({ ...row, ...updates } as typeof row);
          meta.days = days;
          break;
        }
        case "start":
        case "note":
        case "remark":
          break;
      }
      const eventType = EVENT_TYPE[input.action];
      if (updates.dueOn) meta.dueOn = updates.dueOn;
      await tx.update(t.cases).set(updates).where(eq(t.cases.id, row.id));
      const body = "note" in input ? (input.note ?? null) || null : null;
      const visibility = PUBLIC_EVENTS.has(eventType) ? "public" : "internal";
      const eventId = (await tx
        .insert(t.caseEvents)
        .values({ caseId: row.id, type: eventType, visibility, actor: "official", actorUserId: user.id, body, meta, createdAt: nowIso })
        .returning({ id: t.caseEvents.id })
        )[0].id;
      if (files.length) {
        await tx.insert(t.attachments)
          .values(files.map((f) => ({ id: f.id, caseId: row.id, eventId, displayName: f.displayName, mediaType: f.mediaType, sizeBytes: f.bytes.length, sha256: f.sha256, latitude: f.latitude, longitude: f.longitude, uploadedBy: "official" as const })))
          ;
      }
      if (visibility === "public") await mailResident(tx, row.id, eventType, body, now);
      await audit({ userId: user.id, action: `case.${input.action}`, targetType: "case", targetId: row.code, ip, details: meta }, now);
    });
  } catch (error) {
    await removeFiles();
    throw error;
  }
  nudgeMailWorker();
}

/** Counts per status for the inbox's header, in the user's scope. */
export async function statusCounts(user: StaffUser) {
  return (await read()
    .select({ status: t.cases.status, n: count() })
    .from(t.cases)
    .where(scopeCondition(caseScope(user, DISTRICT_ID)))
    .groupBy(t.cases.status)
    );
}

