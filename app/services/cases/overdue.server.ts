// Deadlines that escalate by themselves: the daily job writes a public "deadline passed" event on each case whose
// running stage went past its due date — once per stage and due date, so reruns and restarts add nothing — and tells
// the district's staff in one mail. The unit's leader already reads the case in the daily digest (digest.server.ts).
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
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

/** Records today's passed deadlines; returns how many cases got the event. */
export async function recordPassedDeadlines(now = new Date()): Promise<number> {
  const today = vnDate(now);
  const ref = await reference();
  const tr = translator("vi");
  let recorded = 0;
  let queued = false;
  await transaction(async (tx) => {
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
      .where(and(inArray(t.cases.status, [...OPEN_STATUSES]), isNull(t.cases.pausedSince), lt(t.cases.dueOn, today)))
      .orderBy(asc(t.cases.dueOn));
    if (!overdue.length) return;
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
    const fresh = overdue.filter((c) => !seen.has(`${c.id}|${c.stage}|${c.dueOn}`));
    for (const c of fresh) {
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
      recorded++;
    }
    if (!fresh.length) return;
    const district = await tx
      .select({ email: t.users.email })
      .from(t.users)
      .where(and(eq(t.users.role, "district_staff"), eq(t.users.communeId, DISTRICT_ID), isNull(t.users.disabledAt)));
    const lines = fresh
      .map((c) => `- ${c.code} — ${communeName(ref, c.communeId)} (hạn ${formatDate(c.dueOn)}): ${c.title}\n  ${publicUrl()}/can-bo/ho-so/${c.code}`)
      .join("\n");
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
  return recorded;
}
