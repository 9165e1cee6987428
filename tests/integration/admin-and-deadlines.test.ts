// Administrators change accounts, units and the calendar; deadlines and the daily digest follow (real SQLite file).
import "../support/database";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { vnDate } from "~/domain/dates";
import * as t from "../../db/schema";
import { InvalidError } from "~/domain/errors";
import { addCalendarDay, inviteAccount, mergeUnit, setAccountDisabled, updateAccount } from "~/services/admin/admin.server";
import { runAccountsCommand } from "~/services/staff/accounts-cli.server";
import { currentSession } from "~/services/staff/sessions.server";
import { signIn } from "~/services/staff/sign-in.server";
import { fileCase, receiptView } from "~/services/cases/filing.server";
import { provideInformation } from "~/services/cases/resident-steps.server";
import { read } from "~/services/platform/database.server";
import { sendDailyDigests } from "~/services/cases/digest.server";
import { randomToken } from "~/services/platform/secrets.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { staffCaseView } from "~/services/cases/staff-view.server";
import { filingFields, STAFF_PASSWORD, staffAccount, filingInput } from "../support/factories";

async function caseRow(code: string) {
  return (await read().select().from(t.cases).where(eq(t.cases.code, code)))[0];
}

function requestWithCookie(setCookie: string): Request {
  return new Request("http://127.0.0.1/can-bo", { headers: { Cookie: setCookie.split(";")[0] } });
}

describe("deadlines follow the rules table and the calendar", () => {
  it("a complaint filed on Wed 25/11/2026 must be accepted within 10 days: Sat 5/12 rolls to Mon 7/12", async () => {
    const filed = await fileCase(
      await filingInput(
        filingFields({
          kind: "complaint",
          category: "land",
          complainedDecision: "QĐ 1",
          complainedBody: "UBND xã",
          decisionKnownOn: "2026-11-20",
          idNumber: "036080001234",
        }),
      ),
      [],
      {
        language: "vi",
        now: new Date("2026-11-25T03:00:00Z"),
      },
    );
    expect(await caseRow(filed.code)).toMatchObject({ stage: "accept", dueOn: "2026-12-07" });
  });

  it("a complaint filed after the 90-day limit is received with a warning on the receipt and a flag for the official", async () => {
    const filed = await fileCase(
      await filingInput(
        filingFields({
          kind: "complaint",
          category: "land",
          commune: "xuan-bac",
          complainedDecision: "QĐ 7",
          complainedBody: "UBND xã",
          decisionKnownOn: "2026-07-01",
          idNumber: "036080001234",
        }),
      ),
      [],
      { language: "vi", now: new Date("2026-11-25T03:00:00Z") },
    );
    // 90 calendar days from 1/7 end Tue 29/9/2026.
    expect((await receiptView(filed.receiptToken))?.filingLimitPassedOn).toBe("2026-09-29");
    const leader = await staffAccount("commune_leader", "xuan-bac");
    const view = await staffCaseView(leader, filed.code, "test", new Date("2026-11-25T04:00:00Z"));
    expect(view.case).toMatchObject({ status: "received", filingLimitPassedOn: "2026-09-29", transferDueOn: null });

    const inTime = await fileCase(
      await filingInput(
        filingFields({
          kind: "complaint",
          commune: "xuan-bac",
          complainedDecision: "QĐ 8",
          complainedBody: "UBND xã",
          decisionKnownOn: "2026-11-20",
          idNumber: "036080001234",
        }),
      ),
      [],
      { language: "vi", now: new Date("2026-11-25T03:00:00Z") },
    );
    expect((await receiptView(inTime.receiptToken))?.filingLimitPassedOn).toBeNull();
  });

  it("a denunciation shows the official the day by which it must be passed on if it is not theirs", async () => {
    const filed = await fileCase(
      await filingInput(filingFields({ kind: "denunciation", category: "land", commune: "xuan-bac", accusedPerson: "Ông A", idNumber: "036080009999" })),
      [],
      { language: "vi", now: new Date("2026-11-25T03:00:00Z") },
    );
    const leader = await staffAccount("commune_leader", "xuan-bac");
    expect((await staffCaseView(leader, filed.code, "test", new Date("2026-11-25T04:00:00Z"))).case.transferDueOn).toBe("2026-12-02");
    await performStaffAction(leader, filed.code, { action: "accept" }, "test", new Date("2026-11-26T03:00:00Z"));
    expect((await staffCaseView(leader, filed.code, "test")).case.transferDueOn).toBeNull();
  });

  it("accepting starts the resolve stage; days waiting for the resident do not count", async () => {
    const officer = await staffAccount("commune_official", "xuan-bac");
    const filed = await fileCase(await filingInput(filingFields()), [], { language: "vi", now: new Date("2026-11-02T02:00:00Z") });
    await performStaffAction(officer, filed.code, { action: "accept" }, "test", new Date("2026-11-02T03:00:00Z"));
    // Feedback: resolve within 15 working days from Mon 2/11/2026 → Mon 23/11/2026.
    expect(await caseRow(filed.code)).toMatchObject({ stage: "resolve", dueOn: "2026-11-23" });
    await performStaffAction(officer, filed.code, { action: "request_info", note: "Cần sơ đồ." }, "test", new Date("2026-11-04T03:00:00Z"));
    expect((await caseRow(filed.code)).pausedSince).toBe("2026-11-04");
    await provideInformation(filed.caseId, "Gửi sơ đồ.", [], randomToken(18), new Date("2026-11-11T03:00:00Z"));
    // Paused Thu 5/11 … Wed 11/11 (5 working days): the deadline moves from 23/11 to Mon 30/11.
    expect(await caseRow(filed.code)).toMatchObject({ status: "accepted", pausedSince: null, dueOn: "2026-11-30" });
  });

  it("a complex complaint is extended once by the difference to the complex rule (30 → 45 days)", async () => {
    const officer = await staffAccount("commune_leader", "xuan-hong");
    const filed = await fileCase(
      await filingInput(
        filingFields({
          kind: "complaint",
          commune: "xuan-hong",
          complainedDecision: "QĐ 2",
          complainedBody: "UBND xã",
          decisionKnownOn: "2026-11-20",
          idNumber: "036080001234",
        }),
      ),
      [],
      { language: "vi" },
    );
    await performStaffAction(officer, filed.code, { action: "accept" }, "test", new Date("2026-11-25T03:00:00Z"));
    expect((await caseRow(filed.code)).dueOn).toBe("2026-12-25");
    await performStaffAction(officer, filed.code, { action: "extend", note: "Phải đo đạc lại." }, "test", new Date("2026-11-26T03:00:00Z"));
    // 45 days from 25/11/2026 = 9/1/2027, a Saturday → Mon 11/1/2027.
    expect(await caseRow(filed.code)).toMatchObject({ complex: true, extensionDays: 15, dueOn: "2027-01-11" });
    await expect(performStaffAction(officer, filed.code, { action: "extend", note: "Lần hai" }, "test")).rejects.toThrow("error.noExtension");
  });

  it("an administrator's new holiday moves running working-day deadlines", async () => {
    const admin = await staffAccount("admin", "huyen-xuan-truong");
    const filed = await fileCase(await filingInput(filingFields({ commune: "xuan-vinh" })), [], { language: "vi", now: new Date("2026-12-01T03:00:00Z") });
    // 10 working days from Tue 1/12/2026 → Tue 15/12/2026.
    expect((await caseRow(filed.code)).dueOn).toBe("2026-12-15");
    await addCalendarDay(admin, { date: "2026-12-10", kind: "holiday", name: "Ngày nghỉ thử nghiệm" }, "test");
    expect((await caseRow(filed.code)).dueOn).toBe("2026-12-16");
  });
});

describe("administrative units", () => {
  it("a merger ends the old unit and moves its open cases to the successor, keeping history", async () => {
    const admin = await staffAccount("admin", "huyen-xuan-truong");
    const openCase = await fileCase(await filingInput(filingFields({ commune: "xuan-trung" })), [], { language: "vi" });
    const moved = await mergeUnit(admin, { id: "xuan-trung", successorId: "xuan-bac", validTo: vnDate(new Date()) }, "test");
    expect(moved).toBeGreaterThanOrEqual(1);
    expect((await caseRow(openCase.code)).communeId).toBe("xuan-bac");
    const events = await read().select().from(t.caseEvents).where(eq(t.caseEvents.caseId, openCase.caseId));
    expect(events.at(-1)).toMatchObject({ type: "transferred", visibility: "public", meta: { from: "xuan-trung", to: "xuan-bac", reason: "merger" } });
    const bac = await staffAccount("commune_official", "xuan-bac");
    expect((await staffCaseView(bac, openCase.code, "test")).case.communeName).toBe("Xuân Bắc");
    // Filed tomorrow under the old name, a matter reaches today's unit.
    const later = await fileCase(await filingInput(filingFields({ commune: "xuan-trung" })), [], {
      language: "vi",
      now: new Date(Date.now() + 2 * 86_400_000),
    });
    expect((await caseRow(later.code)).communeId).toBe("xuan-bac");
  });
});

describe("accounts", () => {
  it("an invited account gets a welcome link by mail, and a duplicate email is refused", async () => {
    const admin = await staffAccount("admin", "huyen-xuan-truong");
    const email = `moi.${Date.now()}@xuantruong.gov.vn`;
    await inviteAccount(admin, { email, fullName: "Cán bộ mới", role: "commune_official", communeId: "xuan-phu" }, "test");
    const mail = (await read().select().from(t.outbox).where(eq(t.outbox.toAddress, email)))[0];
    expect(mail.subject).toBe("Dân Biết: tài khoản cán bộ của bạn");
    expect(mail.textBody).toMatch(/\/can-bo\/dat-lai-mat-khau\/[A-Za-z0-9_-]{40,}/);
    await expect(inviteAccount(admin, { email, fullName: "Lặp", role: "commune_official", communeId: "xuan-phu" }, "test")).rejects.toBeInstanceOf(
      InvalidError,
    );
  });

  it("disabling an account ends its live sessions at once; changing its unit too", async () => {
    const admin = await staffAccount("admin", "huyen-xuan-truong");
    const officer = await staffAccount("commune_official", "xuan-tien");
    const signedIn = await signIn(officer.email, STAFF_PASSWORD, "10.0.0.1");
    expect(signedIn.outcome).toBe("signedIn");
    const cookie = signedIn.outcome === "signedIn" ? signedIn.setCookie : "";
    expect(await currentSession(requestWithCookie(cookie))).not.toBeNull();
    await updateAccount(admin, officer.id, { role: "commune_official", communeId: "xuan-phong", fullName: "Chuyển xã" }, "test");
    expect(await currentSession(requestWithCookie(cookie))).toBeNull();

    const again = await signIn(officer.email, STAFF_PASSWORD, "10.0.0.2");
    const cookie2 = again.outcome === "signedIn" ? again.setCookie : "";
    await setAccountDisabled(admin, officer.id, true, "test");
    expect(await currentSession(requestWithCookie(cookie2))).toBeNull();
    expect((await signIn(officer.email, STAFF_PASSWORD, "10.0.0.3")).outcome).toBe("refused");
    await expect(setAccountDisabled(admin, admin.id, true, "test")).rejects.toThrow(InvalidError);
  });

  it("the shell command creates the first administrator and prints a temporary password", async () => {
    const email = `quantri.${Date.now()}@xuantruong.gov.vn`;
    const result = await runAccountsCommand(["create", "--email", email, "--name", "Quản trị viên", "--role", "admin", "--commune", "huyen-xuan-truong"]);
    expect(result.code).toBe(0);
    const password = /Mật khẩu tạm: (\S+)/.exec(result.lines.join("\n"))![1];
    const signedIn = await signIn(email, password, "10.0.0.9");
    expect(signedIn).toMatchObject({ outcome: "signedIn", next: "setup-second-factor" });
    expect((await runAccountsCommand(["create", "--email", "x@y.vn"])).code).toBe(2);
    expect((await runAccountsCommand(["create", "--email", "x@y.vn", "--name", "X", "--role", "king", "--commune", "xuan-bac"])).code).toBe(2);
  });

  it("refuses short and common passwords", async () => {
    const result = await runAccountsCommand([
      "create",
      "--email",
      `yeu.${Date.now()}@x.vn`,
      "--name",
      "Y",
      "--role",
      "commune_official",
      "--commune",
      "xuan-bac",
      "--password",
      "123456789012",
    ]);
    expect(result.code).toBe(1);
    expect(result.lines.join(" ")).toContain("error.passwordCommon");
  });
});

describe("the daily digest", () => {
  it("mails each commune leader their due and overdue cases once a day, from 07:00 Vietnam time", async () => {
    const leader = await staffAccount("commune_leader", "xuan-chau");
    await fileCase(await filingInput(filingFields({ commune: "xuan-chau", title: "Sắp đến hạn" })), [], {
      language: "vi",
      now: new Date("2026-11-20T03:00:00Z"),
    });
    const early = new Date("2026-12-03T23:30:00Z"); // 06:30 on 4/12 in Vietnam
    expect(await sendDailyDigests(early)).toBe(0);
    const morning = new Date("2026-12-04T01:00:00Z"); // 08:00 on 4/12
    expect(await sendDailyDigests(morning)).toBeGreaterThanOrEqual(1);
    const mail = await read().select().from(t.outbox).where(eq(t.outbox.toAddress, leader.email));
    expect(mail).toHaveLength(1);
    expect(mail[0].textBody).toContain("Sắp đến hạn");
    expect(mail[0].subject).toContain("04/12/2026");
    expect(await sendDailyDigests(new Date("2026-12-04T05:00:00Z"))).toBe(0);
  });
});
