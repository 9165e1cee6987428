// Closure the resident confirms, on a real SQLite file with a fake clock: the answer's mail asks and says when the
// case closes by itself; the resident's yes closes it; silence closes it after the rule's days; an official's
// closing needs a reason; the public page tells the four apart.
import "../support/database";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { InvalidError } from "~/domain/errors";
import { closeWithoutReply } from "~/services/cases/closure.server";
import { fileCase } from "~/services/cases/filing.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { residentStep } from "~/services/cases/resident-steps.server";
import { publicCaseView, residentCaseView } from "~/services/cases/views.server";
import { read } from "~/services/platform/database.server";
import { filingFields, filingInput, staffAccount } from "../support/factories";

const at = (date: string, hour = 9) => new Date(`${date}T${String(hour - 7).padStart(2, "0")}:00:00Z`);

async function answeredFeedback(email: string, answeredOn: string) {
  const filed = await fileCase(await filingInput(filingFields({ commune: "xuan-thuong", email, publishConsent: "on" })), [], {
    language: "vi",
    now: at("2026-11-02"),
  });
  const leader = await staffAccount("commune_leader", "xuan-thuong");
  await performStaffAction(leader, filed.code, { action: "accept" }, "t", at("2026-11-03"));
  await performStaffAction(
    leader,
    filed.code,
    { action: "answer", note: "UBND xã đã yêu cầu tháo dỡ tường rào.", signedBy: "Chủ tịch UBND xã Xuân Thượng" },
    "t",
    at(answeredOn),
  );
  return { ...filed, leader };
}

const statusOf = async (code: string) => (await read().select({ status: t.cases.status }).from(t.cases).where(eq(t.cases.code, code)))[0].status;

describe("closure the resident confirms", () => {
  it("the answer's mail asks and names the day the case closes by itself; the resident's yes closes it", async () => {
    const { caseId, code } = await answeredFeedback("xac.nhan@example.vn", "2026-11-20");
    const mail = (await read().select().from(t.outbox).where(eq(t.outbox.toAddress, "xac.nhan@example.vn"))).find((m) =>
      m.textBody.includes("tháo dỡ tường rào"),
    )!;
    expect(mail.textBody).toContain("Vấn đề của bạn đã được giải quyết chưa?");
    expect(mail.textBody).toContain("15 ngày");
    expect(mail.textBody).toContain("05/12/2026");
    expect((await residentCaseView(caseId))!.closureQuestion).toEqual({ closesOn: "2026-12-05" });

    await residentStep(caseId, { step: "settled", settled: "yes", comment: "Cảm ơn xã." }, at("2026-11-22"));
    expect(await statusOf(code)).toBe("closed");
    expect((await publicCaseView(code))!.closure).toEqual({ how: "resident_confirmed", reason: null });
    await expect(residentStep(caseId, { step: "settled", settled: "yes", comment: "" }, at("2026-11-23"))).rejects.toBeInstanceOf(InvalidError);
  });

  it("closes by itself after 15 days without a reply, not before, and not once the resident said no", async () => {
    const silent = await answeredFeedback("im.lang@example.vn", "2026-11-20");
    const declined = await answeredFeedback("chua.xong@example.vn", "2026-11-20");
    await residentStep(declined.caseId, { step: "settled", settled: "no", comment: "Tường rào vẫn còn." }, at("2026-11-25"));

    await closeWithoutReply(at("2026-12-04"));
    expect(await statusOf(silent.code)).toBe("answered");
    await closeWithoutReply(at("2026-12-05"));
    expect(await statusOf(silent.code)).toBe("closed");
    expect(await statusOf(declined.code)).toBe("answered");
    expect((await publicCaseView(silent.code))!.closure).toEqual({ how: "no_reply", reason: null });
    const mails = await read().select().from(t.outbox).where(eq(t.outbox.toAddress, "im.lang@example.vn"));
    expect(mails.some((m) => m.subject.includes("đã kết thúc") && m.textBody.includes("15 ngày"))).toBe(true);
    expect(await closeWithoutReply(at("2026-12-06"))).toBe(0);
    const audited = await read()
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, "case.closed_without_reply"), eq(t.auditLog.targetId, silent.code)));
    expect(audited).toHaveLength(1);
  });

  it("an official closes an unconfirmed answer only with a reason, which the resident and the public read", async () => {
    const { caseId, code, leader } = await answeredFeedback("can.bo.dong@example.vn", "2026-11-20");
    await expect(performStaffAction(leader, code, { action: "close" }, "t", at("2026-11-24"))).rejects.toBeInstanceOf(InvalidError);
    await performStaffAction(leader, code, { action: "close", note: "Đã kiểm tra thực địa: tường rào đã được tháo dỡ." }, "t", at("2026-11-24"));
    expect((await publicCaseView(code))!.closure).toEqual({ how: "official", reason: "Đã kiểm tra thực địa: tường rào đã được tháo dỡ." });
    expect((await residentCaseView(caseId))!.closure).toMatchObject({ how: "official" });
    expect((await residentCaseView(caseId))!.closureQuestion).toBeNull();
  });
});
