// Deadlines that escalate by themselves, on a real SQLite file: the daily job records a passed deadline once on the
// public timeline and tells the district; the countdown counts working days; the district takes an overdue case over
// after the rule's working days, and the resident is mailed.
import "../support/database";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DISTRICT_ID } from "../../db/data/reference";
import { ForbiddenError, InvalidError } from "~/domain/errors";
import { fileCase } from "~/services/cases/filing.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { recordPassedDeadlines } from "~/services/cases/overdue.server";
import { staffCaseView } from "~/services/cases/staff-view.server";
import { caseDeadline, publicCaseView } from "~/services/cases/views.server";
import { read } from "~/services/platform/database.server";
import { filingFields, filingInput, staffAccount } from "../support/factories";

const at = (date: string, hour = 8) => new Date(`${date}T${String(hour - 7).padStart(2, "0")}:00:00Z`); // hour in Vietnam

async function caseRow(code: string) {
  return (await read().select().from(t.cases).where(eq(t.cases.code, code)))[0];
}

async function fileFeedback(commune: string, email: string, on: string) {
  const filed = await fileCase(await filingInput(filingFields({ commune, email, title: `Đường làng ngập ở ${commune}` })), [], {
    language: "vi",
    now: at(on, 10),
  });
  return filed.code;
}

describe("a deadline that passes", () => {
  it("many overdue cases at once (a first run after an outage) are recorded in batches, each exactly once", async () => {
    await staffAccount("district_staff", DISTRICT_ID);
    const codes: string[] = [];
    for (let i = 0; i < 450; i++) codes.push(await fileFeedback("xuan-thuy", `nhieu.${i}@example.vn`, "2026-08-03"));
    const first = await recordPassedDeadlines(at("2026-09-01"));
    expect(first).toBeGreaterThanOrEqual(450);
    expect(await recordPassedDeadlines(at("2026-09-02"))).toBe(0);
    for (const code of [codes[0], codes[199], codes[200], codes[449]]) {
      const row = await caseRow(code);
      const events = await read()
        .select()
        .from(t.caseEvents)
        .where(and(eq(t.caseEvents.caseId, row.id), eq(t.caseEvents.type, "deadline_passed")));
      expect(events, code).toHaveLength(1);
    }
  }, 60_000);

  it("shows a countdown, then is recorded once on the public timeline and mailed to the district", async () => {
    const district = await staffAccount("district_staff", DISTRICT_ID);
    // Mon 2/11/2026 + 10 working days: Mon 16/11.
    const code = await fileFeedback("xuan-ninh", "nguoi.dan.1@example.vn", "2026-11-02");
    const row = await caseRow(code);
    expect(row.dueOn).toBe("2026-11-16");
    expect((await caseDeadline(row, at("2026-11-11")))?.countdown).toEqual({ state: "remaining", workingDays: 3 });
    expect((await caseDeadline(row, at("2026-11-16")))?.countdown).toEqual({ state: "due_today", workingDays: 0 });
    expect((await caseDeadline(row, at("2026-11-18")))?.countdown).toEqual({ state: "overdue", workingDays: 2 });

    expect(await recordPassedDeadlines(at("2026-11-16"))).toBe(0);
    expect(await recordPassedDeadlines(at("2026-11-17"))).toBeGreaterThanOrEqual(1);
    expect(await recordPassedDeadlines(at("2026-11-18"))).toBe(0);
    const events = await read()
      .select()
      .from(t.caseEvents)
      .where(and(eq(t.caseEvents.caseId, row.id), eq(t.caseEvents.type, "deadline_passed")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ visibility: "public", actor: "system", dueOn: "2026-11-16" });
    expect((await publicCaseView(code))!.timeline.map((e) => e.type)).toContain("deadline_passed");
    const mail = await read().select().from(t.outbox).where(eq(t.outbox.toAddress, district.email));
    expect(mail.filter((m) => m.textBody.includes(code))).toHaveLength(1);
    const audited = await read()
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, "case.deadline_passed"), eq(t.auditLog.targetId, code)));
    expect(audited).toHaveLength(1);
  });

  it("lets the district take the case over after five working days overdue, with a reason the resident is mailed", async () => {
    const district = await staffAccount("district_staff", DISTRICT_ID);
    const official = await staffAccount("commune_official", "xuan-phong");
    const code = await fileFeedback("xuan-phong", "nguoi.dan.2@example.vn", "2026-11-02"); // due Mon 16/11
    const reason = { action: "take_over" as const, note: "Xã để quá hạn, huyện trực tiếp giải quyết." };

    // Tue 17/11 to Mon 23/11 is five working days late; Fri 20/11 is four.
    await expect(performStaffAction(district, code, reason, "127.0.0.1", at("2026-11-20"))).rejects.toBeInstanceOf(InvalidError);
    expect((await staffCaseView(district, code, "127.0.0.1", at("2026-11-20"))).workflowActions).not.toContain("take_over");
    expect((await staffCaseView(district, code, "127.0.0.1", at("2026-11-23"))).workflowActions).toContain("take_over");
    await expect(performStaffAction(official, code, reason, "127.0.0.1", at("2026-11-23"))).rejects.toBeInstanceOf(ForbiddenError);

    await performStaffAction(district, code, reason, "127.0.0.1", at("2026-11-23"));
    const row = await caseRow(code);
    expect(row).toMatchObject({ communeId: DISTRICT_ID, status: "received", dueOn: "2026-11-16" });
    const event = (
      await read()
        .select()
        .from(t.caseEvents)
        .where(and(eq(t.caseEvents.caseId, row.id), eq(t.caseEvents.type, "taken_over")))
    )[0];
    expect(event).toMatchObject({ visibility: "public", body: reason.note, meta: { from: "xuan-phong", to: DISTRICT_ID } });
    const mail = await read().select().from(t.outbox).where(eq(t.outbox.toAddress, "nguoi.dan.2@example.vn"));
    expect(mail.some((m) => m.textBody.includes(reason.note))).toBe(true);
    expect(
      await read()
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.action, "case.take_over"), eq(t.auditLog.targetId, code))),
    ).toHaveLength(1);
    // Once the district holds it, there is nothing left to take over.
    await expect(performStaffAction(district, code, reason, "127.0.0.1", at("2026-11-24"))).rejects.toBeInstanceOf(InvalidError);
  });
});
