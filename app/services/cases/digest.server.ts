// The daily mail to each commune leader: cases of their commune due within 3 days or overdue; and to administrators,
// when mail could not be sent (dead, or retried for long).
// Runs once per Vietnamese calendar day (from 07:00), remembered in `counters`, so restarts never send twice.
import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { errorFields, logger } from "~/services/platform/logger.server";
import * as t from "../../../db/schema";
import { addDays, formatDate, vnDate } from "~/domain/dates";
import { urgency } from "~/domain/deadlines";
import { translator } from "~/i18n";
import { publicUrl } from "~/services/platform/config.server";
import { transaction } from "~/services/platform/database.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { OPEN_STATUSES } from "~/domain/case-workflow";
import { troubledMailCounts } from "~/services/admin/mail-admin.server";
import { runReceptionJobs } from "~/services/reception/jobs.server";
import { recordPassedDeadlines } from "./overdue.server";
import { closeWithoutReply } from "./closure.server";
import { escalateOverdueRecommendations } from "~/services/supervision/escalation.server";

const SEND_FROM_HOUR = 7;

function vnHour(now: Date): number {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", hour12: false }).format(now)) % 24;
}

/** Queues today's digests if not done yet; returns how many mails were queued (0 when already done or too early). */
export async function sendDailyDigests(now = new Date()): Promise<number> {
  if (vnHour(now) < SEND_FROM_HOUR) return 0;
  const today = vnDate(now);
  const marker = `digest-${today}`;
  let queued = 0;
  await transaction(async (tx) => {
    if ((await tx.select().from(t.counters).where(eq(t.counters.name, marker)))[0]) return;
    await tx.insert(t.counters).values({ name: marker, value: 0 });
    const leaders = await tx
      .select({ email: t.users.email, fullName: t.users.fullName, communeId: t.users.communeId })
      .from(t.users)
      .where(and(eq(t.users.role, "commune_leader"), isNull(t.users.disabledAt)));
    const due = await tx
      .select({ code: t.cases.code, title: t.cases.title, communeId: t.cases.communeId, dueOn: t.cases.dueOn })
      .from(t.cases)
      .where(and(inArray(t.cases.status, [...OPEN_STATUSES]), isNull(t.cases.pausedSince), lte(t.cases.dueOn, addDays(today, 3))))
      .orderBy(asc(t.cases.dueOn));
    const tr = translator("vi");
    for (const leader of leaders) {
      const mine = due.filter((c) => c.communeId === leader.communeId);
      if (!mine.length) continue;
      const lines = mine.map(
        (c) =>
          `- ${c.code} — ${tr(`urgency.${urgency(c.dueOn, today, false)}`)} (hạn ${formatDate(c.dueOn)}): ${c.title}\n  ${publicUrl()}/can-bo/ho-so/${c.code}`,
      );
      await enqueueMail(
        tx,
        {
          to: leader.email,
          subject: tr("mail.digest.subject", formatDate(today), mine.length),
          text: tr("mail.digest.body", lines.join("\n"), `${publicUrl()}/can-bo?due=overdue`),
        },
        now,
      );
      queued++;
    }
    // Administrators hear of mail that did not arrive (a resident may be waiting for news that never came).
    const failed = await troubledMailCounts();
    if (failed.dead + failed.retrying > 0) {
      const admins = await tx
        .select({ email: t.users.email })
        .from(t.users)
        .where(and(eq(t.users.role, "admin"), isNull(t.users.disabledAt)));
      for (const admin of admins) {
        await enqueueMail(
          tx,
          {
            to: admin.email,
            subject: tr("mail.failedMail.subject", failed.dead, failed.retrying),
            text: tr("mail.failedMail.body", failed.dead, failed.retrying, `${publicUrl()}/can-bo/quan-tri/thu-loi`),
          },
          now,
        );
        queued++;
      }
    }
    await tx.update(t.counters).set({ value: queued }).where(eq(t.counters.name, marker));
  });
  if (queued) nudgeMailWorker();
  return queued;
}

let timer: NodeJS.Timeout | undefined;

export async function startDailyJobs(intervalMs = 15 * 60_000): Promise<void> {
  if (timer) return;
  const run = async () => {
    try {
      await sendDailyDigests();
    } catch (error) {
      logger.error({ event: "digest.failed", ...errorFields(error) });
    }
    try {
      await runReceptionJobs();
    } catch (error) {
      logger.error({ event: "reception.jobs_failed", ...errorFields(error) });
    }
    try {
      await recordPassedDeadlines();
    } catch (error) {
      logger.error({ event: "deadlines.escalation_failed", ...errorFields(error) });
    }
    try {
      await closeWithoutReply();
    } catch (error) {
      logger.error({ event: "closure.auto_close_failed", ...errorFields(error) });
    }
    try {
      await escalateOverdueRecommendations();
    } catch (error) {
      logger.error({ event: "supervision.escalation_failed", ...errorFields(error) });
    }
  };
  await run();
  timer = setInterval(run, intervalMs);
  timer.unref();
}

export function stopDailyJobs(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
