// A real SMTP server in the test process (smtp-server), receiving what nodemailer sends.
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
  text: string;
}

/** Decodes the headers and (quoted-printable or base64) body of a simple text mail. */
export function parseMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const subjectRaw = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? "";
  const subject = subjectRaw.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(unfolded)?.[1]?.trim().toLowerCase();
  let text = body;
  if (encoding === "base64") text = Buffer.from(body.replace(/\s/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    text = Buffer.from(bytes, "latin1").toString("utf8");
  }
  return { subject, text };
}

export async function startSmtp(
  options: {
    failFirst?: number;
    failCode?: number;
    onAccepted?: () => void;
    holdMs?: number;
    /** Addresses refused for good at RCPT TO (550 "no such mailbox"); the set may change while the server runs. */
    rejectRecipients?: Set<string>;
  } = {},
) {
  const received: ReceivedMail[] = [];
  // How many messages the server was holding at once (with holdMs, each is held that long before the answer).
  const load = { active: 0, max: 0 };
  let failuresLeft = options.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (!options.rejectRecipients?.has(address.address)) return callback();
      const err = new Error("No such mailbox") as Error & { responseCode: number };
      err.responseCode = 550;
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        load.max = Math.max(load.max, ++load.active);
        if (options.holdMs) await new Promise((r) => setTimeout(r, options.holdMs));
        load.active--;
        if (failuresLeft > 0) {
          failuresLeft--;
          const err = new Error("Temporary failure, try again") as Error & { responseCode: number };
          err.responseCode = options.failCode ?? 451;
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, ...parseMail(raw) });
        options.onAccepted?.();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    load,
    async waitFor(count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
      const end = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > end) throw new Error(`Expected ${count} mails, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    /** Waits for the first mail matching `predicate` (mails to other tests may arrive in between). */
    async waitForMail(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 15_000): Promise<ReceivedMail> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > end) throw new Error(`No matching mail among ${received.length} received`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A running test SMTP server: its address, the mails it received, and ways to wait for them. */
export type Smtp = Awaited<ReturnType<typeof startSmtp>>;
