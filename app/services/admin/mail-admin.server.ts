// Mail that did not reach its recipient, for administrators: the list, and sending again (optionally to a
// corrected address). Recipient addresses are personal data: they leave this module only for an administrator's page.
import { and, desc, eq, gte, inArray, or } from "drizzle-orm";
import { LONG_RETRY_ATTEMPTS, mailTrouble } from "~/domain/outbox";
import { canAdmin, type StaffUser } from "~/domain/permissions";
import { ForbiddenError, InvalidError, NotFoundError } from "~/domain/errors";
import * as t from "../../../db/schema";
import { audit } from "~/services/platform/audit.server";
import { read, transaction } from "~/services/platform/database.server";
import { nudgeMailWorker } from "~/services/platform/mail.server";

const troubled = or(eq(t.outbox.status, "dead"), and(inArray(t.outbox.status, ["pending", "sending"]), gte(t.outbox.attempts, LONG_RETRY_ATTEMPTS)));

/** Dead and long-retrying mail, newest first (at most 200). */
export async function troubledMail(user: StaffUser) {
  if (!canAdmin(user, "manage_mail")) throw new ForbiddenError();
  const rows = await read()
    .select({
      id: t.outbox.id,
      toAddress: t.outbox.toAddress,
      subject: t.outbox.subject,
      status: t.outbox.status,
      attempts: t.outbox.attempts,
      lastError: t.outbox.lastError,
      createdAt: t.outbox.createdAt,
      nextAttemptAt: t.outbox.nextAttemptAt,
      caseCode: t.cases.code,
    })
    .from(t.outbox)
    .leftJoin(t.cases, eq(t.cases.id, t.outbox.caseId))
    .where(troubled)
    .orderBy(desc(t.outbox.id))
    .limit(200);
  return rows.map((r) => ({ ...r, trouble: mailTrouble(r)!, lastError: r.lastError?.slice(0, 300) ?? null }));
}

/** How many mails are dead and how many long-retrying (for the administrators' daily mail). */
export async function troubledMailCounts(): Promise<{ dead: number; retrying: number }> {
  const rows = await read().select({ status: t.outbox.status, attempts: t.outbox.attempts }).from(t.outbox).where(troubled);
  return { dead: rows.filter((r) => r.status === "dead").length, retrying: rows.filter((r) => r.status !== "dead").length };
}

/**
 * Sends a dead or long-retrying mail again now, with a fresh count of attempts; with `toAddress`, to that address
 * instead — and the filer's stored address of the case is corrected with it, so the next mails go there too.
 */
export async function resendMail(user: StaffUser, id: number, ip: string, toAddress?: string, now = new Date()): Promise<void> {
  if (!canAdmin(user, "manage_mail")) throw new ForbiddenError();
  await transaction(async (tx) => {
    const row = (await tx.select().from(t.outbox).where(eq(t.outbox.id, id)))[0];
    if (!row) throw new NotFoundError();
    if (!mailTrouble(row)) throw new InvalidError("admin.mail.error.notTroubled");
    const corrected = toAddress !== undefined && toAddress !== row.toAddress;
    await tx
      .update(t.outbox)
      .set({ status: "pending", attempts: 0, lastError: null, nextAttemptAt: now.toISOString(), ...(corrected ? { toAddress } : {}) })
      .where(eq(t.outbox.id, id));
    if (corrected && row.caseId !== null) {
      await tx
        .update(t.caseContacts)
        .set({ email: toAddress })
        .where(and(eq(t.caseContacts.caseId, row.caseId), eq(t.caseContacts.email, row.toAddress)));
    }
    // The audit says that the address changed, never the addresses themselves.
    await audit(
      {
        userId: user.id,
        action: corrected ? "mail.corrected" : "mail.resent",
        targetType: "outbox",
        targetId: id,
        ip,
        details: { previousStatus: row.status },
      },
      now,
    );
  });
  nudgeMailWorker();
}
