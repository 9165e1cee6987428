// Supervision recommendations on a real SQLite file: a supervisor opens a supervision and issues recommendations,
// the unit answers, the supervisor concludes; overdue ones are mailed once; another commune sees none of it; the
// public list carries no personal data.
import "../support/database";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DISTRICT_ID } from "../../db/data/reference";
import { NotFoundError, ForbiddenError } from "~/domain/errors";
import { openSupervisionSchema } from "~/domain/supervision-forms";
import { read } from "~/services/platform/database.server";
import { escalateOverdueRecommendations } from "~/services/supervision/escalation.server";
import { supervisionFigures } from "~/services/supervision/figures.server";
import { publicSupervisions } from "~/services/supervision/public.server";
import { actOnSupervision, openSupervision, recommendationBoard, staffSupervision, staffSupervisions } from "~/services/supervision/supervision.server";
import { staffAccount } from "../support/factories";

const issued = new Date("2026-11-05T03:00:00Z"); // Thu 5/11/2026, 10:00 in Vietnam: due Fri 20/11

function openForm(fields: Record<string, string>) {
  return openSupervisionSchema.parse({ periodFrom: "2026-10-01", periodTo: "2026-10-31", members: "Trần Văn Bình, Chủ tịch UBMTTQ xã", ...fields });
}

async function recommendationsOf(supervisionId: number) {
  return read().select().from(t.supervisionRecommendations).where(eq(t.supervisionRecommendations.supervisionId, supervisionId));
}

describe("the supervision figures of the periodic report", () => {
  it("count a recommendation issued, answered late and still another overdue, for the unit addressed", async () => {
    const front = await staffAccount("supervisor", DISTRICT_ID);
    const official = await staffAccount("commune_official", "xuan-ninh");
    // A period no other test touches: March 2027.
    const when = new Date("2027-03-01T03:00:00Z");
    const id = await openSupervision(
      { user: front },
      openSupervisionSchema.parse({
        periodFrom: "2027-01-01",
        periodTo: "2027-02-28",
        members: "Trần Văn Bình",
        title: "Giám sát xã Xuân Ninh",
        subjectKind: "theme",
        subjectText: "Kiến nghị tồn đọng",
      }),
      when,
    );
    await actOnSupervision({ user: front }, id, { intent: "recommend", unitId: "xuan-ninh", body: "Trả lời kiến nghị A." }, when);
    await actOnSupervision({ user: front }, id, { intent: "recommend", unitId: "xuan-ninh", body: "Trả lời kiến nghị B." }, when);
    const [first] = await recommendationsOf(id);
    await actOnSupervision(
      { user: official },
      id,
      { intent: "answer", recommendationId: first.id, response: "accepted", reasons: "Đã trả lời.", plan: "" },
      new Date("2027-03-29T03:00:00Z"),
    );
    expect(first.dueOn < "2027-03-29").toBe(true);
    const figures = await supervisionFigures("2027-03-01", "2027-03-31", "2027-04-15");
    expect(figures.rows.find((r) => r.unitId === "xuan-ninh")).toEqual({
      unitId: "xuan-ninh",
      name: "Xuân Ninh",
      issued: 2,
      answered: 1,
      answeredLate: 1,
      settled: 0,
      overdue: 1,
      escalations: 0,
      takeOvers: 0,
    });
    // In May nothing was issued or answered; the unanswered one is still overdue at the month's end.
    expect((await supervisionFigures("2027-05-01", "2027-05-31", "2027-06-01")).rows.find((r) => r.unitId === "xuan-ninh")).toMatchObject({
      issued: 0,
      answered: 0,
      overdue: 1,
    });
  });
});

describe("a supervision with recommendations", () => {
  it("is opened by the commune's Front, answered by the commune, concluded by the Front", async () => {
    const front = await staffAccount("supervisor", "xuan-chau");
    const official = await staffAccount("commune_official", "xuan-chau");
    const id = await openSupervision(
      { user: front },
      openForm({ title: "Bồi thường đường trục xã", subjectKind: "theme", subjectText: "Bồi thường dự án đường trục xã" }),
      issued,
    );
    await actOnSupervision(
      { user: front },
      id,
      { intent: "recommend", unitId: "xuan-chau", body: "Niêm yết đủ phương án bồi thường tại nhà văn hóa xóm." },
      issued,
    );
    const [rec] = await recommendationsOf(id);
    expect(rec).toMatchObject({ unitId: "xuan-chau", issuedOn: "2026-11-05", dueOn: "2026-11-20", state: "open" });

    // A supervisor cannot address a commune outside their own.
    await expect(actOnSupervision({ user: front }, id, { intent: "recommend", unitId: "xuan-bac", body: "x" }, issued)).rejects.toThrow();

    const view = await staffSupervision(official, id, new Date("2026-11-17T03:00:00Z"));
    expect(view.recommendations[0]).toMatchObject({ mayAnswer: true, maySettle: false, countdown: { state: "remaining", workingDays: 3 } });
    await expect(actOnSupervision({ user: official }, id, { intent: "settle", recommendationId: rec.id, settled: "yes", note: "" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    await actOnSupervision(
      { user: official },
      id,
      { intent: "answer", recommendationId: rec.id, response: "partly", reasons: "Đã niêm yết tại UBND xã.", plan: "Niêm yết thêm tại xóm trước 30/11." },
      new Date("2026-11-18T03:00:00Z"),
    );
    await expect(
      actOnSupervision({ user: official }, id, { intent: "answer", recommendationId: rec.id, response: "accepted", reasons: "Lần hai", plan: "" }),
    ).rejects.toThrow("supervision.error.alreadyAnswered");
    await actOnSupervision(
      { user: front },
      id,
      { intent: "settle", recommendationId: rec.id, settled: "yes", note: "Đã kiểm tra tại xóm." },
      new Date("2026-12-01T03:00:00Z"),
    );
    expect((await recommendationsOf(id))[0]).toMatchObject({ state: "settled", response: "partly", answeredOn: "2026-11-18" });

    const actions = (await read().select().from(t.auditLog).where(eq(t.auditLog.targetType, "recommendation")))
      .filter((a) => a.targetId === String(rec.id))
      .map((a) => a.action);
    expect(actions).toEqual(["supervision.recommended", "supervision.answered", "supervision.concluded"]);
  });

  it("answered late: reaches the commune's leader and the district once, and shows as answered late", async () => {
    const front = await staffAccount("supervisor", DISTRICT_ID);
    const leader = await staffAccount("commune_leader", "xuan-hong");
    const district = await staffAccount("district_staff", DISTRICT_ID);
    const official = await staffAccount("commune_official", "xuan-hong");
    const otherLeader = await staffAccount("commune_leader", "xuan-ninh");
    const id = await openSupervision(
      { user: front },
      openForm({ title: "Giám sát giải quyết kiến nghị xã Xuân Hồng", subjectKind: "theme", subjectText: "Giải quyết kiến nghị" }),
      issued,
    );
    await actOnSupervision({ user: front }, id, { intent: "recommend", unitId: "xuan-hong", body: "Trả lời các kiến nghị tồn đọng." }, issued);
    const [rec] = await recommendationsOf(id);

    // Due Fri 20/11: nothing is sent on the due date, the mail goes on the first day past it, once.
    await escalateOverdueRecommendations(new Date("2026-11-20T03:00:00Z"));
    expect((await recommendationsOf(id))[0].escalatedOn).toBeNull();
    const morning = new Date("2026-11-21T01:00:00Z");
    expect(await escalateOverdueRecommendations(morning)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueRecommendations(new Date("2026-11-23T01:00:00Z"))).toBe(0);
    const mailTo = async (email: string) =>
      read()
        .select()
        .from(t.outbox)
        .where(and(eq(t.outbox.toAddress, email)));
    expect(await mailTo(leader.email)).toHaveLength(1);
    expect((await mailTo(leader.email))[0].textBody).toContain("Giám sát giải quyết kiến nghị xã Xuân Hồng");
    expect((await mailTo(leader.email))[0].textBody).toContain("20/11/2026");
    expect((await mailTo(district.email)).some((m) => m.textBody.includes("Xuân Hồng"))).toBe(true);
    expect(await mailTo(otherLeader.email)).toHaveLength(0);
    expect((await mailTo(official.email)).length).toBe(0);

    const boardBefore = await recommendationBoard(district, new Date("2026-11-24T03:00:00Z"));
    expect(boardBefore.find((r) => r.unitId === "xuan-hong")).toMatchObject({ overdue: 1 });

    await actOnSupervision(
      { user: leader },
      id,
      { intent: "answer", recommendationId: rec.id, response: "accepted", reasons: "Đã trả lời 12 kiến nghị.", plan: "" },
      new Date("2026-11-25T03:00:00Z"),
    );
    const view = await staffSupervision(district, id, new Date("2026-11-26T03:00:00Z"));
    // Due Fri 20/11, answered Wed 25/11: Mon, Tue, Wed late.
    expect(view.recommendations[0]).toMatchObject({ state: "answered", late: true, daysLate: 3 });
    const board = await recommendationBoard(district, new Date("2026-11-26T03:00:00Z"));
    expect(board.find((r) => r.unitId === "xuan-hong")).toMatchObject({ overdue: 0, answered: 1, late: 1 });
    const published = (await publicSupervisions(new Date("2026-11-26T03:00:00Z"))).find((s) => s.id === id)!;
    expect(published.recommendations[0]).toMatchObject({ late: true, response: "accepted", column: "answered" });
    const escalations = await read()
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, "supervision.escalated"), eq(t.auditLog.targetId, String(rec.id))));
    expect(escalations).toHaveLength(1);
  });

  it("is invisible to another commune's officials", async () => {
    const front = await staffAccount("supervisor", "xuan-trung");
    const own = await staffAccount("commune_official", "xuan-trung");
    const other = await staffAccount("commune_official", "xuan-phuong");
    const otherLeader = await staffAccount("commune_leader", "xuan-phuong");
    const id = await openSupervision(
      { user: front },
      openForm({ title: "Giám sát xã Xuân Trung", subjectKind: "theme", subjectText: "Trật tự xây dựng" }),
      issued,
    );
    await actOnSupervision({ user: front }, id, { intent: "recommend", unitId: "xuan-trung", body: "Xử lý công trình lấn chiếm." }, issued);
    const [rec] = await recommendationsOf(id);

    await expect(staffSupervision(other, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(staffSupervision(otherLeader, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await staffSupervisions(other)).map((s) => s.id)).not.toContain(id);
    expect((await recommendationBoard(other)).map((r) => r.unitId)).not.toContain("xuan-trung");
    await expect(
      actOnSupervision({ user: otherLeader }, id, { intent: "answer", recommendationId: rec.id, response: "accepted", reasons: "x", plan: "" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await staffSupervisions(own)).map((s) => s.id)).toContain(id);
  });

  it("is listed publicly without members' names, ID numbers or phone numbers", async () => {
    const front = await staffAccount("supervisor", DISTRICT_ID);
    const id = await openSupervision(
      { user: front },
      openForm({
        title: "Giám sát bồi thường xóm 3",
        subjectKind: "theme",
        subjectText: "Bồi thường xóm 3",
        members: "Phạm Thị Hoa, Ủy viên",
        findings: "Hộ ông có CCCD 036080001234, điện thoại 0912 345 678, chưa được niêm yết thửa đất số 215.",
      }),
      issued,
    );
    const published = (await publicSupervisions()).find((s) => s.id === id)!;
    const text = JSON.stringify(published);
    expect(published.findings).toContain("chưa được niêm yết");
    expect(text).not.toContain("036080001234");
    expect(text).not.toContain("0912 345 678");
    expect(text).not.toContain("215");
    expect(text).not.toContain("Phạm Thị Hoa");
  });
});

describe("social criticism of a draft in consultation", () => {
  const vn = (s: string) => new Date(`${s}+07:00`);
  it("must be answered by the unit before the final version is published; both are public", async () => {
    const { createDraft, publish, openConsultation, closeConsultation, newVersion } = await import("~/services/disclosures/lifecycle.server");
    const { publicDisclosure } = await import("~/services/disclosures/reading.server");
    const { publicCritiques } = await import("~/services/supervision/supervision.server");
    const leader = await staffAccount("commune_leader", "xuan-ngoc");
    const front = await staffAccount("supervisor", "xuan-ngoc");
    const otherFront = await staffAccount("supervisor", "xuan-tien");
    const id = await createDraft(
      leader,
      {
        typeCode: "investment_project",
        communeId: "xuan-ngoc",
        title: "Dự án chợ xã Xuân Ngọc",
        summary: "Chợ 2.000 m².",
        body: "Quy mô 2.000 m².",
        keyFigures: [],
      },
      "t",
    );
    await publish(leader, id, { from: "2026-12-03", to: "2027-01-01" }, "t", vn("2026-12-02T09:00:00"));
    const supervisionId = await openSupervision(
      { user: front },
      openForm({ title: "Phản biện dự án chợ", subjectKind: "disclosure", disclosureId: String(id), periodFrom: "2026-12-01", periodTo: "2026-12-31" }),
      vn("2026-12-02T09:30:00"),
    );
    // Not before the consultation opens.
    await expect(actOnSupervision({ user: front }, supervisionId, { intent: "critique", critique: "Sớm quá" }, vn("2026-12-02T09:40:00"))).rejects.toThrow(
      "supervision.error.notInConsultation",
    );
    await openConsultation(
      leader,
      id,
      { from: vn("2026-12-03T07:00:00").toISOString(), to: vn("2027-01-01T17:00:00").toISOString() },
      "t",
      vn("2026-12-02T10:00:00"),
    );
    await expect(
      actOnSupervision({ user: otherFront }, supervisionId, { intent: "critique", critique: "Không phải xã mình" }, vn("2026-12-04T09:00:00")),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await actOnSupervision(
      { user: front },
      supervisionId,
      { intent: "critique", critique: "Vị trí chợ sát trường học; đề nghị đánh giá an toàn giao thông và lấy ý kiến phụ huynh." },
      vn("2026-12-04T09:00:00"),
    );
    await closeConsultation(leader, id, { summary: "", reason: "Đủ ý kiến" }, "t", vn("2026-12-20T09:00:00"));
    const v2 = await newVersion(leader, id, "t", vn("2026-12-21T09:00:00"));
    await expect(
      publish(leader, v2, { from: "2026-12-22", to: "2027-01-21", versionReason: "Tiếp thu ý kiến" }, "t", vn("2026-12-21T10:00:00")),
    ).rejects.toThrow("supervision.error.critiqueUnanswered");

    const view = await staffSupervision(leader, supervisionId);
    expect(view.critiques[0]).toMatchObject({ mayAnswer: true, answer: null });
    await actOnSupervision(
      { user: leader },
      supervisionId,
      { intent: "answer_critique", critiqueId: view.critiques[0].id, critiqueAnswer: "Tiếp thu: bổ sung làn giảm tốc và lối đi riêng cho học sinh." },
      vn("2026-12-21T11:00:00"),
    );
    await publish(leader, v2, { from: "2026-12-22", to: "2027-01-21", versionReason: "Tiếp thu ý kiến" }, "t", vn("2026-12-21T12:00:00"));
    const published = (await publicDisclosure((await read().select().from(t.disclosures).where(eq(t.disclosures.id, v2)))[0].slug))!;
    const critiques = await publicCritiques([published.id, published.previousId!]);
    expect(critiques).toMatchObject([{ body: expect.stringContaining("an toàn giao thông"), answer: expect.stringContaining("làn giảm tốc") }]);
    const audited = (
      await read()
        .select()
        .from(t.auditLog)
        .where(eq(t.auditLog.targetId, String(id)))
    ).map((a) => a.action);
    expect(audited).toEqual(expect.arrayContaining(["supervision.critique_filed", "supervision.critique_answered"]));
  });
});
