// A mail server that accepts the connection and never says hello: the mail on that connection waits only
// SMTP_TIMEOUT_MS and is retried later, and the mails queued meanwhile are sent at once — a stalled delivery does not
// hold the others (the next round goes on beside the stuck one).
import "../support/database";
import { desc, eq } from "drizzle-orm";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { outbox } from "../../db/schema";
import { read, transaction } from "~/services/platform/database.server";
import { deliverDueMail, enqueueMail, resetTransport } from "~/services/platform/mail.server";
import { startSmtp, type Smtp } from "../support/smtp";

/** In front of the real test server: the first connection is accepted and left silent, later ones are passed on. */
async function silentFirst(target: Smtp) {
  const targetPort = Number(new URL(target.url).port);
  const silent: net.Socket[] = [];
  const server = net.createServer((socket) => {
    socket.on("error", () => undefined);
    if (silent.length === 0) {
      silent.push(socket);
      return;
    }
    const upstream = net.connect(targetPort, "127.0.0.1");
    upstream.on("error", () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    /** Whether the silent connection is still open (the portal has not given up on it yet). */
    stillWaiting: () => silent.length === 1 && !silent[0].destroyed && !silent[0].readableEnded,
    close: () => {
      for (const s of silent) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function queue(to: string, now: Date): Promise<number> {
  await transaction(async (tx) => enqueueMail(tx, { to, subject: "Dân Biết: thử", text: "Xin chào." }, now));
  return (await read().select({ id: outbox.id }).from(outbox).orderBy(desc(outbox.id)).limit(1))[0].id;
}

let smtp: Smtp | undefined;
let proxy: Awaited<ReturnType<typeof silentFirst>> | undefined;

afterAll(async () => {
  await proxy?.close();
  await smtp?.close();
  delete process.env.SMTP_URL;
  delete process.env.SMTP_TIMEOUT_MS;
  resetTransport();
});

describe("a silent SMTP server", () => {
  it("holds one mail for SMTP_TIMEOUT_MS at most, and the mails queued meanwhile go out beside it", async () => {
    smtp = await startSmtp();
    proxy = await silentFirst(smtp);
    process.env.SMTP_URL = proxy.url;
    process.env.SMTP_TIMEOUT_MS = "4000";
    resetTransport();
    const t0 = new Date();

    const stalledId = await queue("cham@example.vn", t0);
    const stalledRound = deliverDueMail(t0);
    // Wait until the first mail is on the silent connection.
    while (!proxy.stillWaiting()) await new Promise((r) => setTimeout(r, 20));

    const others = [];
    for (let i = 0; i < 4; i++) others.push(await queue(`nguoi${i}@example.vn`, t0));
    expect(await deliverDueMail(new Date(t0.getTime() + 1))).toBe(4);
    expect(proxy.stillWaiting()).toBe(true);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(["nguoi0@example.vn", "nguoi1@example.vn", "nguoi2@example.vn", "nguoi3@example.vn"]);
    for (const id of others) expect((await read().select().from(outbox).where(eq(outbox.id, id)))[0].status).toBe("sent");

    // The stalled one gives up at the greeting timeout and waits for its retry; nothing was sent for it.
    expect(await stalledRound).toBe(0);
    const stalled = (await read().select().from(outbox).where(eq(outbox.id, stalledId)))[0];
    expect(stalled).toMatchObject({ status: "pending", attempts: 1 });
    expect(stalled.lastError).toMatch(/greeting|timeout/i);
    expect(stalled.nextAttemptAt > t0.toISOString()).toBe(true);
  });
});
