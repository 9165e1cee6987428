// What the filer does after filing: answer a request for information, rate the answer, contest it, withdraw.
// Each step writes its change, its event and its mail in one transaction.
import { and, desc, eq } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { contestOpen, isAnswered, isOpen, nextStatus } from "~/domain/case-workflow";
import { suspensionApplies } from "~/domain/complaint-suspension";
import { vnDate } from "~/domain/dates";
import { stageForEvent, startStage } from "~/domain/deadlines";
import { InvalidError, NotFoundError } from "~/domain/errors";
import { transaction, type Db, type Tx } from "~/services/platform/database.server";
import { nudgeMailWorker } from "~/services/platform/mail.server";
import { reference } from "~/services/reference/reference.server";
import { recordAttachments, storeAttachments, type PreparedAttachment } from "./attachments.server";
import { dueOnNow, eventClock, mailResident } from "./handling.server";
import { replyToClosure } from "./closure.server";

async function caseForUpdate(tx: Tx, caseId: number) {
  const row = (await tx.select().from(t.cases).where(eq(t.cases.id, caseId)))[0];
  if (!row) throw new NotFoundError("error.caseNotFound");
  return row;
}

/** The resident answers an information request with text and files; the case returns to where it was. */
export async function provideInformation(
  caseId: number,
  body: string,
  files: readonly PreparedAttachment[],
  idempotencyKey: string,
  now = new Date(),
): Promise<{ duplicate: boolean }> {
  const nowIso = now.toISOString();
  const removeFiles = await storeAttachments(files);
  try {
    const duplicate = await transaction(async (tx) => {
      const seen = (await tx.select({ id: t.caseEvents.id }).from(t.caseEvents).where(eq(t.caseEvents.idempotencyKey, idempotencyKey)))[0];
      if (seen) return true;
      const row = await caseForUpdate(tx, caseId);
      if (row.status !== "info_requested") throw new InvalidError("error.notWaitingForInfo");
      const status = nextStatus("info_requested", "provide_info", "resident", row.statusBeforeInfoRequest);
      // The clock resumes: the days spent waiting for the resident do not count (domain.md §2).
      const pauses = row.pausedSince ? [...row.pauses, [row.pausedSince, vnDate(now)] as [string, string]] : row.pauses;
      const dueOn = dueOnNow(await reference(), { ...row, pauses });
      await tx
        .update(t.cases)
        .set({ status, statusBeforeInfoRequest: null, pausedSince: null, pauses, dueOn, updatedAt: nowIso })
        .where(eq(t.cases.id, caseId));
      const eventId = (
        await tx
          .insert(t.caseEvents)
          .values({
            caseId,
            type: "info_provided",
            visibility: "public",
            actor: "resident",
            body,
            idempotencyKey,
            createdAt: nowIso,
            ...eventClock(row, "info_provided"),
          })
          .returning({ id: t.caseEvents.id })
      )[0].id;
      await recordAttachments(tx, caseId, eventId, files, "resident");
      return false;
    });
    if (duplicate) await removeFiles();
    return { duplicate };
  } catch (error) {
    await removeFiles();
    throw error;
  }
}

/** The case's latest answer (the one in force), with the unit that gave it. */
export async function latestAnswer(db: Tx | Db, caseId: number) {
  return (
    (
      await db
        .select({ id: t.caseEvents.id, unitId: t.caseEvents.unitId })
        .from(t.caseEvents)
        .where(and(eq(t.caseEvents.caseId, caseId), eq(t.caseEvents.type, "answered")))
        .orderBy(desc(t.caseEvents.id))
        .limit(1)
    )[0] ?? null
  );
}

export type ResidentStep =
  | { step: "rate"; score: number; comment: string }
  | { step: "contest"; reason: string }
  | { step: "withdraw"; reason: string }
  | { step: "settled"; settled: "yes" | "no"; comment: string }
  | { step: "withdraw_part"; part: string };

/** Rating, contesting or withdrawing, by the filer (their browser holds the look-up grant). */
export async function residentStep(caseId: number, input: ResidentStep, now = new Date()): Promise<void> {
  const nowIso = now.toISOString();
  const today = vnDate(now);
  await transaction(async (tx) => {
    const row = await caseForUpdate(tx, caseId);
    if (input.step === "withdraw_part") {
      // From 1/7/2026 a complaint may be withdrawn in part; the rest is still handled (complaint-suspension.ts).
      if (!isOpen(row.status) || !suspensionApplies({ kindCode: row.kindCode, receivedOn: vnDate(new Date(row.receivedAt)) }))
        throw new InvalidError("error.partWithdrawalNotApplicable");
      await tx.insert(t.caseEvents).values({
        caseId,
        type: "partly_withdrawn",
        visibility: "public",
        actor: "resident",
        body: input.part,
        createdAt: nowIso,
        ...eventClock(row, "partly_withdrawn"),
      });
      await mailResident(tx, caseId, "partly_withdrawn", input.part, now);
      return;
    }
    if (input.step === "settled") {
      await replyToClosure(tx, row, input.settled === "yes", input.comment, now);
      return;
    }
    if (input.step === "rate") {
      if (!isAnswered(row.status)) throw new InvalidError("error.notAnswered");
      // One rating per answer: the answer in force (the district's, once a contested case is answered again).
      const answer = await latestAnswer(tx, caseId);
      if (!answer) throw new InvalidError("error.notAnswered");
      const existing = (await tx.select({ id: t.answerRatings.id }).from(t.answerRatings).where(eq(t.answerRatings.answerEventId, answer.id)))[0];
      if (existing) throw new InvalidError("error.alreadyRated");
      await tx.insert(t.answerRatings).values({ caseId, answerEventId: answer.id, score: input.score, comment: input.comment || null, createdAt: nowIso });
      await tx.insert(t.caseEvents).values({
        caseId,
        type: "rated",
        visibility: "internal",
        actor: "resident",
        body: input.comment || null,
        meta: { score: input.score, answerEventId: answer.id },
        createdAt: nowIso,
        ...eventClock(row, "rated", undefined, answer.unitId),
      });
      return;
    }
    if (input.step === "contest") {
      if (!contestOpen(row, today)) throw new InvalidError("error.contestClosed");
      const status = nextStatus(row.status, "contest", "resident");
      const ref = await reference();
      const stage = stageForEvent(ref.deadlineRules, row.kindCode, row.categoryCode, "contested");
      if (!stage) throw new InvalidError("error.actionNotAllowed");
      const clock = startStage(row, stage, today, ref.deadlineRules, ref.calendar);
      await tx
        .update(t.cases)
        .set({ status, communeId: DISTRICT_ID, firstInstanceCommuneId: row.communeId, assigneeUserId: null, ...clock, closedAt: null, updatedAt: nowIso })
        .where(eq(t.cases.id, caseId));
      await tx.insert(t.caseEvents).values({
        caseId,
        type: "contested",
        visibility: "public",
        actor: "resident",
        body: input.reason,
        meta: { from: row.communeId, to: DISTRICT_ID },
        createdAt: nowIso,
        ...eventClock(row, "contested", DISTRICT_ID),
      });
      // The resident's own step is acknowledged like every official one: a mail with the same transaction.
      await mailResident(tx, caseId, "contested", input.reason, now);
      return;
    }
    const status = nextStatus(row.status, "withdraw", "resident");
    await tx.update(t.cases).set({ status, closedAt: nowIso, pausedSince: null, updatedAt: nowIso }).where(eq(t.cases.id, caseId));
    await tx.insert(t.caseEvents).values({
      caseId,
      type: "withdrawn",
      visibility: "public",
      actor: "resident",
      body: input.reason || null,
      createdAt: nowIso,
      ...eventClock(row, "withdrawn"),
    });
    await mailResident(tx, caseId, "withdrawn", input.reason || null, now);
  });
  if (input.step !== "rate") nudgeMailWorker();
}
