// The resident's own steps after an answer (contest to the district, withdraw), an official's reopening, and the
// denouncer's confidentiality, against a real SQLite file: each change, its event and its mail together.
import "../support/database";
import type { CaseEventType } from "~/domain/case-workflow";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DISTRICT_ID } from "../../db/data/reference";
import { addDays, vnDate } from "~/domain/dates";
import { fileCase } from "~/services/cases/filing.server";
import { publicCaseView } from "~/services/cases/views.server";
import { residentStep } from "~/services/cases/resident-steps.server";
import { read } from "~/services/platform/database.server";
import { dueOnNow, performStaffAction } from "~/services/cases/handling.server";
import { reference } from "~/services/reference/reference.server";
import { ForbiddenError, NotFoundError } from "~/domain/errors";
import { staffCaseView } from "~/services/cases/staff-view.server";
import { complaintFields, filingFields, filingInput, staffAccount } from "../support/factories";

const caseRow = async (code: string) => (await read().select().from(t.cases).where(eq(t.cases.code, code)))[0];
const eventsOf = async (caseId: number, type: CaseEventType) =>
  await read()
    .select()
    .from(t.caseEvents)
    .where(and(eq(t.caseEvents.caseId, caseId), eq(t.caseEvents.type, type)));
const mailsTo = async (address: string) => await read().select().from(t.outbox).where(eq(t.outbox.toAddress, address));

async function answeredComplaint(email: string, at: Date) {
  const filed = await fileCase(await filingInput(complaintFields({ email })), [], { language: "vi", now: at });
  const official = await staffAccount("commune_official", "xuan-hong");
  await performStaffAction(official, filed.code, { action: "accept" }, "t", at);
  // A complaint's decision is the chairman's: the commune's leader sends it.
  const leader = await staffAccount("commune_leader", "xuan-hong");
  await performStaffAction(
    leader,
    filed.code,
    { action: "answer", note: "Giữ nguyên mức bồi thường theo bảng giá đất.", signedBy: "Chủ tịch UBND xã Xuân Hồng" },
    "t",
    at,
  );
  return { ...filed, official };
}

describe("the resident contests the answer", () => {
  it("moves the case to the district with the second-level time limit, a public event and a mail", async () => {
    const now = new Date();
    const { caseId, code, official } = await answeredComplaint("khieu.nai@example.vn", now);
    const before = (await mailsTo("khieu.nai@example.vn")).length;
    await residentStep(caseId, { step: "contest", reason: "Tôi không đồng ý, đề nghị huyện giải quyết lần hai." }, now);
    const row = await caseRow(code);
    expect(row).toMatchObject({ status: "contested", communeId: DISTRICT_ID, stage: "resolve_second", stageStartedOn: vnDate(now), assigneeUserId: null });
    expect(row.dueOn).toBe(dueOnNow(await reference(), row));
    expect(row.dueOn > vnDate(now)).toBe(true);
    expect(await eventsOf(caseId, "contested")).toMatchObject([
      { visibility: "public", actor: "resident", body: "Tôi không đồng ý, đề nghị huyện giải quyết lần hai." },
    ]);
    const mails = await mailsTo("khieu.nai@example.vn");
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toContain(code);
    expect(mails.at(-1)!.textBody).toContain("giải quyết lần hai");
    // The district holds it now; the commune whose answer is contested may still read it, and do nothing else.
    const asCommune = await staffCaseView(official, code, "t");
    expect(asCommune.case.status).toBe("contested");
    expect(asCommune.operations).toEqual(["view", "download_attachment"]);
    expect(asCommune.contact).toBeNull();
    await expect(performStaffAction(official, code, { action: "note", note: "Xã ghi chú" }, "t")).rejects.toThrow(ForbiddenError);
    const otherCommune = await staffAccount("commune_official", "xuan-bac");
    await expect(staffCaseView(otherCommune, code, "t")).rejects.toThrow(NotFoundError);
    const district = await staffAccount("district_staff", DISTRICT_ID);
    expect((await staffCaseView(district, code, "t")).case.status).toBe("contested");
  });

  it("is refused once the appeal period has passed, and writes nothing", async () => {
    const answeredAt = new Date("2026-01-05T03:00:00Z");
    const { caseId, code } = await answeredComplaint("muon@example.vn", answeredAt);
    const before = { row: await caseRow(code), mails: (await mailsTo("muon@example.vn")).length };
    const late = new Date(`${addDays((await caseRow(code)).dueOn, 1)}T03:00:00Z`);
    await expect(residentStep(caseId, { step: "contest", reason: "Muộn" }, late)).rejects.toThrow("error.contestClosed");
    expect(await caseRow(code)).toEqual(before.row);
    expect(await eventsOf(caseId, "contested")).toHaveLength(0);
    expect(await mailsTo("muon@example.vn")).toHaveLength(before.mails);
  });
});

describe("the resident rates the answer", () => {
  it("once, and only after an answer; the rating stays off the public timeline", async () => {
    const filed = await fileCase(await filingInput(filingFields()), [], { language: "vi" });
    await expect(residentStep(filed.caseId, { step: "rate", score: 4, comment: "" })).rejects.toThrow("error.notAnswered");
    const { caseId } = await answeredComplaint("danh.gia@example.vn", new Date());
    await residentStep(caseId, { step: "rate", score: 2, comment: "Chưa thỏa đáng." });
    await expect(residentStep(caseId, { step: "rate", score: 5, comment: "" })).rejects.toThrow("error.alreadyRated");
    expect(await read().select().from(t.answerRatings).where(eq(t.answerRatings.caseId, caseId))).toMatchObject([{ score: 2, comment: "Chưa thỏa đáng." }]);
    expect(await eventsOf(caseId, "rated")).toMatchObject([{ visibility: "internal" }]);
  });
});

describe("the resident withdraws", () => {
  it("closes the case as withdrawn with a public event and a mail; a second withdrawal is refused", async () => {
    const filed = await fileCase(await filingInput(filingFields({ email: "rut@example.vn" })), [], { language: "vi" });
    await residentStep(filed.caseId, { step: "withdraw", reason: "Hai bên đã tự hòa giải." });
    expect(await caseRow(filed.code)).toMatchObject({ status: "withdrawn", closedAt: expect.any(String) });
    expect(await eventsOf(filed.caseId, "withdrawn")).toMatchObject([{ visibility: "public", body: "Hai bên đã tự hòa giải." }]);
    expect((await mailsTo("rut@example.vn")).at(-1)!.subject).toContain(filed.code);
    await expect(residentStep(filed.caseId, { step: "withdraw", reason: "lần nữa" })).rejects.toThrow();
    expect(await eventsOf(filed.caseId, "withdrawn")).toHaveLength(1);
  });
});

describe("an official reopens a closed case", () => {
  it("with the reason on the timeline and in the resident's mail", async () => {
    const now = new Date();
    const { code, caseId, official } = await answeredComplaint("mo.lai@example.vn", now);
    await performStaffAction(official, code, { action: "close", note: "Đã giải quyết xong." }, "t", now);
    await performStaffAction(official, code, { action: "reopen", note: "Phát hiện sai diện tích thửa 112, cần xem lại." }, "t", now);
    expect((await caseRow(code)).status).not.toBe("closed");
    expect(await eventsOf(caseId, "reopened")).toMatchObject([{ body: "Phát hiện sai diện tích thửa 112, cần xem lại." }]);
    expect((await mailsTo("mo.lai@example.vn")).at(-1)!.textBody).toContain("sai diện tích");
  });
});

describe("a denouncer's identity", () => {
  it("is never in mail subjects or the public view, and only the handling officials see it", async () => {
    const filed = await fileCase(
      await filingInput(
        filingFields({
          kind: "denunciation",
          category: "land",
          commune: "xuan-bac",
          fullName: "Hoàng Văn Tố",
          email: "to.cao@example.vn",
          accusedPerson: "Cán bộ địa chính xã",
          idNumber: "036080009999",
          publishConsent: "on",
        }),
      ),
      [],
      { language: "vi" },
    );
    const mails = await mailsTo("to.cao@example.vn");
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) expect(m.subject).not.toMatch(/Hoàng|Tố|036080009999/);
    const view = JSON.stringify(await publicCaseView(filed.code));
    for (const secret of ["Hoàng Văn Tố", "to.cao@example.vn", "036080009999", "0912 345 678", "Cán bộ địa chính xã"]) expect(view).not.toContain(secret);

    const handler = await staffAccount("commune_official", "xuan-bac");
    const handling = await staffCaseView(handler, filed.code, "t");
    expect(handling.contact).toMatchObject({ fullName: "Hoàng Văn Tố", confidential: true });
    const supervisor = await staffAccount("supervisor", DISTRICT_ID);
    expect(JSON.stringify(await staffCaseView(supervisor, filed.code, "t"))).not.toContain("Hoàng Văn Tố");
    const elsewhere = await staffAccount("commune_official", "xuan-hong");
    await expect(staffCaseView(elsewhere, filed.code, "t")).rejects.toThrow(NotFoundError);
  });
});
