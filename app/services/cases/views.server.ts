// What each reader sees of a case: the public (no personal data, text only with consent) and the filer after a
// successful look-up (everything they sent and every public step).
import { countdown, type Countdown } from "~/domain/countdown";
import { closureQuestion, closures } from "./closure.server";
import { isSuspended, suspensionApplies } from "~/domain/complaint-suspension";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import * as t from "../../../db/schema";
import { contestOpen, contestUntil, isAnswered, isOpen } from "~/domain/case-workflow";
import { vnDate } from "~/domain/dates";
import { deadlineInForce, type CaseClockState, type DeadlineInForce } from "~/domain/deadlines";
import { publicAnswerText, publicCaseText } from "~/domain/redaction";
import { normaliseTrackingCode } from "~/domain/tracking-code";
import { read } from "~/services/platform/database.server";
import { caseDisclosureLink } from "~/services/disclosures/links.server";
import { communeName, publishedContacts, reference } from "~/services/reference/reference.server";
import type { CaseEventType } from "~/domain/case-workflow";
import { identityColumns } from "./identity.server";
import { latestAnswer } from "./resident-steps.server";

// ---------------------------------------------------------------- views

const publicColumns = {
  id: t.cases.id,
  code: t.cases.code,
  kindCode: t.cases.kindCode,
  categoryCode: t.cases.categoryCode,
  communeId: t.cases.communeId,
  status: t.cases.status,
  receivedAt: t.cases.receivedAt,
  updatedAt: t.cases.updatedAt,
  stage: t.cases.stage,
  stageStartedOn: t.cases.stageStartedOn,
  extensionDays: t.cases.extensionDays,
  pauses: t.cases.pauses,
  pausedSince: t.cases.pausedSince,
  answeredAt: t.cases.answeredAt,
  publishConsent: t.cases.publishConsent,
  title: t.cases.title,
  description: t.cases.description,
  requestedOutcome: t.cases.requestedOutcome,
};

export interface TimelineEntry {
  id: number;
  type: CaseEventType;
  createdAt: string;
  body: string | null;
  actor: string;
  attachments: { id: string; displayName: string; mediaType: string; sizeBytes: number }[];
}

async function timeline(caseIds: number[], withBodies: boolean): Promise<Map<number, TimelineEntry[]>> {
  const events = await read()
    .select({
      id: t.caseEvents.id,
      caseId: t.caseEvents.caseId,
      type: t.caseEvents.type,
      createdAt: t.caseEvents.createdAt,
      body: t.caseEvents.body,
      actor: t.caseEvents.actor,
    })
    .from(t.caseEvents)
    .where(and(inArray(t.caseEvents.caseId, caseIds), eq(t.caseEvents.visibility, "public")))
    .orderBy(asc(t.caseEvents.id));
  const files = withBodies
    ? await read()
        .select({
          id: t.attachments.id,
          eventId: t.attachments.eventId,
          displayName: t.attachments.displayName,
          mediaType: t.attachments.mediaType,
          sizeBytes: t.attachments.sizeBytes,
        })
        .from(t.attachments)
        .where(inArray(t.attachments.caseId, caseIds))
    : [];
  const byCase = new Map<number, TimelineEntry[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId) ?? [];
    list.push({
      id: e.id,
      type: e.type,
      createdAt: e.createdAt,
      actor: e.actor,
      body: withBodies ? e.body : null,
      attachments: files.filter((f) => f.eventId === e.id).map(({ eventId: _, ...f }) => f),
    });
    byCase.set(e.caseId, list);
  }
  return byCase;
}

/** What anyone may see: no name, phone, email, address, ID, attachment, and no text unless the resident agreed. */
export async function publicCaseView(codeInput: string) {
  const code = normaliseTrackingCode(codeInput);
  if (!code) return null;
  const row = (
    await read()
      .select({ ...publicColumns, identity: identityColumns, disclosureId: t.cases.disclosureId, planRowNo: t.cases.planRowNo })
      .from(t.cases)
      .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
      .where(eq(t.cases.code, code))
  )[0];
  if (!row) return null;
  const ref = await reference();
  const {
    publishConsent,
    title,
    description,
    requestedOutcome,
    id,
    identity,
    disclosureId,
    planRowNo,
    stage,
    stageStartedOn,
    extensionDays,
    pauses,
    pausedSince,
    ...rest
  } = row;
  // Consent publishes the text, never contact details inside it; a denunciation's text is never public.
  const contacts = publishedContacts(ref);
  const content = publicCaseText(row, identity, contacts);
  // A case in the register shows its answer here too, redacted by the same policy.
  const answer = content && isAnswered(row.status) && row.answeredAt ? await latestAnswerText(id) : null;
  return {
    ...rest,
    communeName: communeName(ref, row.communeId),
    deadline: await caseDeadline(row),
    content,
    withheldBecause: content ? null : row.kindCode === "denunciation" ? ("denunciation" as const) : ("no_consent" as const),
    answer: answer ? { body: publicAnswerText(answer.body, identity, contacts), createdAt: answer.createdAt } : null,
    disclosure: await caseDisclosureLink({ disclosureId, planRowNo }, "public"),
    closure: await publicClosure(id, row.status, (reason) => publicAnswerText(reason, identity, contacts)),
    timeline: ((await timeline([id], false)).get(id) ?? []).map(({ type, createdAt, id: eventId }) => ({ id: eventId, type, createdAt })),
  };
}

/** The filer's own view after a successful look-up: everything they sent and every public step. */
export async function residentCaseView(caseId: number) {
  const row = (
    await read()
      .select({
        ...publicColumns,
        place: t.cases.place,
        hamletId: t.cases.hamletId,
        routingReason: t.cases.routingReason,
        disclosureId: t.cases.disclosureId,
        planRowNo: t.cases.planRowNo,
        fullName: t.caseContacts.fullName,
        phone: t.caseContacts.phone,
        email: t.caseContacts.email,
        address: t.caseContacts.address,
      })
      .from(t.cases)
      .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
      .where(eq(t.cases.id, caseId))
  )[0];
  if (!row) return null;
  const ref = await reference();
  const events = (await timeline([caseId], true)).get(caseId) ?? [];
  const openRequest = row.status === "info_requested" ? [...events].reverse().find((e) => e.type === "info_requested") : undefined;
  const steps = (
    await read().select({ stage: t.cases.stage, dueOn: t.cases.dueOn, answeredAt: t.cases.answeredAt }).from(t.cases).where(eq(t.cases.id, caseId))
  )[0];
  const today = vnDate(new Date());
  const rating = await answerRating(caseId);
  return {
    ...row,
    communeName: communeName(ref, row.communeId),
    deadline: await caseDeadline(row),
    hamletName: ref.hamlets.find((h) => h.id === row.hamletId)?.name ?? null,
    disclosure: await caseDisclosureLink(row, "resident"),
    timeline: events,
    openInfoRequest: openRequest ? { body: openRequest.body, createdAt: openRequest.createdAt } : null,
    rating,
    canRate: isAnswered(row.status) && !rating,
    canContest: contestOpen({ status: row.status, ...steps }, today),
    contestUntil: contestUntil(steps),
    canWithdraw: isOpen(row.status),
    canWithdrawPart: isOpen(row.status) && suspensionApplies({ kindCode: row.kindCode, receivedOn: vnDate(new Date(row.receivedAt)) }),
    closure: await publicClosure(caseId, row.status, (reason) => reason),
    closureQuestion: await closureQuestion({ id: caseId, status: row.status, answeredAt: steps.answeredAt }),
  };
}

/** The resident's rating of the answer in force (the latest), or null: each answer is rated once. */
export async function answerRating(caseId: number) {
  const answer = await latestAnswer(read(), caseId);
  if (!answer) return null;
  return (
    (
      await read()
        .select({ score: t.answerRatings.score, comment: t.answerRatings.comment })
        .from(t.answerRatings)
        .where(eq(t.answerRatings.answerEventId, answer.id))
    )[0] ?? null
  );
}

async function latestAnswerText(caseId: number): Promise<{ body: string; createdAt: string } | null> {
  const row = (
    await read()
      .select({ body: t.caseEvents.body, createdAt: t.caseEvents.createdAt })
      .from(t.caseEvents)
      .where(and(eq(t.caseEvents.caseId, caseId), eq(t.caseEvents.type, "answered"), isNotNull(t.caseEvents.body)))
      .orderBy(desc(t.caseEvents.id))
      .limit(1)
  )[0];
  return row?.body ? { body: row.body, createdAt: row.createdAt } : null;
}

/** The deadline in force for a case (deadlines.deadlineInForce), the one every view shows. */
export async function caseDeadline(
  row: CaseClockState & { id: number },
  now = new Date(),
): Promise<(DeadlineInForce & { suspended: boolean; countdown: Countdown | null }) | null> {
  const ref = await reference();
  const events = await read()
    .select({ type: t.caseEvents.type, createdAt: t.caseEvents.createdAt })
    .from(t.caseEvents)
    .where(and(eq(t.caseEvents.caseId, row.id), eq(t.caseEvents.type, "extended")));
  const clockEvents = events.map((e) => ({ type: e.type, createdOn: vnDate(new Date(e.createdAt)) }));
  const today = vnDate(now);
  const deadline = deadlineInForce(row, clockEvents, ref.deadlineRules, ref.calendar, today);
  if (!deadline) return null;
  // The plain countdown, from the due date and today's Vietnamese date: a page showing it changes every day.
  const running = deadline.owedBy === "unit" && !deadline.pausedSince;
  return { ...deadline, suspended: isSuspended(row), countdown: running ? countdown(deadline.dueOn, today, ref.calendar) : null };
}

/** How a closed case was closed (the resident confirmed, no reply, or the commune with its reason); null otherwise. */
async function publicClosure(caseId: number, status: string, showReason: (reason: string) => string) {
  if (status !== "closed") return null;
  const closure = (await closures([caseId])).get(caseId);
  return closure ? { how: closure.how, reason: closure.reason ? showReason(closure.reason) : null } : null;
}
