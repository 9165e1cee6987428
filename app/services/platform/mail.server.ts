// Mail goes through the outbox: a row written in the same transaction as the change it reports, delivered
// afterwards by a worker in the server process, retried with backoff, and dead-lettered on permanent failure.
import { and, asc, eq, lte } from "drizzle-orm";
import fsp from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { outbox } from "../../../db/schema";
import { mailDir, publicUrl, reloadConfig, smtpUrl } from "./config.server";
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
  transporter = url
    ? nodemailer.createTransport(url, {
        // Short timeouts: a blackholed server must not hold the worker for nodemailer's default minutes.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      } as object)
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

let running: Promise<number> | null = null;

/** Sends every mail that is due; returns how many were sent. Never runs twice at once in one process. */
export function deliverDueMail(now = new Date()): Promise<number> {
  running ??= (async () => {
    try {
      return await deliverBatch(now);
    } finally {
      running = null;
    }
  })();
  return running;
}

async function deliverBatch(now: Date): Promise<number> {
  const due = await read()
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now.toISOString())))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(50);
  let sent = 0;
  for (const row of due) {
    try {
      await deliver(row);
      await transaction((tx) =>
        tx
          .update(outbox)
          .set({ status: "sent", sentAt: new Date().toISOString(), attempts: row.attempts + 1, lastError: null })
          .where(eq(outbox.id, row.id)),
      );
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const dead = isPermanent(error) || attempts >= MAX_ATTEMPTS;
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await transaction((tx) =>
        tx
          .update(outbox)
          .set({
            status: dead ? "dead" : "pending",
            attempts,
            lastError: message,
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
          })
          .where(eq(outbox.id, row.id)),
      );
      // Recipient addresses stay out of the log (personal data); the outbox id is enough to find the row.
      logger.warn({ event: dead ? "mail.dead" : "mail.retry", outboxId: row.id, attempts, error: message });
    }
  }
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
