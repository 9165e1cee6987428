// Mail goes through the outbox: a row written in the same transaction as the change it reports, delivered
// afterwards by a worker in the server process, retried with backoff, and dead-lettered on permanent failure.
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import fsp from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
// The file itself: Node resolves no directory index for an ES import.
import SMTPTransport from "nodemailer/lib/smtp-transport/index.js";
import { outbox } from "../../../db/schema";
import { mailDir, publicUrl, reloadConfig, smtpTimeoutMs, smtpUrl } from "./config.server";
import { errorFields, logger } from "./logger.server";
import { read, transaction, type Tx } from "./database.server";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  caseId?: number | null;
  headers?: Record<string, string>;
}

export const MAX_ATTEMPTS = 12;
const FROM = "Dân Biết — UBND huyện Xuân Trường <no-reply@dan-biet.local>";

/** Queues a mail inside the caller's transaction: it is sent only if the change commits. */
export async function enqueueMail(tx: Tx, mail: OutgoingMail, now = new Date()): Promise<void> {
  await tx.insert(outbox).values({
    toAddress: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    caseId: mail.caseId ?? null,
    headers: mail.headers ?? null,
    nextAttemptAt: now.toISOString(),
  });
}

/** Capped exponential backoff with jitter: 30 s, 1 min, 2 min … at most 1 h. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

let transporter: Transporter | undefined;

function transport(): Transporter {
  if (transporter) return transporter;
  const url = smtpUrl();
  const timeoutMs = smtpTimeoutMs();
  transporter = url
    ? // The SMTP transport built here, not by createTransport({ url, … }): given a URL, createTransport reads only
      // the URL and drops every option beside it — the timeouts among them, which then fall back to nodemailer's
      // minutes. A blackholed or silent server must not hold a send slot that long.
      nodemailer.createTransport(new SMTPTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: 3 * timeoutMs }))
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return transporter;
}

/** For tests and configuration changes: the next send builds a new transport from the environment. */
export function resetTransport(): void {
  reloadConfig();
  transporter?.close?.();
  transporter = undefined;
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function messageId(id: number): string {
  const host = new URL(publicUrl()).hostname || "dan-biet.local";
  return `<outbox-${id}@${host}>`;
}

async function deliver(row: typeof outbox.$inferSelect): Promise<void> {
  const message = {
    from: FROM,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    // A stable Message-ID: if the worker dies after the server accepted the mail, a resend is recognisable.
    messageId: messageId(row.id),
    headers: { "Auto-Submitted": "auto-generated", ...(row.headers ?? {}) },
  };
  const info = await transport().sendMail(message);
  if (!smtpUrl()) {
    const dir = mailDir();
    await fsp.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${String(row.id).padStart(8, "0")}.eml`);
    await fsp.writeFile(file, (info as unknown as { message: Buffer }).message);
  }
}

/**
 * Sends every mail that is due; returns how many this round sent. Rounds may overlap (a round stuck on a stalled
 * server does not stop the next one): a mail being sent by this process is never picked again, and at most
 * SEND_CONCURRENCY mails are in flight at once in all rounds together.
 */
export async function deliverDueMail(now = new Date()): Promise<number> {
  return deliverBatch(now);
}

/** How many mails are sent at once: one slow recipient server must not hold every other mail. */
const SEND_CONCURRENCY = 4;
/** A mail being sent is claimed for this long; only a crash mid-send leaves a claim to expire (then it is resent). */
const CLAIM_LEASE_MS = 10 * 60_000;

/**
 * Mails the SMTP server accepted whose "sent" mark could not be written (a busy database): the mark is retried first
 * on every round, and the mail is never handed to SMTP again. Sending and recording are separate steps.
 */
const unrecorded = new Map<number, { attempts: number; sentAt: string }>();

async function recordSent(id: number, attempts: number, sentAt: string): Promise<void> {
  try {
    await transaction((tx) => tx.update(outbox).set({ status: "sent", sentAt, attempts, lastError: null }).where(eq(outbox.id, id)));
    unrecorded.delete(id);
  } catch (error) {
    unrecorded.set(id, { attempts, sentAt });
    logger.warn({ event: "mail.record_failed", outboxId: id, ...errorFields(error) });
  }
}

async function recordFailure(row: typeof outbox.$inferSelect, error: unknown, now: Date): Promise<void> {
  const attempts = row.attempts + 1;
  const dead = isPermanent(error) || attempts >= MAX_ATTEMPTS;
  const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
  try {
    await transaction((tx) =>
      tx
        .update(outbox)
        .set({ status: dead ? "dead" : "pending", attempts, lastError: message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() })
        .where(eq(outbox.id, row.id)),
    );
  } catch (recordError) {
    // The claim's lease runs out and the mail is tried again: nothing was sent, so nothing is sent twice.
    logger.warn({ event: "mail.record_failed", outboxId: row.id, ...errorFields(recordError) });
  }
  // Recipient addresses stay out of the log (personal data); the outbox id is enough to find the row.
  logger.warn({ event: dead ? "mail.dead" : "mail.retry", outboxId: row.id, attempts, error: message });
}

/** Marks the row as being sent; false when another round has it or the database is busy (then it waits its turn). */
async function claim(row: typeof outbox.$inferSelect, now: Date): Promise<boolean> {
  try {
    const claimed = await transaction((tx) =>
      tx
        .update(outbox)
        .set({ status: "sending", nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString() })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, row.status), eq(outbox.nextAttemptAt, row.nextAttemptAt)))
        .returning({ id: outbox.id }),
    );
    return claimed.length === 1;
  } catch {
    return false;
  }
}

/** Mails this process is sending now, and the send slots they take. */
const inFlight = new Set<number>();

async function deliverBatch(now: Date): Promise<number> {
  for (const [id, r] of [...unrecorded]) await recordSent(id, r.attempts, r.sentAt);
  if (inFlight.size >= SEND_CONCURRENCY) return 0;
  const due = (
    await read()
      .select()
      .from(outbox)
      .where(and(inArray(outbox.status, ["pending", "sending"]), lte(outbox.nextAttemptAt, now.toISOString())))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(50)
  ).filter((row) => !unrecorded.has(row.id) && !inFlight.has(row.id));
  let sent = 0;
  const queue = [...due];
  const sendOne = async (row: typeof outbox.$inferSelect) => {
    if (!(await claim(row, now))) return;
    try {
      await deliver(row);
    } catch (error) {
      await recordFailure(row, error, now);
      return;
    }
    sent++;
    await recordSent(row.id, row.attempts + 1, new Date().toISOString());
  };
  const worker = async () => {
    // A slot is taken synchronously with the mail, so overlapping rounds never exceed the limit together.
    while (queue.length && inFlight.size < SEND_CONCURRENCY) {
      const row = queue.shift()!;
      if (inFlight.has(row.id)) continue;
      inFlight.add(row.id);
      try {
        await sendOne(row);
      } finally {
        inFlight.delete(row.id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY - inFlight.size, queue.length) }, worker));
  return sent;
}

let timer: NodeJS.Timeout | undefined;

/** Starts the background worker (server process only). A nudge after a commit sends without waiting. */
export function startMailWorker(intervalMs = 5_000): void {
  if (timer) return;
  timer = setInterval(() => void deliverDueMail().catch((e) => logger.error({ event: "mail.worker_failed", ...errorFields(e) })), intervalMs);
  timer.unref();
}

export function stopMailWorker(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}

export function nudgeMailWorker(): void {
  if (timer) setImmediate(() => void deliverDueMail().catch((e) => logger.error({ event: "mail.worker_failed", ...errorFields(e) })));
}
