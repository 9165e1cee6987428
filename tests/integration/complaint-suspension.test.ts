// From 1/7/2026 a complaint's handling can be suspended and resumed — the suspended days not counted — or suspended
// for good; a complaint received before that date keeps the old rules. Real SQLite file, fake clock.
import "../support/database";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { InvalidError } from "~/domain/errors";
import { fileCase } from "~/services/cases/filing.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { staffCaseView } from "~/services/cases/staff-view.server";
import { read } from "~/services/platform/database.server";
import { complaintFields, filingInput, staffAccount } from "../support/factories";

const at = (date: string) => new Date(`${date}T02:00:00Z`); // 09:00 in Vietnam
const caseRow = async (code: string) => (await read().select().from(t.cases).where(eq(t.cases.code, code)))[0];

async function acceptedComplaint(receivedOn: string) {
  const filed = await fileCase(
    await filingInput(complaintFields({ commune: "xuan-hoa", decisionKnownOn: "2026-06-15", idNumber: "036080001234", email: "khieu.nai.2026@example.vn" })),
    [],
    { language: "vi", now: at(receivedOn) },
  );
  const leader = await staffAccount("commune_leader", "xuan-hoa");
  await performStaffAction(leader, filed.code, { action: "accept" }, "t", at(receivedOn));
  return { ...filed, leader };
}

describe("suspending a complaint's handling (Law 136/2025/QH15)", () => {
  it("stops the clock while suspended and moves the due date on by the suspended time when resumed", async () => {
    const { code, caseId, leader } = await acceptedComplaint("2026-07-01");
    const before = (await caseRow(code)).dueOn;
    expect((await staffCaseView(leader, code, "t", at("2026-07-06"))).workflowActions).toEqual(expect.arrayContaining(["suspend", "terminate"]));
    await performStaffAction(
      leader,
      code,
      { action: "suspend", reason: "awaiting_assessment", note: "Chờ kết quả đo đạc lại thửa đất." },
      "t",
      at("2026-07-06"),
    );
    expect(await caseRow(code)).toMatchObject({ pausedSince: "2026-07-06", status: "accepted" });
    const view = await staffCaseView(leader, code, "t", at("2026-07-10"));
    expect(view.workflowActions).toContain("resume");
    expect(view.workflowActions).not.toContain("suspend");
    await expect(performStaffAction(leader, code, { action: "suspend", reason: "other", note: "x" }, "t", at("2026-07-10"))).rejects.toBeInstanceOf(
      InvalidError,
    );

    await performStaffAction(leader, code, { action: "resume", note: "Đã có kết quả đo đạc." }, "t", at("2026-07-20"));
    const resumed = await caseRow(code);
    expect(resumed.pausedSince).toBeNull();
    expect(resumed.pauses).toEqual([["2026-07-06", "2026-07-20"]]);
    expect(resumed.dueOn > before).toBe(true);
    const events = await read()
      .select()
      .from(t.caseEvents)
      .where(and(eq(t.caseEvents.caseId, caseId), eq(t.caseEvents.visibility, "public")));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["suspended", "resumed"]));
    expect(events.find((e) => e.type === "suspended")?.meta).toMatchObject({ reason: "awaiting_assessment" });
    const mails = await read().select().from(t.outbox).where(eq(t.outbox.toAddress, "khieu.nai.2026@example.vn"));
    expect(mails.some((m) => m.textBody.includes("Chờ kết quả đo đạc lại thửa đất."))).toBe(true);
  });

  it("suspends for good with a legal reason, closing the case", async () => {
    const { code, leader } = await acceptedComplaint("2026-07-02");
    await performStaffAction(leader, code, { action: "terminate", reason: "decided_by_court", note: "Tòa án huyện đã thụ lý vụ án." }, "t", at("2026-07-08"));
    expect((await caseRow(code)).status).toBe("closed");
  });

  it("is not offered for a complaint received on 30/6/2026", async () => {
    const { code, leader } = await acceptedComplaint("2026-06-30");
    expect((await staffCaseView(leader, code, "t", at("2026-07-06"))).workflowActions).not.toContain("suspend");
    await expect(performStaffAction(leader, code, { action: "suspend", reason: "other", note: "x" }, "t", at("2026-07-06"))).rejects.toThrow(
      "error.suspensionNotApplicable",
    );
  });
});

describe("withdrawing part of a complaint (Law 136/2025/QH15)", () => {
  it("is recorded publicly while the rest is handled, for complaints received from 1/7/2026 only", async () => {
    const { residentStep } = await import("~/services/cases/resident-steps.server");
    const { residentCaseView } = await import("~/services/cases/views.server");
    const recent = await acceptedComplaint("2026-07-03");
    expect((await residentCaseView(recent.caseId))!.canWithdrawPart).toBe(true);
    await residentStep(recent.caseId, { step: "withdraw_part", part: "Rút phần đề nghị bồi thường cây trồng." }, at("2026-07-08"));
    expect((await caseRow(recent.code)).status).toBe("accepted");
    const events = await read()
      .select()
      .from(t.caseEvents)
      .where(and(eq(t.caseEvents.caseId, recent.caseId), eq(t.caseEvents.type, "partly_withdrawn")));
    expect(events).toMatchObject([{ visibility: "public", actor: "resident", body: "Rút phần đề nghị bồi thường cây trồng." }]);

    const older = await acceptedComplaint("2026-06-30");
    expect((await residentCaseView(older.caseId))!.canWithdrawPart).toBe(false);
    await expect(residentStep(older.caseId, { step: "withdraw_part", part: "x" }, at("2026-07-08"))).rejects.toThrow("error.partWithdrawalNotApplicable");
  });
});
