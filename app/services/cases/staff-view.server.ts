// The case as an official sees it: everything sent (contact details only to those handling it, audited), the
// full timeline, and the actions allowed now.
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID, REFUSAL_REASONS } from "../../../db/data/reference";
import { allowedActions } from "~/domain/case-workflow";
import { vnDate } from "~/domain/dates";
import { deadlineInForce, extensionFor, transferDueOn, urgency } from "~/domain/deadlines";
import { caseOperations, type CaseOperation, type StaffUser } from "~/domain/permissions";
import { audit } from "~/services/platform/audit.server";
import { read } from "~/services/platform/database.server";
import { caseDisclosureLink } from "~/services/disclosures/links.server";
import { communeName, publishedContacts, reference } from "~/services/reference/reference.server";
import { redactedForStaff } from "~/domain/redaction";
import { isOpen } from "~/domain/case-workflow";
import { mayTakeOver, overdueWorkingDays } from "~/domain/escalation";
import { canManageReception } from "~/domain/reception";
import { isSuspended, suspensionApplies, SUSPENSION_REASONS, TERMINATION_REASONS } from "~/domain/complaint-suspension";
import { ESCALATION_RULES } from "../../../db/data/supervision";
import { authorise, loadCase } from "./access.server";
import { ASSIGNABLE_ROLES } from "~/domain/permissions";
import { isStaffAction, type StaffActionName } from "~/domain/case-forms";
import { answersOnlyByDraft, leadsUnit, templatesForCase } from "~/domain/answers";

export async function staffCaseView(user: StaffUser, code: string, ip: string, now = new Date()) {
  const row = authorise(user, await loadCase(read(), code), "view");
  const ref = await reference();
  const operations = caseOperations(user, row, DISTRICT_ID);
  const showContact = operations.includes("view_contact");
  const filer = (await read().select().from(t.caseContacts).where(eq(t.caseContacts.caseId, row.id)))[0];
  const contact = showContact ? filer : null;
  // Without the right to see who filed (a supervisor), the text is read as the public would read it, redacted.
  const contacts = publishedContacts(ref);
  const text = (value: string, author: "resident" | "unit" = "resident") => (showContact ? value : redactedForStaff(value, filer, contacts, author));
  if (contact) await audit({ userId: user.id, action: "case.view_personal_data", targetType: "case", targetId: row.code, ip }, now);
  const events = await read()
    .select({
      id: t.caseEvents.id,
      type: t.caseEvents.type,
      visibility: t.caseEvents.visibility,
      actor: t.caseEvents.actor,
      body: t.caseEvents.body,
      meta: t.caseEvents.meta,
      createdAt: t.caseEvents.createdAt,
      actorName: t.users.fullName,
    })
    .from(t.caseEvents)
    .leftJoin(t.users, eq(t.users.id, t.caseEvents.actorUserId))
    .where(eq(t.caseEvents.caseId, row.id))
    .orderBy(asc(t.caseEvents.id));
  const files = operations.includes("download_attachment")
    ? await read()
        .select({
          id: t.attachments.id,
          eventId: t.attachments.eventId,
          displayName: t.attachments.displayName,
          sizeBytes: t.attachments.sizeBytes,
          latitude: t.attachments.latitude,
          longitude: t.attachments.longitude,
        })
        .from(t.attachments)
        .where(eq(t.attachments.caseId, row.id))
    : [];
  const officials = operations.includes("assign")
    ? await read()
        .select({ id: t.users.id, fullName: t.users.fullName })
        .from(t.users)
        .where(and(eq(t.users.communeId, row.communeId), inArray(t.users.role, [...ASSIGNABLE_ROLES]), isNull(t.users.disabledAt)))
        .orderBy(asc(t.users.fullName))
    : [];
  const templates = operations.includes("answer")
    ? templatesForCase(
        await read()
          .select({
            id: t.responseTemplates.id,
            title: t.responseTemplates.title,
            body: t.responseTemplates.body,
            categoryCode: t.responseTemplates.categoryCode,
            kindCode: t.responseTemplates.kindCode,
          })
          .from(t.responseTemplates)
          .where(or(isNull(t.responseTemplates.categoryCode), eq(t.responseTemplates.categoryCode, row.categoryCode))),
        row,
      )
    : [];
  const draftEvent = row.answerDraftEventId ? events.find((e) => e.id === row.answerDraftEventId && e.type === "answer_drafted") : undefined;
  const leader = operations.includes("approve_answer") && leadsUnit(user, row.communeId, DISTRICT_ID);
  const today = vnDate(now);
  const takeOver = mayTakeOver(row, DISTRICT_ID, today, ref.calendar, ESCALATION_RULES);
  // From 1/7/2026 a complaint's handling may be suspended (and then only resumed) or suspended for good.
  const suspendable = suspensionApplies({ kindCode: row.kindCode, receivedOn: vnDate(new Date(row.receivedAt)) });
  const suspensionOffered = (a: string) =>
    a === "suspend" ? suspendable && !row.pausedSince : a === "resume" ? suspendable && isSuspended(row) : a === "terminate" ? suspendable : true;
  const workflowActions = allowedActions(row.status, "official").filter(
    (a): a is Extract<typeof a, StaffActionName> =>
      isStaffAction(a) && operations.includes(a as CaseOperation) && (a !== "take_over" || takeOver) && suspensionOffered(a),
  );
  const timesExtended = events.filter((e) => e.type === "extended").length;
  const extension =
    operations.includes("extend") && isOpen(row.status) ? extensionFor(ref.deadlineRules, row.kindCode, row.stage, row.categoryCode, timesExtended) : null;
  const deadline = deadlineInForce(
    row,
    events.map((e) => ({ type: e.type, createdOn: vnDate(new Date(e.createdAt)) })),
    ref.deadlineRules,
    ref.calendar,
    today,
  );
  const assignee = row.assigneeUserId
    ? (await read().select({ fullName: t.users.fullName }).from(t.users).where(eq(t.users.id, row.assigneeUserId)))[0]
    : undefined;
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
      place: text(row.place),
      projectLevel: row.projectLevel,
      title: text(row.title),
      description: text(row.description),
      requestedOutcome: text(row.requestedOutcome),
      status: row.status,
      stage: row.stage,
      dueOn: row.dueOn,
      paused: row.pausedSince !== null,
      deadline: deadline && { ...deadline, suspended: isSuspended(row) },
      urgency: deadline?.owedBy === "unit" ? urgency(deadline.dueOn, today, row.pausedSince !== null) : null,
      receivedAt: row.receivedAt,
      publishConsent: row.publishConsent,
      routingReason: row.routingReason,
      assigneeName: assignee?.fullName ?? null,
      complex: row.complex,
      filingLimitPassedOn: row.filingLimitPassedOn,
      // Only while the unit still decides whether the denunciation is theirs.
      transferDueOn:
        row.status === "received" ? transferDueOn(ref.deadlineRules, row.kindCode, row.categoryCode, vnDate(new Date(row.receivedAt)), ref.calendar) : null,
      // The plan's row names a household: only for those who may see who filed.
      disclosure: await caseDisclosureLink({ disclosureId: row.disclosureId, planRowNo: showContact ? row.planRowNo : null }, "staff"),
    },
    contact: contact
      ? {
          fullName: contact.fullName,
          phone: contact.phone,
          email: contact.email,
          address: contact.address,
          idNumber: contact.idNumber,
          details: contact.details,
          confidential: contact.confidential,
        }
      : null,
    events: events.map((e) => ({
      ...e,
      body: e.body === null ? null : text(e.body, e.actor === "resident" ? "resident" : "unit"),
      attachments: files.filter((f) => f.eventId === e.id),
    })),
    operations,
    workflowActions,
    overdueDays: overdueWorkingDays(row, today, ref.calendar),
    // The answer waiting for a leader, and what this user may do about answers in the chairman's name.
    answerDraft: draftEvent
      ? {
          id: draftEvent.id,
          body: draftEvent.body ?? "",
          signedBy: String((draftEvent.meta as { signedBy?: unknown } | null)?.signedBy ?? ""),
          draftedBy: draftEvent.actorName,
          createdAt: draftEvent.createdAt,
          attachments: files.filter((f) => f.eventId === draftEvent.id),
        }
      : null,
    mayApproveAnswer: leader,
    // The case's group and dialogues page (reception) is for the unit's officials and leaders, and district staff.
    mayManageReception: canManageReception(user, row.communeId),
    answerOnlyByDraft: answersOnlyByDraft(user, row, DISTRICT_ID),
    // Answers can be drafted when they could be sent.
    mayDraftAnswer: !leader && workflowActions.includes("answer") && operations.includes("draft_answer"),
    officials,
    templates,
    extensionDays: extension,
    transferTargets: ref.communes.filter((c) => c.id !== row.communeId && c.validTo == null).map((c) => ({ id: c.id, name: c.name })),
    refusalReasons: REFUSAL_REASONS,
    suspensionReasons: SUSPENSION_REASONS,
    terminationReasons: TERMINATION_REASONS,
  };
}
