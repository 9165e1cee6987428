// The counts behind the figures, the cases per status and the search index are kept by triggers in each write's
// transaction; after a varied run of filings, moves, answers, ratings, contests and a reopening they equal a full
// recount from the base tables — against a real SQLite file.
import "../support/database";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DISTRICT_ID } from "../../db/data/reference";
import { rebuildDerivedData } from "../../db/derived-stores";
import { fileCase } from "~/services/cases/filing.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { residentStep } from "~/services/cases/resident-steps.server";
import { deadlineBoard, listCases } from "~/services/cases/inbox.server";
import { queryRows, transaction } from "~/services/platform/database.server";
import { homeFigures, statistics } from "~/services/transparency/statistics.server";
import { complaintFields, filingFields, filingInput, staffAccount } from "../support/factories";

const at = (iso: string) => new Date(iso);
const answer = { action: "answer" as const, note: "Đã kiểm tra và trả lời.", signedBy: "Chủ tịch UBND" };

async function snapshot() {
  return {
    figures: await queryRows(sql`SELECT * FROM figure_counts ORDER BY dim, day, key`),
    statuses: await queryRows(sql`SELECT * FROM status_counts WHERE n <> 0 ORDER BY status`),
    search: await queryRows(sql`SELECT rowid FROM cases_search WHERE cases_search MATCH 'search_text : "lan chiem"' ORDER BY rowid`),
  };
}

describe("derived data kept in the write's transaction", () => {
  it("equals a full recount after filings, transfers, answers, ratings, a contest, a refusal, a withdrawal and a reopening", async () => {
    const hong = await staffAccount("commune_leader", "xuan-hong");
    const bac = await staffAccount("commune_leader", "xuan-bac");
    const district = await staffAccount("district_staff", DISTRICT_ID);
    const file = async (fields: Record<string, string>, when: string) => fileCase(await filingInput(fields), [], { language: "vi", now: at(when) });

    const contested = await file(complaintFields({ publishConsent: "on", commune: "xuan-hong", title: "Lấn chiếm đất bồi thường" }), "2026-10-05T02:00:00Z");
    await performStaffAction(hong, contested.code, { action: "accept" }, "t", at("2026-10-06T02:00:00Z"));
    await performStaffAction(hong, contested.code, answer, "t", at("2026-10-20T02:00:00Z"));
    await residentStep(contested.caseId, { step: "rate", score: 4, comment: "" }, at("2026-10-21T02:00:00Z"));
    await residentStep(contested.caseId, { step: "contest", reason: "Chưa thỏa đáng." }, at("2026-10-25T02:00:00Z"));
    await performStaffAction(district, contested.code, answer, "t", at("2026-11-20T02:00:00Z"));
    await residentStep(contested.caseId, { step: "rate", score: 2, comment: "" }, at("2026-11-21T02:00:00Z"));

    // Transferred from one commune to another and back: received once per unit, accepted by the second.
    const moved = await file(filingFields({ commune: "xuan-hong", title: "Lan chiem loi di chung" }), "2026-10-07T03:00:00Z");
    await performStaffAction(hong, moved.code, { action: "transfer", toCommuneId: "xuan-bac", note: "Thuộc xã Xuân Bắc." }, "t", at("2026-10-08T03:00:00Z"));
    await performStaffAction(bac, moved.code, { action: "transfer", toCommuneId: "xuan-hong", note: "Trả lại." }, "t", at("2026-10-09T03:00:00Z"));
    await performStaffAction(hong, moved.code, { action: "accept" }, "t", at("2026-10-10T03:00:00Z"));
    await performStaffAction(hong, moved.code, answer, "t", at("2026-11-30T03:00:00Z"));
    await performStaffAction(hong, moved.code, { action: "close", note: "Người dân không trả lời sau khi được trả lời." }, "t", at("2026-11-30T04:00:00Z"));
    await performStaffAction(hong, moved.code, { action: "reopen", note: "Trả lời chưa đủ." }, "t", at("2026-12-01T03:00:00Z"));
    await performStaffAction(hong, moved.code, { action: "accept" }, "t", at("2026-12-01T04:00:00Z"));
    await performStaffAction(hong, moved.code, answer, "t", at("2026-12-02T03:00:00Z"));

    const refused = await file(filingFields({ commune: "xuan-bac", title: "Cây đổ chắn đường", description: "Cây đổ từ hôm qua." }), "2026-10-11T03:00:00Z");
    await performStaffAction(
      bac,
      refused.code,
      { action: "refuse", reason: "not_competent", note: "Không thuộc thẩm quyền." },
      "t",
      at("2026-10-12T03:00:00Z"),
    );
    await performStaffAction(bac, refused.code, { action: "reopen", note: "Nhầm." }, "t", at("2026-10-12T04:00:00Z"));
    await performStaffAction(bac, refused.code, { action: "accept" }, "t", at("2026-10-12T05:00:00Z"));
    const withdrawn = await file(filingFields({ commune: "xuan-bac", title: "Đèn đường hỏng", description: "Đèn không sáng." }), "2026-10-13T03:00:00Z");
    await residentStep(withdrawn.caseId, { step: "withdraw", reason: "" }, at("2026-10-14T03:00:00Z"));
    const open = await file(filingFields({ commune: "xuan-bac", title: "Đường điện hạ thế", description: "Dây điện võng thấp." }), "2026-10-15T03:00:00Z");
    await performStaffAction(bac, open.code, { action: "request_info", note: "Bổ sung ảnh." }, "t", at("2026-10-16T03:00:00Z"));

    const kept = await snapshot();
    expect(kept.figures.length).toBeGreaterThan(0);
    expect(kept.search.length).toBe(2);
    await transaction((tx) => rebuildDerivedData(tx));
    expect(await snapshot()).toEqual(kept);

    const figures = await statistics({ from: "2026-10-01", to: "2026-10-31" }, "commune", at("2026-12-03T03:00:00Z"));
    expect(figures.total).toMatchObject({ received: 5, accepted: 3, answered: 4, ratings: 2, satisfaction: 3 });
    expect(figures.rows.find((r) => r.key === "xuan-bac")).toMatchObject({ received: 4, accepted: 1, answered: 0 });
    expect(figures.rows.find((r) => r.key === "xuan-hong")).toMatchObject({ received: 2, accepted: 2, answered: 3 });
    expect(await homeFigures()).toEqual({ received: 5, open: 2, answered: 2 });
    // The overdue board counts the running clocks (open, not paused): the information request paused one.
    const board = await deadlineBoard(district, at("2026-12-03T03:00:00Z"));
    expect(board.map((r) => ({ unit: r.communeId, open: r.open, overdue: r.overdue }))).toEqual([{ unit: "xuan-bac", open: 1, overdue: 1 }]);
    // The trigram index finds words in any order, with or without diacritics, and words shorter than three letters.
    expect((await listCases(district, { q: "chiem LẤN" })).rows.map((r) => r.code).sort()).toEqual([contested.code, moved.code].sort());
    expect((await listCases(district, { q: "cay do" })).rows.map((r) => r.code)).toEqual([refused.code]);
    expect((await listCases(district, { q: "ha the" })).rows.map((r) => r.code)).toEqual([open.code]);
  });
});
