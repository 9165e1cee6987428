// Answers in the chairman's name go draft → approved → sent: an official drafts, a leader of the unit approves
// (which sends it, once) or returns it; blanks left from a template are refused; templates of the case's kind first.
import "../support/database";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DISTRICT_ID } from "../../db/data/reference";
import { ForbiddenError, InvalidError, NotFoundError } from "~/domain/errors";
import { addTemplate } from "~/services/admin/admin.server";
import { fileCase } from "~/services/cases/filing.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { publicCaseView, residentCaseView } from "~/services/cases/views.server";
import { staffCaseView } from "~/services/cases/staff-view.server";
import { read, transaction } from "~/services/platform/database.server";
import { complaintFields, filingFields, filingInput, staffAccount } from "../support/factories";

const caseRow = async (code: string) => (await read().select().from(t.cases).where(eq(t.cases.code, code)))[0];
const events = async (caseId: number) => await read().select().from(t.caseEvents).where(eq(t.caseEvents.caseId, caseId)).orderBy(t.caseEvents.id);
const mailsTo = async (address: string) => await read().select().from(t.outbox).where(eq(t.outbox.toAddress, address));
const auditOf = async (code: string) =>
  (await read().select({ action: t.auditLog.action }).from(t.auditLog).where(eq(t.auditLog.targetId, code)))
    .map((a) => a.action)
    .filter((a) => a !== "case.view_personal_data");

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

async function acceptedComplaint(email: string) {
  const filed = await fileCase(await filingInput(complaintFields({ email })), [], { language: "vi" });
  const official = await staffAccount("commune_official", "xuan-hong");
  const leader = await staffAccount("commune_leader", "xuan-hong");
  await performStaffAction(official, filed.code, { action: "accept" }, "t");
  return { ...filed, official, leader };
}

const LETTER = "Căn cứ phương án bồi thường đã duyệt, mức bồi thường thửa đất số 215 là đúng quy định. UBND xã giữ nguyên mức bồi thường.";

describe("an official's answer in the chairman's name", () => {
  it("cannot be sent directly: refused, nothing written, nothing mailed", async () => {
    const { code, caseId, official } = await acceptedComplaint("truc.tiep@example.vn");
    const before = await events(caseId);
    const error = await rejection(performStaffAction(official, code, { action: "answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" }, "t"));
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).errors).toEqual({ signedBy: "error.answerNeedsApproval" });
    // A complaint is the chairman's decision whatever the official writes under it.
    const ownName = await rejection(performStaffAction(official, code, { action: "answer", note: LETTER, signedBy: "Nguyễn Văn A, công chức địa chính" }, "t"));
    expect((ownName as InvalidError).errors).toEqual({ signedBy: "error.answerNeedsApproval" });
    expect((await caseRow(code)).status).toBe("accepted");
    expect(await events(caseId)).toEqual(before);
    expect((await mailsTo("truc.tiep@example.vn")).filter((m) => m.subject.includes("trả lời"))).toEqual([]);
  });

  it("is drafted (internal, not mailed, not public), approved by the commune's leader and then sent once", async () => {
    const { code, caseId, official, leader } = await acceptedComplaint("duyet@example.vn");
    const mailsBefore = (await mailsTo("duyet@example.vn")).length;
    await performStaffAction(official, code, { action: "draft_answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" }, "t");

    const drafted = await caseRow(code);
    expect(drafted.status).toBe("accepted");
    expect(drafted.answeredAt).toBeNull();
    const draftEvent = (await events(caseId)).at(-1)!;
    expect(draftEvent).toMatchObject({ type: "answer_drafted", visibility: "internal", body: LETTER, actorUserId: official.id });
    expect(drafted.answerDraftEventId).toBe(draftEvent.id);
    expect((await mailsTo("duyet@example.vn")).length).toBe(mailsBefore);
    expect(JSON.stringify(await residentCaseView(caseId))).not.toContain("thửa đất số 215 là đúng");
    expect(JSON.stringify(await publicCaseView(code))).not.toContain("answer_drafted");

    // The official sees the draft waiting and no approval; the leader sees it and may approve.
    const officialView = await staffCaseView(official, code, "t");
    expect(officialView.answerDraft).toMatchObject({ id: draftEvent.id, body: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" });
    expect(officialView.mayApproveAnswer).toBe(false);
    expect(officialView.answerOnlyByDraft).toBe(true);
    const leaderView = await staffCaseView(leader, code, "t");
    expect(leaderView.mayApproveAnswer).toBe(true);

    // The official cannot approve their own draft.
    expect(await rejection(performStaffAction(official, code, { action: "approve_answer", draftId: draftEvent.id }, "t"))).toBeInstanceOf(ForbiddenError);

    await performStaffAction(leader, code, { action: "approve_answer", draftId: draftEvent.id }, "t");
    const sent = await caseRow(code);
    expect(sent.status).toBe("answered");
    expect(sent.answeredAt).not.toBeNull();
    expect(sent.answerDraftEventId).toBeNull();
    const timeline = await events(caseId);
    expect(timeline.slice(-3).map((e) => [e.type, e.visibility])).toEqual([
      ["answer_drafted", "internal"],
      ["answer_approved", "internal"],
      ["answered", "public"],
    ]);
    expect(timeline.at(-1)).toMatchObject({ body: LETTER, actorUserId: leader.id, meta: expect.objectContaining({ signedBy: "Chủ tịch UBND xã Xuân Hồng" }) });
    const answerMails = (await mailsTo("duyet@example.vn")).filter((m) => m.subject.includes("trả lời"));
    expect(answerMails).toHaveLength(1);
    expect(answerMails[0].textBody).toContain("thửa đất số 215 là đúng quy định");
    const resident = JSON.stringify(await residentCaseView(caseId));
    expect(resident).toContain("thửa đất số 215 là đúng");
    expect(resident).not.toMatch(/answer_(drafted|approved)/);
    expect(await auditOf(code)).toEqual(["case.accept", "case.draft_answer", "case.approve_answer"]);

    // Approving again sends nothing more.
    expect(await rejection(performStaffAction(leader, code, { action: "approve_answer", draftId: draftEvent.id }, "t"))).toBeInstanceOf(InvalidError);
    expect((await mailsTo("duyet@example.vn")).filter((m) => m.subject.includes("trả lời"))).toHaveLength(1);
  });

  it("is returned by the leader with a note: the case waits for a new draft, nothing is mailed", async () => {
    const { code, caseId, official, leader } = await acceptedComplaint("tra.lai@example.vn");
    await performStaffAction(official, code, { action: "draft_answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" }, "t");
    const draftId = (await caseRow(code)).answerDraftEventId!;
    const mailsBefore = (await mailsTo("tra.lai@example.vn")).length;
    await performStaffAction(leader, code, { action: "return_answer", draftId, note: "Ghi rõ số quyết định phê duyệt phương án." }, "t");
    const row = await caseRow(code);
    expect(row.status).toBe("accepted");
    expect(row.answerDraftEventId).toBeNull();
    expect((await events(caseId)).at(-1)).toMatchObject({
      type: "answer_returned",
      visibility: "internal",
      body: "Ghi rõ số quyết định phê duyệt phương án.",
      meta: expect.objectContaining({ draftEventId: draftId }),
    });
    expect((await mailsTo("tra.lai@example.vn")).length).toBe(mailsBefore);
    expect((await staffCaseView(official, code, "t")).answerDraft).toBeNull();
    // The returned draft cannot be approved afterwards.
    expect(await rejection(performStaffAction(leader, code, { action: "approve_answer", draftId }, "t"))).toBeInstanceOf(InvalidError);
  });

  it("a newer draft replaces the one waiting; approving the draft the leader read, not the newer one, is refused", async () => {
    const { code, official, leader } = await acceptedComplaint("ban.moi@example.vn");
    await performStaffAction(official, code, { action: "draft_answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" }, "t");
    const first = (await caseRow(code)).answerDraftEventId!;
    await performStaffAction(official, code, { action: "draft_answer", note: `${LETTER} (sửa)`, signedBy: "Chủ tịch UBND xã Xuân Hồng" }, "t");
    const second = (await caseRow(code)).answerDraftEventId!;
    expect(second).not.toBe(first);
    const stale = await rejection(performStaffAction(leader, code, { action: "approve_answer", draftId: first }, "t"));
    expect((stale as InvalidError).messageKey).toBe("error.draftChanged");
    await performStaffAction(leader, code, { action: "approve_answer", draftId: second }, "t");
    expect((await caseRow(code)).status).toBe("answered");
  });

  it("only a leader of the unit holding the case approves: not another commune's leader, not the district on a commune's case", async () => {
    const { code, official } = await acceptedComplaint("don.vi@example.vn");
    await performStaffAction(official, code, { action: "draft_answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" }, "t");
    const draftId = (await caseRow(code)).answerDraftEventId!;
    const elsewhere = await staffAccount("commune_leader", "xuan-bac");
    const district = await staffAccount("district_staff", DISTRICT_ID);
    // Out of their scope: the case looks unknown to them.
    expect(await rejection(performStaffAction(elsewhere, code, { action: "approve_answer", draftId }, "t"))).toBeInstanceOf(NotFoundError);
    expect(await rejection(performStaffAction(district, code, { action: "approve_answer", draftId }, "t"))).toBeInstanceOf(ForbiddenError);
    expect((await caseRow(code)).status).toBe("accepted");
  });

  it("a leader still answers directly, which settles a draft still waiting", async () => {
    const { code, official, leader } = await acceptedComplaint("lanh.dao@example.vn");
    await performStaffAction(official, code, { action: "draft_answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" }, "t");
    await performStaffAction(leader, code, { action: "answer", note: LETTER, signedBy: "Chủ tịch UBND xã Xuân Hồng" }, "t");
    const row = await caseRow(code);
    expect(row.status).toBe("answered");
    expect(row.answerDraftEventId).toBeNull();
  });

  it("an official still answers feedback directly in their own name", async () => {
    const filed = await fileCase(await filingInput(filingFields({ commune: "xuan-hong" })), [], { language: "vi" });
    const official = await staffAccount("commune_official", "xuan-hong");
    await performStaffAction(official, filed.code, { action: "accept" }, "t");
    await performStaffAction(
      official,
      filed.code,
      { action: "answer", note: "Xã đã cho tháo dỡ tường rào.", signedBy: "Nguyễn Văn A, công chức địa chính" },
      "t",
    );
    expect((await caseRow(filed.code)).status).toBe("answered");
    const other = await fileCase(await filingInput(filingFields({ commune: "xuan-hong" })), [], { language: "vi" });
    await performStaffAction(official, other.code, { action: "accept" }, "t");
    const error = await rejection(performStaffAction(official, other.code, { action: "answer", note: "Xã đã cho tháo dỡ.", signedBy: "KT. Chủ tịch" }, "t"));
    expect((error as InvalidError).errors).toEqual({ signedBy: "error.answerNeedsApproval" });
  });

  it("a case held by the district is answered directly by district staff", async () => {
    const filed = await fileCase(await filingInput(filingFields({ commune: "multiple" })), [], { language: "vi" });
    const row = await caseRow(filed.code);
    expect(row.communeId).toBe(DISTRICT_ID);
    const district = await staffAccount("district_staff", DISTRICT_ID);
    await performStaffAction(district, filed.code, { action: "accept" }, "t");
    await performStaffAction(district, filed.code, { action: "answer", note: "Huyện trả lời.", signedBy: "Chủ tịch UBND huyện" }, "t");
    expect((await caseRow(filed.code)).status).toBe("answered");
  });
});

describe("blanks left from a template", () => {
  it("an answer or a draft with “…” or “[…]” still in it is refused with the words around the blank", async () => {
    const { code, caseId, official, leader } = await acceptedComplaint("cho.trong@example.vn");
    const before = await events(caseId);
    const draft = await rejection(
      performStaffAction(
        official,
        code,
        { action: "draft_answer", note: "Mức bồi thường thửa đất số […] là đúng quy định.", signedBy: "Chủ tịch UBND xã" },
        "t",
      ),
    );
    expect((draft as InvalidError).errors.note).toMatch(/^error\.answerPlaceholder:.*thửa đất số \[…\]/);
    const answer = await rejection(
      performStaffAction(leader, code, { action: "answer", note: "Ngày …/…/…, UBND xã đã kiểm tra.", signedBy: "Chủ tịch UBND xã" }, "t"),
    );
    expect((answer as InvalidError).errors.note).toMatch(/^error\.answerPlaceholder:/);
    expect(await events(caseId)).toEqual(before);
    expect((await caseRow(code)).status).toBe("accepted");
  });
});

describe("templates offered on the case page", () => {
  it("the case's category and kind first, then its category, then general ones; other categories and kinds left out", async () => {
    await transaction(async (tx) => {
      await tx.insert(t.responseTemplates).values([
        { categoryCode: null, kindCode: null, title: "Z chung (thử)", body: "Chung." },
        { categoryCode: "compensation", kindCode: null, title: "Y bồi thường (thử)", body: "Bồi thường." },
        { categoryCode: "compensation", kindCode: "complaint", title: "X khiếu nại bồi thường (thử)", body: "Khiếu nại." },
        { categoryCode: "compensation", kindCode: "feedback", title: "W phản ánh bồi thường (thử)", body: "Phản ánh." },
        { categoryCode: "land", kindCode: null, title: "V đất đai (thử)", body: "Đất." },
      ]);
    });
    const { code, official } = await acceptedComplaint("mau@example.vn");
    const templates = (await staffCaseView(official, code, "t")).templates;
    const titles = templates.map((tpl) => tpl.title);
    expect(titles).not.toContain("W phản ánh bồi thường (thử)");
    expect(titles).not.toContain("V đất đai (thử)");
    const rankOf = (tpl: { categoryCode: string | null; kindCode: string | null }) => (tpl.categoryCode ? 0 : 2) + (tpl.kindCode ? 0 : 1);
    const ranks = templates.map(rankOf);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(titles.indexOf("X khiếu nại bồi thường (thử)")).toBeLessThan(titles.indexOf("Y bồi thường (thử)"));
    expect(titles.indexOf("Y bồi thường (thử)")).toBeLessThan(titles.indexOf("Z chung (thử)"));
    expect(templates[0].kindCode).toBe("complaint");
  });

  it("an administrator's template for a kind is offered first on cases of that kind", async () => {
    const admin = await staffAccount("admin", DISTRICT_ID);
    await addTemplate(admin, { categoryCode: "compensation", kindCode: "denunciation", title: "A tố cáo bồi thường (thử)", body: "Tố cáo." }, "t");
    const stored = (await read().select().from(t.responseTemplates).where(eq(t.responseTemplates.title, "A tố cáo bồi thường (thử)")))[0];
    expect(stored.kindCode).toBe("denunciation");
    const { code, official } = await acceptedComplaint("mau.tocao@example.vn");
    expect((await staffCaseView(official, code, "t")).templates.map((tpl) => tpl.title)).not.toContain("A tố cáo bồi thường (thử)");
  });
});
