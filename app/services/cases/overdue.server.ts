// Deadlines that escalate by themselves: the daily job writes a public "deadline passed" event on each case whose
// running stage went past its due date — once per stage and due date, so reruns and restarts add nothing — and tells
// the district's staff in one mail. The unit's leader already reads the case in the daily digest (digest.server.ts).
import { and, asc, eq, gt, inArray, isNull, lt, or } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { ESCALATION_RULES } from "../../../db/data/supervision";
import { OPEN_STATUSES } from "~/domain/case-workflow";
import { formatDate, vnDate } from "~/domain/dates";
import { translator } from "~/i18n";
import { audit } from "~/services/platform/audit.server";
import { publicUrl } from "~/services/platform/config.server";
import { transaction } from "~/services/platform/database.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { communeName, reference } from "~/services/reference/reference.server";
import { eventClock } from "./handling.server";

/** Cases per transaction: a province's first run after an outage may find tens of thousands overdue, and one
 * transaction over all of them would hold the writer (and, SQLite being synchronous, every request) for minutes. */
const BATCH = 200;
/** Cases named in the district's mail; the rest are counted and found through the overdue list it links to. */
const MAIL_LINES = 100;

type Overdue = { id: number; code: string; title: string; communeId: string; stage: string; dueOn: string };

/** Records today's passed deadlines; returns how many cases got the event. */
export async function recordPassedDeadlines(now = new Date()): Promise<number> {
  const today = vnDate(now);
  const ref = await reference();
  const tr = translator("vi");
  const fresh: Overdue[] = [];
  let after: { dueOn: string; id: number } | undefined;
  for (;;) {
    const page = await transaction(async (tx) => {
      const overdue = await tx
        .select({
          id: t.cases.id,
          code: t.cases.code,
          title: t.cases.title,
          communeId: t.cases.communeId,
          stage: t.cases.stage,
          dueOn: t.cases.dueOn,
          pausedSince: t.cases.pausedSince,
        })
        .from(t.cases)
        .where(
          and(
            inArray(t.cases.status, [...OPEN_STATUSES]),
            isNull(t.cases.pausedSince),
            lt(t.cases.dueOn, today),
            after ? or(gt(t.cases.dueOn, after.dueOn), and(eq(t.cases.dueOn, after.dueOn), gt(t.cases.id, after.id))) : undefined,
          ),
        )
        .orderBy(asc(t.cases.dueOn), asc(t.cases.id))
        .limit(BATCH);
      if (!overdue.length) return overdue;
      const already = await tx
        .select({ caseId: t.caseEvents.caseId, stage: t.caseEvents.stage, dueOn: t.caseEvents.dueOn })
        .from(t.caseEvents)
        .where(
          and(
            eq(t.caseEvents.type, "deadline_passed"),
            inArray(
              t.caseEvents.caseId,
              overdue.map((c) => c.id),
            ),
          ),
        );
      const seen = new Set(already.map((e) => `${e.caseId}|${e.stage}|${e.dueOn}`));
      for (const c of overdue) {
        if (seen.has(`${c.id}|${c.stage}|${c.dueOn}`) || !c.dueOn) continue;
        await tx.insert(t.caseEvents).values({
          caseId: c.id,
          type: "deadline_passed",
          visibility: "public",
          actor: "system",
          body: null,
          meta: { dueOn: c.dueOn },
          createdAt: now.toISOString(),
          ...eventClock(c, "deadline_passed"),
        });
        await audit({ userId: null, action: "case.deadline_passed", targetType: "case", targetId: c.code, details: { stage: c.stage, dueOn: c.dueOn } }, now);
        fresh.push({ ...c, dueOn: c.dueOn });
      }
      return overdue;
    });
    if (page.length < BATCH) break;
    const last = page[page.length - 1];
    after = { dueOn: last.dueOn ?? "", id: last.id };
    // Let waiting requests in between two batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!fresh.length) return 0;
  // The events are committed batch by batch; the mail follows in its own transaction. Should the process die in
  // between, the cases are still on the overdue list the district reads, and the events are not written twice.
  let queued = false;
  await transaction(async (tx) => {
    const district = await tx
      .select({ email: t.users.email })
      .from(t.users)
      .where(and(eq(t.users.role, "district_staff"), eq(t.users.communeId, DISTRICT_ID), isNull(t.users.disabledAt)));
    const named = fresh.slice(0, MAIL_LINES);
    const lines =
      named
        .map((c) => `- ${c.code} — ${communeName(ref, c.communeId)} (hạn ${formatDate(c.dueOn)}): ${c.title}\n  ${publicUrl()}/can-bo/ho-so/${c.code}`)
        .join("\n") + (fresh.length > named.length ? `\n… (+${fresh.length - named.length})` : "");
    for (const person of district) {
      await enqueueMail(
        tx,
        {
          to: person.email,
          subject: tr("mail.deadlinePassed.subject", fresh.length),
          text: tr("mail.deadlinePassed.body", lines, ESCALATION_RULES.takeOverAfter.workingDays, `${publicUrl()}/can-bo?due=overdue`),
        },
        now,
      );
      queued = true;
    }
  });
  if (queued) nudgeMailWorker();
  return fresh.length;
}
