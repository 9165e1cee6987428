// The outbox: mail is queued with the change that causes it, and a failed delivery is retried, never lost.
import "../support/database";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { outbox } from "../../db/schema";
import { read, transaction } from "~/services/platform/database.server";
import { deliverDueMail, enqueueMail, MAX_ATTEMPTS, resetTransport, retryDelayMs } from "~/services/platform/mail.server";
import { startSmtp, type Smtp } from "../support/smtp";

const smtps: Smtp[] = [];

async function useSmtp(options: Parameters<typeof startSmtp>[0] = {}) {
  const smtp = await startSmtp(options);
  smtps.push(smtp);
  process.env.SMTP_URL = smtp.url;
  resetTransport();
  return smtp;
}

async function queue(to: string, now: Date): Promise<number> {
  await transaction(async (tx) => enqueueMail(tx, { to, subject: "Dân Biết: thử", text: "Xin chào, đây là thư thử." }, now));
  return (await read().select({ id: outbox.id }).from(outbox)).at(-1)!.id;
}

async function row(id: number) {
  return (await read().select().from(outbox).where(eq(outbox.id, id)))[0];
}

beforeEach(async () => {
  await transaction((tx) => tx.delete(outbox));
});

afterAll(async () => {
  for (const s of smtps) await s.close();
});

describe("mail outbox", () => {
  it("a failed SMTP delivery (451) is kept, retried after its backoff, and delivered once", async () => {
    const smtp = await useSmtp({ failFirst: 1 });
    const t0 = new Date("2026-11-25T02:00:00Z");
    const id = await queue("retry@example.vn", t0);

    expect(await deliverDueMail(t0)).toBe(0);
    let r = await row(id);
    expect(r.status).toBe("pending");
    expect(r.attempts).toBe(1);
    expect(r.lastError).toContain("Temporary failure");
    expect(new Date(r.nextAttemptAt).getTime()).toBeGreaterThan(t0.getTime());

    // Not due yet: nothing is sent before the backoff has passed.
    expect(await deliverDueMail(new Date(t0.getTime() + 1_000))).toBe(0);
    expect(smtp.received).toHaveLength(0);

    expect(await deliverDueMail(new Date(t0.getTime() + 10 * 60_000))).toBe(1);
    r = await row(id);
    expect(r.status).toBe("sent");
    expect(r.attempts).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(["retry@example.vn"]);
    expect(smtp.received[0].raw).toMatch(/Message-ID: <outbox-\d+@/i);
    expect(await deliverDueMail(new Date(t0.getTime() + 60 * 60_000))).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it("a server that is down (connection refused) leaves the mail pending for later", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // discard port: nothing listens
    resetTransport();
    const t0 = new Date("2026-11-25T03:00:00Z");
    const id = await queue("down@example.vn", t0);
    await deliverDueMail(t0);
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1 });

    const smtp = await useSmtp();
    await deliverDueMail(new Date(t0.getTime() + 10 * 60_000));
    expect((await row(id)).status).toBe("sent");
    expect(smtp.received).toHaveLength(1);
  });

  it("a permanent refusal (550) is dead-lettered instead of retried forever", async () => {
    await useSmtp({ failFirst: 5, failCode: 550 });
    const t0 = new Date("2026-11-25T04:00:00Z");
    const id = await queue("nobody@example.vn", t0);
    await deliverDueMail(t0);
    expect(await row(id)).toMatchObject({ status: "dead", attempts: 1 });
  });

  it("backoff grows, is capped at one hour, and gives up after MAX_ATTEMPTS", () => {
    const mid = () => 0.5;
    expect(retryDelayMs(1, mid)).toBe(30_000);
    expect(retryDelayMs(2, mid)).toBe(60_000);
    expect(retryDelayMs(5, mid)).toBe(480_000);
    expect(retryDelayMs(30, mid)).toBe(3_600_000);
    expect(MAX_ATTEMPTS).toBeGreaterThanOrEqual(10);
  });

  it("without SMTP_URL, mail is written as .eml files to MAIL_DIR", async () => {
    delete process.env.SMTP_URL;
    resetTransport();
    const t0 = new Date("2026-11-25T05:00:00Z");
    const id = await queue("eml@example.vn", t0);
    expect(await deliverDueMail(t0)).toBe(1);
    const fs = await import("node:fs");
    const path = await import("node:path");
    const file = path.join(process.env.MAIL_DIR!, `${String(id).padStart(8, "0")}.eml`);
    const eml = fs.readFileSync(file, "utf8");
    expect(eml).toMatch(/^To: eml@example.vn$/m);
    expect(eml).toContain("Subject:");
  });

  it("a mail the server accepted is never sent again when its 'sent' mark cannot be written (a locked database)", async () => {
    const Database = (await import("better-sqlite3")).default;
    let locker: InstanceType<typeof Database> | undefined;
    // Another writer takes the database the moment the mail is accepted, before the worker can record it.
    const smtp = await useSmtp({
      onAccepted: () => {
        locker ??= new Database(process.env.DATABASE_URL!);
        locker.exec("BEGIN IMMEDIATE");
      },
    });
    process.env.DB_BUSY_TIMEOUT_MS = "200";
    resetTransport();
    try {
      const t0 = new Date("2026-11-26T02:00:00Z");
      const id = await queue("once@example.vn", t0);
      await deliverDueMail(t0);
      expect(smtp.received).toHaveLength(1);
      locker!.exec("ROLLBACK");
      locker!.close();
      // Later rounds, long after any retry would be due: the mark is written, the mail is not sent again.
      await deliverDueMail(new Date(t0.getTime() + 60 * 60_000));
      await deliverDueMail(new Date(t0.getTime() + 2 * 60 * 60_000));
      expect(smtp.received).toHaveLength(1);
      expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
    } finally {
      delete process.env.DB_BUSY_TIMEOUT_MS;
      resetTransport();
    }
  });

  it("mails are sent several at a time: a slow server does not hold them in one line", async () => {
    const smtp = await useSmtp({ holdMs: 300 });
    const t0 = new Date("2026-11-27T02:00:00Z");
    for (let i = 0; i < 6; i++) await queue(`batch${i}@example.vn`, t0);
    expect(await deliverDueMail(t0)).toBe(6);
    const rows = await read().select().from(outbox);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(smtp.load.max).toBeGreaterThan(1);
    expect(smtp.load.max).toBeLessThanOrEqual(4);
  });
});
