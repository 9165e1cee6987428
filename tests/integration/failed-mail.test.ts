// Mail refused for good (550) is shown to administrators — and only to them, addresses being personal data — who can
// send it again or correct the address and send it again, audited; the daily mail tells administrators about it.
import "../support/database";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { sendDailyDigests } from "~/services/cases/digest.server";
import { read, transaction } from "~/services/platform/database.server";
import { enqueueMail } from "~/services/platform/mail.server";
import { hiddenValue, visibleText, type Client } from "../support/browserless-client";
import { filingFields, staffAccount } from "../support/factories";
import { fileByForm, signInClient, usePortal } from "../support/portal-fixture";

const rejected = new Set(["khong-co@example.vn", "tam-sai@example.vn"]);
const fixture = usePortal({ demo: true, smtp: true, db: "readonly", smtpOptions: { rejectRecipients: rejected } });

let session: Client | undefined;
async function admin() {
  session ??= (await signInClient(fixture.portal, "quantri@demo.dan-biet.vn", undefined, { totpSecret: fixture.adminTotpSecret })).client;
  return session;
}

async function deadMailTo(address: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const row = fixture.db.prepare("SELECT id, status FROM outbox WHERE to_address = ? ORDER BY id DESC").get(address) as
      { id: number; status: string } | undefined;
    if (row?.status === "dead") return row.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No dead mail to ${address}`);
}

async function post(client: Client, fields: Record<string, string>) {
  const page = await client.get("/can-bo/quan-tri/thu-loi");
  return client.post("/can-bo/quan-tri/thu-loi", new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), ...fields }));
}

describe("mail that could not be sent, on the administrators' page", () => {
  it("lists a refused mail with its address for an administrator only; correcting the address sends it there", async () => {
    const { code } = await fileByForm(fixture.portal, filingFields({ email: "khong-co@example.vn" }));
    const id = await deadMailTo("khong-co@example.vn");

    const client = await admin();
    const page = await client.get("/can-bo/quan-tri/thu-loi");
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toContain("no-store");
    const text = visibleText(page.html);
    expect(text).toContain("Thư không gửi được");
    expect(text).toContain("khong-co@example.vn");
    expect(text).toContain("Bị từ chối, đã dừng gửi");
    expect(text).toContain(code);

    // Officials and visitors never see it (the addresses are residents' personal data).
    const { client: official } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    const refused = await official.get("/can-bo/quan-tri/thu-loi");
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain("khong-co@example.vn");
    const own = await official.get("/can-bo");
    const forged = await official.post(
      "/can-bo/quan-tri/thu-loi",
      new URLSearchParams({ csrf: hiddenValue(own.html, "csrf"), intent: "resend-mail", id: String(id) }),
    );
    expect(forged.status).toBe(403);
    expect(fixture.db.prepare("SELECT status FROM outbox WHERE id = ?").get(id)).toEqual({ status: "dead" });
    expect((await fetch(`${fixture.url}/can-bo/quan-tri/thu-loi`, { redirect: "manual" })).status).toBe(302);

    const done = await post(client, { intent: "correct-mail", id: String(id), email: "dung-roi@example.vn" });
    expect(done.status).toBe(200);
    expect(visibleText(done.html)).toContain("Đã đưa thư vào hàng gửi lại.");
    const mail = await fixture.smtp.waitForMail((m) => m.to.includes("dung-roi@example.vn"));
    expect(mail.text).toContain(code);
    // Marked sent just after the server accepted it.
    await expect.poll(() => fixture.db.prepare("SELECT status FROM outbox WHERE id = ?").get(id)).toEqual({ status: "sent" });
    // The case's address is corrected too, so the next mails go there.
    expect(fixture.db.prepare("SELECT email FROM case_contacts JOIN cases ON cases.id = case_contacts.case_id WHERE cases.code = ?").get(code)).toEqual({
      email: "dung-roi@example.vn",
    });
    const audit = fixture.db.prepare("SELECT details FROM audit_log WHERE action = 'mail.corrected' AND target_id = ?").get(String(id)) as { details: string };
    expect(audit).toBeDefined();
    expect(audit.details).not.toContain("@");
    expect(visibleText((await client.get("/can-bo/quan-tri/thu-loi")).html)).not.toContain("dung-roi@example.vn");
  });

  it("sends a refused mail again as it was, once the mailbox exists, audited", async () => {
    await fileByForm(fixture.portal, filingFields({ email: "tam-sai@example.vn" }));
    const id = await deadMailTo("tam-sai@example.vn");
    rejected.delete("tam-sai@example.vn");
    const client = await admin();
    expect((await post(client, { intent: "resend-mail", id: String(id) })).status).toBe(200);
    await fixture.smtp.waitForMail((m) => m.to.includes("tam-sai@example.vn"));
    await expect.poll(() => fixture.db.prepare("SELECT status FROM outbox WHERE id = ?").get(id)).toEqual({ status: "sent" });
    expect(fixture.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'mail.resent' AND target_id = ?").get(String(id))).toEqual({ n: 1 });
    // Sent: no longer listed, and a second resend is refused with a message.
    const again = await post(client, { intent: "resend-mail", id: String(id) });
    expect(again.status).toBe(400);
    expect(visibleText(again.html)).toContain("Thư này không còn lỗi");
  });
});

describe("the daily mail to administrators", () => {
  it("counts dead and long-retrying mail and links the page, without any recipient's address", async () => {
    const adminAccount = await staffAccount("admin", "huyen-xuan-truong");
    const now = new Date("2026-12-03T02:00:00Z");
    await transaction(async (tx) => {
      await enqueueMail(tx, { to: "nguoi-dan@example.vn", subject: "Dân Biết: thử", text: "…" }, now);
      await enqueueMail(tx, { to: "nguoi-khac@example.vn", subject: "Dân Biết: thử", text: "…" }, now);
    });
    const [dead, retrying] = await read().select().from(t.outbox).orderBy(t.outbox.id);
    await transaction(async (tx) => {
      await tx.update(t.outbox).set({ status: "dead", attempts: 1, lastError: "550 No such mailbox" }).where(eq(t.outbox.id, dead.id));
      await tx.update(t.outbox).set({ attempts: 5, lastError: "timeout" }).where(eq(t.outbox.id, retrying.id));
    });
    await sendDailyDigests(now);
    const toAdmin = (await read().select().from(t.outbox).where(eq(t.outbox.toAddress, adminAccount.email)))[0];
    expect(toAdmin.subject).toBe("Dân Biết: 1 thư không gửi được, 1 thư đang thử gửi lại");
    expect(toAdmin.textBody).toContain("/can-bo/quan-tri/thu-loi");
    expect(toAdmin.textBody).not.toContain("@example.vn");
  });
});
