// The approval step through the running portal, as a browser without JavaScript posts it: an official drafts an
// answer in the chairman's name, cannot send it directly, the commune's leader approves (the resident is mailed once)
// or returns it with a note; the page shows the pending draft and offers approval only to leaders.
import { describe, expect, it } from "vitest";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { complaintFields, formData, png } from "../support/factories";
import { fileByForm, signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ smtp: true, demo: true, db: "readonly" });

async function signIn(email: string): Promise<Client> {
  const { client, res } = await signInClient(fixture.portal, email, undefined, { next: "/can-bo" });
  expect(res.status).toBe(303);
  return client;
}

/** Posts one action from the case page, as the page's own form would. */
async function act(client: Client, code: string, fields: Record<string, string>) {
  const page = await client.get(`/can-bo/ho-so/${code}`);
  return client.post(`/can-bo/ho-so/${code}`, new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), ...fields }));
}

const status = (code: string) => (fixture.db.prepare("SELECT status FROM cases WHERE code = ?").get(code) as { status: string }).status;
const answerMails = (to: string) => fixture.smtp.received.filter((m) => m.to.includes(to) && m.subject.includes("Đã có văn bản trả lời"));
const LETTER = "Căn cứ phương án bồi thường đã phê duyệt, mức bồi thường thửa đất số 215 của hộ ông/bà là đúng quy định.";

describe("an answer in the chairman's name through the portal", () => {
  it("drafted by an official, refused when sent directly, approved by the leader: the resident is mailed once", async () => {
    const email = "phe.duyet@example.vn";
    const { code } = await fileByForm(fixture.portal, complaintFields({ email }));
    const official = await signIn("canbo.xuan-hong@demo.dan-biet.vn");
    expect((await act(official, code, { action: "accept" })).status).toBe(303);

    // A complaint's decision is the chairman's: the official is offered a draft, not a direct answer.
    const page = await official.get(`/can-bo/ho-so/${code}`);
    expect(page.html).toContain('name="action" value="draft_answer"');
    expect(page.html).not.toContain('name="action" value="answer"');
    const direct = await act(official, code, { action: "answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" });
    expect(direct.status).toBe(400);
    expect(visibleText(direct.html)).toContain("phải được lãnh đạo duyệt");
    expect(status(code)).toBe("accepted");

    const blank = await act(official, code, { action: "draft_answer", note: "Mức bồi thường thửa đất số … là đúng.", signedBy: "Chủ tịch UBND xã Xuân Hồng" });
    expect(blank.status).toBe(400);
    expect(visibleText(blank.html)).toContain("còn chỗ trống của mẫu chưa điền: «Mức bồi thường thửa đất số …");

    const form = await official.get(`/can-bo/ho-so/${code}`);
    const drafted = await official.post(
      `/can-bo/ho-so/${code}`,
      formData({ csrf: hiddenValue(form.html, "csrf"), action: "draft_answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" }, [
        { name: "quyet-dinh.png", bytes: await png() },
      ]),
    );
    expect(drafted.status).toBe(303);
    expect(status(code)).toBe("accepted");
    const waiting = await official.get(`/can-bo/ho-so/${code}`);
    const waitingText = visibleText(waiting.html);
    expect(waitingText).toContain("Dự thảo trả lời chờ duyệt");
    expect(waitingText).toContain("Dự thảo đang chờ lãnh đạo duyệt");
    expect(waiting.html).not.toContain('value="approve_answer"');
    // Forged by hand, the official's approval is refused.
    const draftId = String((fixture.db.prepare("SELECT answer_draft_event_id AS id FROM cases WHERE code = ?").get(code) as { id: number }).id);
    expect((await act(official, code, { action: "approve_answer", draftId })).status).toBe(403);
    expect(status(code)).toBe("accepted");

    const leader = await signIn("lanhdao.xuan-hong@demo.dan-biet.vn");
    // The leader finds it in the inbox, marked as waiting for approval.
    const inbox = (await leader.get(`/can-bo?q=${code}`)).html;
    const row = inbox.slice(inbox.indexOf(`>${code}<`), inbox.indexOf("</tr>", inbox.indexOf(`>${code}<`)));
    expect(visibleText(row)).toContain("Dự thảo chờ duyệt");
    const review = await leader.get(`/can-bo/ho-so/${code}`);
    expect(visibleText(review.html)).toContain(LETTER);
    expect(review.html).toContain('value="approve_answer"');
    expect(hiddenValue(review.html, "draftId")).toBe(draftId);
    expect(answerMails(email)).toEqual([]);
    const approved = await act(leader, code, { action: "approve_answer", draftId });
    expect(approved.status).toBe(303);
    expect(status(code)).toBe("answered");
    const mail = await fixture.smtp.waitForMail((m) => m.to.includes(email) && m.subject.includes("Đã có văn bản trả lời"));
    expect(mail.text).toContain("thửa đất số 215");

    // Approving the same draft again sends nothing more.
    expect((await act(leader, code, { action: "approve_answer", draftId })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 1500));
    expect(answerMails(email)).toHaveLength(1);

    // The draft's file went out with the answer.
    const file = fixture.db
      .prepare(
        "SELECT e.type, e.visibility FROM attachments a JOIN case_events e ON e.id = a.event_id JOIN cases c ON c.id = a.case_id WHERE c.code = ? AND a.display_name = ?",
      )
      .get(code, "quyet-dinh.png");
    expect(file).toEqual({ type: "answered", visibility: "public" });
    const timeline = visibleText((await leader.get(`/can-bo/ho-so/${code}`)).html);
    expect(timeline).toContain("Dự thảo văn bản trả lời (chờ lãnh đạo duyệt)");
    expect(timeline).toContain("Lãnh đạo duyệt dự thảo trả lời");
    expect(timeline).toContain("Đã có văn bản trả lời");
    const audit = fixture.db
      .prepare("SELECT action FROM audit_log WHERE target_id = ? AND action LIKE 'case.%' AND action <> 'case.view_personal_data' ORDER BY id")
      .all(code) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(["case.accept", "case.draft_answer", "case.approve_answer"]);
  });

  it("returned by the leader with a note: the official sees why, nothing is sent", async () => {
    const email = "tra.lai.portal@example.vn";
    const { code } = await fileByForm(fixture.portal, complaintFields({ email }));
    const official = await signIn("canbo.xuan-hong@demo.dan-biet.vn");
    await act(official, code, { action: "accept" });
    expect((await act(official, code, { action: "draft_answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" })).status).toBe(303);
    const leader = await signIn("lanhdao.xuan-hong@demo.dan-biet.vn");
    const draftId = hiddenValue((await leader.get(`/can-bo/ho-so/${code}`)).html, "draftId");
    const noNote = await act(leader, code, { action: "return_answer", draftId, note: " " });
    expect(noNote.status).toBe(400);
    expect((await act(leader, code, { action: "return_answer", draftId, note: "Ghi rõ số quyết định phê duyệt phương án." })).status).toBe(303);
    expect(status(code)).toBe("accepted");
    const page = await official.get(`/can-bo/ho-so/${code}`);
    const text = visibleText(page.html);
    expect(text).toContain("Lãnh đạo trả lại dự thảo trả lời");
    expect(text).toContain("Ghi rõ số quyết định phê duyệt phương án.");
    expect(text).not.toContain("Dự thảo trả lời chờ duyệt");
    await new Promise((r) => setTimeout(r, 1000));
    expect(answerMails(email)).toEqual([]);
  });
});
