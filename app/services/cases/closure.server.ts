// Closure the resident confirms (domain/closure.ts): the resident's "settled?" reply, the daily job that closes
// answered cases left without a reply, and how a closed case was closed, for the public and the resident.
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import * as t from "../../../db/schema";
import { CLOSURE_RULES } from "../../../db/data/closure";
import { nextStatus } from "~/domain/case-workflow";
import { asksResident, autoCloseOn, closesWithoutReply, closureKind, type ClosureKind, type ClosureState } from "~/domain/closure";
import { vnDate } from "~/domain/dates";
import { InvalidError } from "~/domain/errors";
import { audit } from "~/services/platform/audit.server";
import { read, transaction, type Db, type Tx } from "~/services/platform/database.server";
import { nudgeMailWorker } from "~/services/platform/mail.server";
import { eventClock, mailFiler, mailResident } from "./handling.server";

type CaseRow = typeof t.cases.$inferSelect;

/** Whether the resident is still asked, from the case and its events after the latest answer. */
export async function closureState(db: Db | Tx, row: Pick<CaseRow, "id" | "status" | "answeredAt">): Promise<ClosureState> {
  const answeredOn = row.answeredAt ? vnDate(new Date(row.answeredAt)) : null;
  if (row.status !== "answered") return { status: row.status, answeredOn, declined: false };
  const answer = (
    await db
      .select({ id: t.caseEvents.id })
      .from(t.caseEvents)
      .where(and(eq(t.caseEvents.caseId, row.id), eq(t.caseEvents.type, "answered")))
      .orderBy(desc(t.caseEvents.id))
      .limit(1)
  )[0];
  const declined = answer
    ? (
        await db
          .select({ id: t.caseEvents.id })
          .from(t.caseEvents)
          .where(and(eq(t.caseEvents.caseId, row.id), eq(t.caseEvents.type, "closure_declined"), gt(t.caseEvents.id, answer.id)))
          .limit(1)
      ).length > 0
    : false;
  return { status: row.status, answeredOn, declined };
}

/** What the resident's page shows: whether to ask, and the day the case closes by itself. */
export async function closureQuestion(row: Pick<CaseRow, "id" | "status" | "answeredAt">) {
  const state = await closureState(read(), row);
  return asksResident(state) ? { closesOn: autoCloseOn(state.answeredOn!, CLOSURE_RULES) } : null;
}

/** The resident's reply: yes closes the case, no keeps it with the unit (and stops it closing by itself). */
export async function replyToClosure(tx: Tx, row: CaseRow, settled: boolean, comment: string, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  if (!asksResident(await closureState(tx, row))) throw new InvalidError("closure.error.notAsked");
  if (settled) {
    const status = nextStatus(row.status, "confirm_closure", "resident");
    await tx.update(t.cases).set({ status, closedAt: nowIso, updatedAt: nowIso }).where(eq(t.cases.id, row.id));
  }
  const type = settled ? "closed" : "closure_declined";
  await tx.insert(t.caseEvents).values({
    caseId: row.id,
    type,
    visibility: "public",
    actor: "resident",
    body: comment || null,
    meta: { how: settled ? "resident_confirmed" : "declined" },
    createdAt: nowIso,
    ...eventClock(row, type),
  });
  await mailResident(tx, row.id, type, comment || null, now);
}

/** Closes answered cases whose resident did not reply within the rule's days; returns how many were closed. */
export async function closeWithoutReply(now = new Date()): Promise<number> {
  const today = vnDate(now);
  let closed = 0;
  await transaction(async (tx) => {
    const answered = await tx.select().from(t.cases).where(eq(t.cases.status, "answered"));
    for (const row of answered) {
      if (!closesWithoutReply(await closureState(tx, row), today, CLOSURE_RULES)) continue;
      const nowIso = now.toISOString();
      await tx.update(t.cases).set({ status: "closed", closedAt: nowIso, updatedAt: nowIso }).where(eq(t.cases.id, row.id));
      await tx.insert(t.caseEvents).values({
        caseId: row.id,
        type: "closed",
        visibility: "public",
        actor: "system",
        body: null,
        meta: { how: "no_reply", days: CLOSURE_RULES.autoCloseAfter.days },
        createdAt: nowIso,
        ...eventClock(row, "closed"),
      });
      await mailFiler(
        tx,
        row.id,
        (tr, code) => ({ subject: tr("closure.mail.closed.subject", code), text: tr("closure.mail.closed.body", code, CLOSURE_RULES.autoCloseAfter.days) }),
        now,
      );
      await audit(
        { userId: null, action: "case.closed_without_reply", targetType: "case", targetId: row.code, details: { days: CLOSURE_RULES.autoCloseAfter.days } },
        now,
      );
      closed++;
    }
  });
  if (closed) nudgeMailWorker();
  return closed;
}

/** How each closed case was closed, from its latest "closed" event; the official's reason with it. */
export async function closures(caseIds: number[]): Promise<Map<number, { how: ClosureKind; reason: string | null }>> {
  const out = new Map<number, { how: ClosureKind; reason: string | null }>();
  if (!caseIds.length) return out;
  const events = await read()
    .select({ caseId: t.caseEvents.caseId, actor: t.caseEvents.actor, body: t.caseEvents.body })
    .from(t.caseEvents)
    .where(and(inArray(t.caseEvents.caseId, caseIds), eq(t.caseEvents.type, "closed")))
    .orderBy(t.caseEvents.id);
  for (const e of events) {
    const how = closureKind(e);
    out.set(e.caseId, { how, reason: how === "official" ? e.body : null });
  }
  return out;
}
