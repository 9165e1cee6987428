// A complaint accepted and answered by a commune, then taken to the district and answered there: each unit keeps the
// figures of what it did, both answers are rated, and every view shows the stage in force — against a real SQLite file.
import "../support/database";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DISTRICT_ID } from "../../db/data/reference";
import { fileCase, receiptView } from "~/services/cases/filing.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { residentStep } from "~/services/cases/resident-steps.server";
import { staffCaseView } from "~/services/cases/staff-view.server";
import { publicCaseView, residentCaseView } from "~/services/cases/views.server";
import { read, sqliteClient } from "~/services/platform/database.server";
import { figuresCsv, statistics } from "~/services/transparency/statistics.server";
import { complaintFields, filingInput, staffAccount } from "../support/factories";

const at = (iso: string) => new Date(iso);
const OCTOBER = { from: "2026-10-01", to: "2026-10-31" };

async function contestedAndAnsweredTwice() {
  const commune = await staffAccount("commune_leader", "xuan-hong");
  const district = await staffAccount("district_staff", DISTRICT_ID);
  const filed = await fileCase(await filingInput(complaintFields({ publishConsent: "on" })), [], { language: "vi", now: at("2026-10-05T02:00:00Z") });
  await performStaffAction(commune, filed.code, { action: "accept" }, "t", at("2026-10-06T02:00:00Z"));
  const afterAccept = await receiptView(filed.receiptToken);
  await performStaffAction(
    commune,
    filed.code,
    { action: "answer", note: "Giữ nguyên mức bồi thường theo bảng giá đất.", signedBy: "Chủ tịch UBND xã Xuân Hồng" },
    "t",
    at("2026-10-20T02:00:00Z"),
  );
  await residentStep(filed.caseId, { step: "rate", score: 4, comment: "" }, at("2026-10-21T02:00:00Z"));
  await residentStep(filed.caseId, { step: "contest", reason: "Đơn giá thấp hơn giá thị trường." }, at("2026-10-25T02:00:00Z"));
  const afterContest = {
    receipt: await receiptView(filed.receiptToken),
    public: await publicCaseView(filed.code),
    resident: await residentCaseView(filed.caseId),
    staff: await staffCaseView(district, filed.code, "t", at("2026-10-26T02:00:00Z")),
  };
  await performStaffAction(district, filed.code, { action: "start" }, "t", at("2026-11-02T02:00:00Z"));
  await performStaffAction(
    district,
    filed.code,
    { action: "answer", note: "Huyện điều chỉnh đơn giá theo bảng giá mới.", signedBy: "Chủ tịch UBND huyện" },
    "t",
    at("2026-11-20T02:00:00Z"),
  );
  return { filed, commune, district, afterAccept, afterContest };
}

describe("figures credited to the unit that did the act", () => {
  it("the commune keeps its acceptance, answer on time and rating after the district answers the contest; both answers are rated", async () => {
    const { filed } = await contestedAndAnsweredTwice();
    // The district's answer is rated on its own; the same answer cannot be rated twice.
    expect((await residentCaseView(filed.caseId))!.canRate).toBe(true);
    await residentStep(filed.caseId, { step: "rate", score: 2, comment: "Vẫn chưa thỏa đáng." }, at("2026-11-21T02:00:00Z"));
    await expect(residentStep(filed.caseId, { step: "rate", score: 5, comment: "" })).rejects.toMatchObject({ messageKey: "error.alreadyRated" });
    const resident = (await residentCaseView(filed.caseId))!;
    expect({ canRate: resident.canRate, rating: resident.rating?.score }).toEqual({ canRate: false, rating: 2 });
    expect(await read().select({ score: t.answerRatings.score }).from(t.answerRatings).where(eq(t.answerRatings.caseId, filed.caseId))).toHaveLength(2);

    const now = at("2026-11-25T03:00:00Z");
    const byUnit = await statistics(OCTOBER, "commune", now);
    const pick = (key: string) => {
      const r = byUnit.rows.find((row) => row.key === key)!;
      return { received: r.received, accepted: r.accepted, answered: r.answered, onTime: r.answeredOnTime, ratings: r.ratings, satisfaction: r.satisfaction };
    };
    expect(pick("xuan-hong")).toEqual({ received: 1, accepted: 1, answered: 1, onTime: 1, ratings: 1, satisfaction: 4 });
    expect(pick(DISTRICT_ID)).toEqual({ received: 1, accepted: 0, answered: 1, onTime: 1, ratings: 1, satisfaction: 2 });
    expect(byUnit.rows.find((r) => r.key === "xuan-hong")!.averageDaysToAnswer).toBe(15);
    // The district's time runs from the contest that reached it (25/10), not from the filing.
    expect(byUnit.rows.find((r) => r.key === DISTRICT_ID)!.averageDaysToAnswer).toBe(26);
    // The total counts the case once and each answer once.
    expect(byUnit.total).toMatchObject({ received: 1, accepted: 1, answered: 2, answeredOnTime: 2, ratings: 2, satisfaction: 3 });
    const byCategory = await statistics(OCTOBER, "category", now);
    expect(byCategory.rows.find((r) => r.key === "compensation")).toMatchObject({ received: 1, answered: 2, ratings: 2 });

    // The events say who did what, in SQL as the figures read them.
    const credits = sqliteClient()
      .prepare(
        "SELECT type, unit_id AS unit, stage FROM case_events WHERE case_id = ? AND type IN ('filed','accepted','answered','contested','rated') ORDER BY id",
      )
      .all(filed.caseId);
    expect(credits).toEqual([
      { type: "filed", unit: "xuan-hong", stage: "accept" },
      { type: "accepted", unit: "xuan-hong", stage: "accept" },
      { type: "answered", unit: "xuan-hong", stage: "resolve" },
      { type: "rated", unit: "xuan-hong", stage: "appeal_file" },
      { type: "contested", unit: DISTRICT_ID, stage: "appeal_file" },
      { type: "answered", unit: DISTRICT_ID, stage: "resolve_second" },
      { type: "rated", unit: DISTRICT_ID, stage: "appeal_file" },
    ]);
  });

  it("a unit with nothing answered reads — for on-time on the CSV's empty cell, never 0", async () => {
    const csv = await figuresCsv({ from: "2026-03-01", to: "2026-03-31" }, ["commune"]);
    const xuanBac = csv.split("\r\n").find((l) => l.startsWith("Xuân Bắc"))!;
    // Unit, received, accepted, answered, on time (empty), overdue, average days (empty), satisfaction (empty).
    expect(xuanBac.split(",")).toEqual(["Xuân Bắc", "0", "0", "0", "", "0", "", ""]);
  });
});

describe("the deadline in force, in every view", () => {
  it("the receipt, the filer's page, the public page and the staff view show the stage in force and its due date", async () => {
    const { filed, district, afterAccept, afterContest } = await contestedAndAnsweredTwice();
    // After acceptance: the 30 days to resolve from 06/10, not the accept-by date of the receipt as filed.
    expect(afterAccept!.acceptDueOn).toBe("2026-10-15");
    expect(afterAccept!.deadline).toMatchObject({ stage: "resolve", owedBy: "unit", dueOn: "2026-11-05" });
    // After the contest: the district's 45 days from 25/10, everywhere.
    const second = { stage: "resolve_second", owedBy: "unit", dueOn: "2026-12-09" };
    expect(afterContest.receipt!.deadline).toMatchObject(second);
    expect(afterContest.public!.deadline).toMatchObject(second);
    expect(afterContest.resident!.deadline).toMatchObject(second);
    expect(afterContest.staff.case.deadline).toMatchObject(second);
    expect(afterContest.public!.answer?.body).toBeUndefined();

    // Answered at the second instance and in the register: the public page shows the answer in force.
    const answered = (await publicCaseView(filed.code))!;
    expect(answered.answer?.body).toBe("Huyện điều chỉnh đơn giá theo bảng giá mới.");
    expect(answered.deadline?.stage).toBe("appeal_file");
    expect((await staffCaseView(district, filed.code, "t")).case.deadline?.stage).toBe("appeal_file");
  });

  it("a case whose filer did not consent to publication shows no answer on the public page", async () => {
    const official = await staffAccount("commune_leader", "xuan-hong");
    const filed = await fileCase(await filingInput(complaintFields()), [], { language: "vi" });
    await performStaffAction(official, filed.code, { action: "accept" }, "t");
    await performStaffAction(official, filed.code, { action: "answer", note: "Trả lời riêng.", signedBy: "Chủ tịch" }, "t");
    expect((await publicCaseView(filed.code))!.answer).toBeNull();
  });
});

describe("the migration's backfill", () => {
  it("credits earlier events from what they recorded, and gives each earlier rating its answer", async () => {
    const { filed } = await contestedAndAnsweredTwice();
    const db = sqliteClient();
    const credits = () =>
      db.prepare("SELECT id, type, unit_id AS unit, stage, due_on AS dueOn FROM case_events WHERE case_id = ? ORDER BY id").all(filed.caseId) as {
        id: number;
        type: string;
        unit: string;
        stage: string | null;
        dueOn: string | null;
      }[];
    const written = credits();
    // As the events were before the migration: no unit, stage or due date; the rating on the case.
    db.prepare("UPDATE case_events SET unit_id = NULL, stage = NULL, due_on = NULL WHERE case_id = ?").run(filed.caseId);
    db.prepare("DELETE FROM answer_ratings WHERE case_id = ?").run(filed.caseId);
    db.prepare("INSERT INTO case_ratings (case_id, score, comment, created_at) VALUES (?, 4, NULL, '2026-10-21T02:00:00.000Z')").run(filed.caseId);
    const migration = fs.readFileSync(path.resolve(__dirname, "../../db/migrations/0009_figures_credited_to_units.sql"), "utf8");
    const backfill = migration.slice(migration.indexOf("-- Backfill")).split("--> statement-breakpoint");
    for (const statement of backfill) db.exec(statement);

    const backfilled = credits();
    expect(backfilled.map((e) => e.unit)).toEqual(written.map((e) => e.unit));
    const answers = backfilled.filter((e) => e.type === "answered");
    expect(answers.map((e) => e.stage)).toEqual(["resolve", "resolve_second"]);
    // Only the latest answer's due date is known from the case.
    expect(answers.map((e) => e.dueOn)).toEqual([null, written.filter((e) => e.type === "answered")[1].dueOn]);
    expect(db.prepare("SELECT answer_event_id AS id FROM answer_ratings WHERE case_id = ?").all(filed.caseId)).toEqual([{ id: answers[0].id }]);
  });
});
