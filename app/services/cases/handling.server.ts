// What officials, the district and supervisors do with a case. Every action takes the signed-in user and checks
// scope and permission here, on the server; it writes the change, its event, its mail and its audit record in
// one transaction or nothing.
import { and, count, eq } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID, REFUSAL_REASONS } from "../../../db/data/reference";
import { ESCALATION_RULES } from "../../../db/data/supervision";
import { mayTakeOver } from "~/domain/escalation";
import { isSuspended, suspensionApplies, type SuspensionReason, type TerminationReason } from "~/domain/complaint-suspension";
import { isOpen, nextStatus, type CaseAction, type CaseEventType } from "~/domain/case-workflow";
import { formatDate, vnDate } from "~/domain/dates";
import { autoCloseOn } from "~/domain/closure";
import { CLOSURE_RULES } from "../../../db/data/closure";
import { caseDueOn, extensionFor, firstStage, pausesOnInfoRequest, stageForEvent, startStage, type CaseClock, type CaseStage } from "~/domain/deadlines";
import { answerRoute, findPlaceholder, leadsUnit } from "~/domain/answers";
import { ForbiddenError, InvalidError } from "~/domain/errors";
import { creditedUnit } from "~/domain/figures";
import { canBeAssigned, type CaseOperation, type StaffUser } from "~/domain/permissions";
import { translator, type Translate } from "~/i18n";
import { audit } from "~/services/platform/audit.server";
import { publicUrl } from "~/services/platform/config.server";
import { transaction, type Tx } from "~/services/platform/database.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { reference, type Reference } from "~/services/reference/reference.server";
import { authorise, loadCase, type CaseRow } from "./access.server";
import { recordAttachments, storeAttachments, type PreparedAttachment } from "./attachments.server";

export type StaffActionInput =
  | { action: "accept"; note?: string }
  | { action: "refuse"; reason: (typeof REFUSAL_REASONS)[number]; note: string }
  | { action: "transfer"; toCommuneId: string; note: string }
  | { action: "start"; note?: string }
  | { action: "request_info"; note: string }
  | { action: "answer"; note: string; signedBy: string; files?: readonly PreparedAttachment[] }
  | { action: "draft_answer"; note: string; signedBy: string; files?: readonly PreparedAttachment[] }
  | { action: "approve_answer"; draftId: number }
  | { action: "return_answer"; draftId: number; note: string }
  | { action: "close"; note?: string }
  | { action: "reopen"; note: string }
  | { action: "assign"; assigneeUserId: number }
  | { action: "extend"; note: string }
  | { action: "note"; note: string }
  | { action: "remark"; note: string }
  | { action: "take_over"; note: string }
  | { action: "suspend"; reason: SuspensionReason; note: string }
  | { action: "resume"; note: string }
  | { action: "terminate"; reason: TerminationReason; note: string };

export type StaffAction = StaffActionInput["action"];

const EVENT_TYPE: Record<StaffAction, CaseEventType> = {
  accept: "accepted",
  refuse: "refused",
  transfer: "transferred",
  start: "started",
  request_info: "info_requested",
  answer: "answered",
  draft_answer: "answer_drafted",
  // Approval is recorded as its own internal event; the answer it sends is the public "answered" event.
  approve_answer: "answer_approved",
  return_answer: "answer_returned",
  close: "closed",
  reopen: "reopened",
  assign: "assigned",
  extend: "extended",
  note: "note",
  remark: "supervision_remark",
  take_over: "taken_over",
  suspend: "suspended",
  resume: "resumed",
  terminate: "terminated",
};

/** Events the resident sees on /tra-cuu and is mailed about; the rest are internal. */
const PUBLIC_EVENTS = new Set<CaseEventType>([
  "accepted",
  "refused",
  "transferred",
  "started",
  "info_requested",
  "answered",
  "closed",
  "reopened",
  "extended",
  "deadline_passed",
  "taken_over",
  "suspended",
  "resumed",
  "terminated",
]);

/** The staff actions that move the case through the state machine (the others leave its status alone). */
const WORKFLOW_ACTIONS: ReadonlySet<string> = new Set<CaseAction>([
  "accept",
  "refuse",
  "transfer",
  "start",
  "request_info",
  "answer",
  "close",
  "reopen",
  "take_over",
  "suspend",
  "resume",
  "terminate",
]);

/** The permission each action needs (returning a draft is part of approving). */
const OPERATION: Partial<Record<StaffAction, CaseOperation>> = { return_answer: "approve_answer" };

/** Refuses an answer that still holds a template's blank, pointing at it. */
function checkFilled(text: string): void {
  const blank = findPlaceholder(text);
  if (blank) throw new InvalidError("error.answerPlaceholder", { note: `error.answerPlaceholder:${blank.excerpt}` });
}

/** The draft waiting for approval, if it is the one the leader saw. */
async function pendingDraft(tx: Tx, row: CaseRow, draftId: number) {
  const draft = row.answerDraftEventId === draftId ? (await tx.select().from(t.caseEvents).where(eq(t.caseEvents.id, draftId)))[0] : undefined;
  if (!draft || draft.caseId !== row.id || draft.type !== "answer_drafted") throw new InvalidError("error.draftChanged");
  return draft;
}

/** The due date of the case's current stage, from the rules and calendar in force. */
export function dueOnNow(ref: Reference, clock: CaseClock): string {
  return caseDueOn(clock, ref.deadlineRules, ref.calendar);
}

/**
 * The unit an event is credited to and the stage and due date in force when it happened (before the act moves the
 * clock on): what the figures count an act and an answer on time against, whatever happens to the case later.
 */
export function eventClock(
  row: Pick<typeof t.cases.$inferSelect, "communeId" | "stage" | "dueOn" | "pausedSince">,
  type: CaseEventType,
  reached?: string,
  ratedAnswerUnit?: string | null,
) {
  return {
    unitId: creditedUnit(type, { holding: row.communeId, reached, ratedAnswerUnit }),
    stage: row.stage,
    dueOn: row.pausedSince ? null : row.dueOn,
  };
}

/**
 * Mails the filer of a case, in their language, if they gave an address; `compose` words the mail (never a name in
 * the subject). Queued in the caller's transaction, so it goes out only if what it announces is committed.
 */
export async function mailFiler(tx: Tx, caseId: number, compose: (tr: Translate, code: string) => { subject: string; text: string }, now: Date): Promise<void> {
  const row = (
    await tx
      .select({ code: t.cases.code, language: t.cases.language, email: t.caseContacts.email })
      .from(t.cases)
      .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
      .where(eq(t.cases.id, caseId))
  )[0];
  if (!row) return;
  // A group case's representatives get the same mail as the filer (reception context: case_representatives).
  const representatives = await tx.select({ email: t.caseRepresentatives.email }).from(t.caseRepresentatives).where(eq(t.caseRepresentatives.caseId, caseId));
  const addresses = [...new Set([row.email, ...representatives.map((r) => r.email)].filter((e): e is string => !!e))];
  for (const to of addresses) await enqueueMail(tx, { to, ...compose(translator(row.language), row.code), caseId }, now);
}

/** Mails the resident about a public step. */
export async function mailResident(tx: Tx, caseId: number, eventType: CaseEventType, body: string | null, now: Date): Promise<void> {
  await mailFiler(
    tx,
    caseId,
    (tr, code) => ({
      subject: tr("mail.step.subject", code, tr(`event.${eventType}`)),
      text:
        tr("mail.step.body", code, tr(`event.${eventType}`), body ? `\n${body}\n` : "", `${publicUrl()}/tra-cuu?ma=${code}`) +
        // After an answer the resident is asked whether the matter is settled, and told when it closes by itself.
        (eventType === "answered"
          ? `\n\n${tr("closure.mail.ask", CLOSURE_RULES.autoCloseAfter.days, formatDate(autoCloseOn(vnDate(now), CLOSURE_RULES)), `${publicUrl()}/tra-cuu?ma=${code}`)}`
          : ""),
    }),
    now,
  );
}

/**
 * Performs one official action. Throws NotFoundError (out of scope or unknown), ForbiddenError (role may not),
 * InvalidError (not allowed in this state, bad target) — and then nothing is written.
 */
export async function performStaffAction(user: StaffUser, code: string, input: StaffActionInput, ip: string, now = new Date()): Promise<void> {
  const files = input.action === "answer" || input.action === "draft_answer" ? (input.files ?? []) : [];
  const removeFiles = await storeAttachments(files);
  try {
    await transaction(async (tx) => {
      const row = authorise(user, await loadCase(tx, code), OPERATION[input.action] ?? (input.action as CaseOperation));
      const nowIso = now.toISOString();
      const today = vnDate(now);
      const ref = await reference();
      const rules = ref.deadlineRules;
      const updates: Partial<typeof t.cases.$inferInsert> = { updatedAt: nowIso };
      const meta: Record<string, unknown> = {};
      let eventType = EVENT_TYPE[input.action];
      let body = "note" in input ? (input.note ?? null) || null : null;
      // Draft attachments travel to the answer when it is approved.
      let draftEventId: number | null = null;
      const sendAnswer = (signedBy: string) => {
        meta.signedBy = signedBy;
        updates.answeredAt = nowIso;
        updates.answeredDueOn = row.pausedSince ? null : row.dueOn;
        // A direct answer by a leader supersedes a draft still waiting.
        updates.answerDraftEventId = null;
        // A complaint's answer opens the period to take it to the upper level (the stage its answer starts).
        restart(stageForEvent(rules, row.kindCode, row.categoryCode, "answered"));
      };
      if (WORKFLOW_ACTIONS.has(input.action)) updates.status = nextStatus(row.status, input.action as CaseAction, "official");
      // A stage whose clock the event starts (the rules' start_event), from today with no pause or extension.
      const restart = (stage: CaseStage | null) => {
        if (stage) Object.assign(updates, startStage(row, stage, today, rules, ref.calendar));
      };
      switch (input.action) {
        case "accept":
          restart(stageForEvent(rules, row.kindCode, row.categoryCode, "accepted"));
          break;
        case "refuse":
          meta.reason = input.reason;
          updates.closedAt = null;
          break;
        case "transfer": {
          const target = ref.communes.find((c) => c.id === input.toCommuneId && c.validTo == null);
          if (!target || target.id === row.communeId) throw new InvalidError("error.transferTarget");
          meta.from = row.communeId;
          meta.to = target.id;
          updates.communeId = target.id;
          updates.assigneeUserId = null;
          // A draft is for this unit's leader; the receiving unit answers afresh.
          updates.answerDraftEventId = null;
          // The receiving unit starts from the beginning, as if it had received the case today.
          restart(firstStage(rules, row.kindCode, row.categoryCode));
          break;
        }
        case "request_info":
          // A suspended complaint's clock already stands still; asking then would lose the suspended days.
          if (isSuspended(row)) throw new InvalidError("error.alreadySuspended");
          updates.statusBeforeInfoRequest = row.status;
          // Whether the clock stops while the resident is asked is the stage's rule (pauses_on_info_request).
          if (pausesOnInfoRequest(rules, row)) updates.pausedSince = today;
          meta.paused = updates.pausedSince !== undefined;
          break;
        case "answer":
          if (!input.signedBy.trim()) throw new InvalidError("error.required", { signedBy: "error.required" });
          checkFilled(input.note);
          if (answerRoute(user, row, input.signedBy, DISTRICT_ID) === "needs_approval")
            throw new InvalidError("error.answerNeedsApproval", { signedBy: "error.answerNeedsApproval" });
          sendAnswer(input.signedBy);
          break;
        case "draft_answer":
          // Drafted only where an answer could be sent now; the case's status stays until it is approved.
          nextStatus(row.status, "answer", "official");
          if (!input.signedBy.trim()) throw new InvalidError("error.required", { signedBy: "error.required" });
          checkFilled(input.note);
          meta.signedBy = input.signedBy;
          if (row.answerDraftEventId) meta.replaces = row.answerDraftEventId;
          break;
        case "approve_answer":
        case "return_answer": {
          if (!leadsUnit(user, row.communeId, DISTRICT_ID)) throw new ForbiddenError("error.notUnitLeader");
          const draft = await pendingDraft(tx, row, input.draftId);
          const draftMeta = (draft.meta ?? {}) as { signedBy?: string };
          if (input.action === "return_answer") {
            meta.draftEventId = draft.id;
            updates.answerDraftEventId = null;
            break;
          }
          updates.status = nextStatus(row.status, "answer", "official");
          checkFilled(draft.body ?? "");
          // The approval on the staff timeline, then the answer it sends, as if the leader had sent it.
          await tx.insert(t.caseEvents).values({
            caseId: row.id,
            type: "answer_approved",
            visibility: "internal",
            actor: "official",
            actorUserId: user.id,
            body: null,
            meta: { draftEventId: draft.id, draftedBy: draft.actorUserId },
            createdAt: nowIso,
          });
          sendAnswer(draftMeta.signedBy ?? "");
          meta.draftEventId = draft.id;
          meta.draftedBy = draft.actorUserId;
          eventType = "answered";
          body = draft.body;
          draftEventId = draft.id;
          break;
        }
        case "close":
          // Closing an answer the resident has not confirmed needs a reason the resident and the public read.
          if (row.status === "answered" && !input.note?.trim()) throw new InvalidError("closure.error.reason", { note: "closure.error.reason" });
          meta.how = "official";
          updates.closedAt = nowIso;
          break;
        case "reopen":
          updates.closedAt = null;
          restart(firstStage(rules, row.kindCode, row.categoryCode));
          break;
        case "assign": {
          const assignee = (await tx.select().from(t.users).where(eq(t.users.id, input.assigneeUserId)))[0];
          if (!assignee || !canBeAssigned(assignee, row.communeId)) throw new InvalidError("error.assignee");
          updates.assigneeUserId = assignee.id;
          meta.assigneeUserId = assignee.id;
          meta.assigneeName = assignee.fullName;
          break;
        }
        case "extend": {
          const times = (
            await tx
              .select({ n: count() })
              .from(t.caseEvents)
              .where(and(eq(t.caseEvents.caseId, row.id), eq(t.caseEvents.type, "extended")))
          )[0].n;
          const days = isOpen(row.status) ? extensionFor(rules, row.kindCode, row.stage, row.categoryCode, times) : null;
          if (days === null) throw new InvalidError("error.noExtension");
          updates.complex = true;
          updates.extensionDays = row.extensionDays + days;
          if (!row.pausedSince) updates.dueOn = dueOnNow(ref, { ...row, extensionDays: updates.extensionDays });
          meta.days = days;
          break;
        }
        case "suspend":
        case "terminate": {
          if (!suspensionApplies({ kindCode: row.kindCode, receivedOn: vnDate(new Date(row.receivedAt)) }))
            throw new InvalidError("error.suspensionNotApplicable");
          meta.reason = input.reason;
          if (input.action === "suspend") {
            if (row.pausedSince) throw new InvalidError("error.alreadySuspended");
            // The suspended days are not counted: the clock stops as for an information request.
            updates.pausedSince = today;
          } else {
            updates.closedAt = nowIso;
            updates.pausedSince = null;
          }
          break;
        }
        case "resume": {
          if (!isSuspended(row)) throw new InvalidError("error.notSuspended");
          const pauses = [...row.pauses, [row.pausedSince!, today] as [string, string]];
          Object.assign(updates, { pauses, pausedSince: null, dueOn: dueOnNow(ref, { ...row, pauses }) });
          break;
        }
        case "take_over":
          if (!mayTakeOver(row, DISTRICT_ID, today, ref.calendar, ESCALATION_RULES)) throw new InvalidError("error.takeOverTooEarly");
          meta.from = row.communeId;
          meta.to = DISTRICT_ID;
          updates.communeId = DISTRICT_ID;
          updates.assigneeUserId = null;
          updates.answerDraftEventId = null;
          // The clock keeps running from where it stands: the case is overdue, and stays counted as such.
          break;
        case "start":
        case "note":
        case "remark":
          break;
      }
      if (updates.dueOn) meta.dueOn = updates.dueOn;
      await tx.update(t.cases).set(updates).where(eq(t.cases.id, row.id));
      const visibility = PUBLIC_EVENTS.has(eventType) ? "public" : "internal";
      const eventId = (
        await tx
          .insert(t.caseEvents)
          .values({
            caseId: row.id,
            type: eventType,
            visibility,
            actor: "official",
            actorUserId: user.id,
            body,
            meta,
            createdAt: nowIso,
            ...eventClock(row, eventType, updates.communeId),
          })
          .returning({ id: t.caseEvents.id })
      )[0].id;
      await recordAttachments(tx, row.id, eventId, files, "official");
      if (input.action === "draft_answer") await tx.update(t.cases).set({ answerDraftEventId: eventId }).where(eq(t.cases.id, row.id));
      if (draftEventId !== null) await tx.update(t.attachments).set({ eventId }).where(eq(t.attachments.eventId, draftEventId));
      if (visibility === "public") await mailResident(tx, row.id, eventType, body, now);
      await audit({ userId: user.id, action: `case.${input.action}`, targetType: "case", targetId: row.code, ip, details: meta }, now);
    });
  } catch (error) {
    await removeFiles();
    throw error;
  }
  nudgeMailWorker();
}
