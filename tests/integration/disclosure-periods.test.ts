// Posting and consultation periods that cannot be cheated (issue 8), through the services on a real SQLite file.
import "../support/database";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { addComment } from "~/services/disclosures/comments.server";
import { closeConsultation, createDraft, newVersion, openConsultation, publish } from "~/services/disclosures/lifecycle.server";
import { publicDisclosure, publicList } from "~/services/disclosures/reading.server";
import { householdRow, importPlanTable } from "~/services/disclosures/plan-table.server";
import { PLAN_TEMPLATE_HEADER } from "~/domain/plan-table";
import { decrypt } from "~/services/platform/secrets.server";
import { read } from "~/services/platform/database.server";
import { saveDisclosureType } from "~/services/admin/admin.server";
import { staffAccount } from "../support/factories";

const vn = (s: string) => new Date(`${s}+07:00`);
const project = (communeId: string, title: string) => ({
  typeCode: "investment_project" as const,
  communeId,
  title,
  summary: "Đường bê tông dài 1,2 km.",
  body: "Quy mô: 1,2 km, mặt đường 5 m.",
  keyFigures: [],
});
const row = async (id: number) => (await read().select().from(t.disclosures).where(eq(t.disclosures.id, id)))[0];

describe("publishing a posting period", () => {
  it("refuses 01/10–15/11 published on 02/12, and a start before publication; nothing is published", async () => {
    const leader = await staffAccount("commune_leader", "xuan-phong");
    const id = await createDraft(leader, project("xuan-phong", "Dự án nhà văn hóa xóm 2"), "t");
    const on = vn("2026-12-02T09:00:00");
    await expect(publish(leader, id, { from: "2026-10-01", to: "2026-11-15" }, "t", on)).rejects.toThrow("disclosure.error.postingBeforePublication");
    await expect(publish(leader, id, { from: "2026-12-01", to: "2027-01-15" }, "t", on)).rejects.toThrow("disclosure.error.postingBeforePublication");
    expect((await row(id)).status).toBe("draft");
    await publish(leader, id, { from: "2026-12-02", to: "2026-12-31" }, "t", on);
    expect(await row(id)).toMatchObject({ status: "published", postingFrom: "2026-12-02", postingSignedOn: null });
  });

  it("a re-posted document counts from its signed date, which is recorded and shown; an expired one is still refused", async () => {
    const leader = await staffAccount("commune_leader", "xuan-phong");
    const on = vn("2026-12-02T09:00:00");
    const expired = await createDraft(leader, project("xuan-phong", "Quyết định phê duyệt dự án cũ"), "t");
    await expect(publish(leader, expired, { from: "2026-10-01", to: "2026-11-15", signedOn: "2026-10-01" }, "t", on)).rejects.toThrow(
      "disclosure.error.postingOver",
    );
    const id = await createDraft(leader, project("xuan-phong", "Quyết định phê duyệt dự án đường xóm 5"), "t");
    await publish(leader, id, { from: "2026-11-20", to: "2026-12-19", signedOn: "2026-11-20" }, "t", on);
    const view = (await publicDisclosure((await row(id)).slug, on))!;
    expect(view).toMatchObject({ postingSignedOn: "2026-11-20", postingFrom: "2026-11-20", statusLabel: "dstatus.published" });
  });

  it("the public status follows the real dates: not 'Đang niêm yết' once the period is over", async () => {
    const leader = await staffAccount("commune_leader", "xuan-phong");
    const id = await createDraft(leader, project("xuan-phong", "Dự án kênh mương nội đồng"), "t");
    await publish(leader, id, { from: "2026-10-01", to: "2026-10-30" }, "t", vn("2026-10-01T08:00:00"));
    const slug = (await row(id)).slug;
    expect((await publicDisclosure(slug, vn("2026-10-30T20:00:00")))!.statusLabel).toBe("dstatus.published");
    expect((await publicDisclosure(slug, vn("2026-12-02T09:00:00")))!.statusLabel).toBe("dstatus.posting_ended");
    const listed = (await publicList({ commune: "xuan-phong" }, vn("2026-12-02T09:00:00"))).rows.find((r) => r.id === id)!;
    expect(listed.statusLabel).toBe("dstatus.posting_ended");
  });

  it("a household's own row says the same: the posting is over, not 'Đang niêm yết'", async () => {
    const leader = await staffAccount("commune_leader", "xuan-phong");
    const id = await createDraft(leader, { ...project("xuan-phong", "Phương án bồi thường kênh xóm 1"), typeCode: "compensation_plan" }, "t");
    await importPlanTable(leader, id, `${PLAN_TEMPLATE_HEADER}\n1,Nguyễn Văn An,Xóm 1,12,3,Đất trồng lúa,100,1000,100000,0,0,100000,Không`, "t");
    await publish(leader, id, { from: "2026-10-01", to: "2026-10-30" }, "t", vn("2026-10-01T08:00:00"));
    const sealed = (await read().select().from(t.planRows).where(eq(t.planRows.disclosureId, id)))[0].householdCodeSealed;
    const found = (await householdRow((await row(id)).slug, decrypt("household-code", sealed)!, vn("2026-12-02T09:00:00")))!;
    expect(found.disclosure.statusLabel).toBe("dstatus.posting_ended");
  });
});

describe("a consultation", () => {
  async function consulting(title: string) {
    const leader = await staffAccount("commune_leader", "xuan-kien");
    const id = await createDraft(leader, project("xuan-kien", title), "t");
    await publish(leader, id, { from: "2026-12-03", to: "2027-01-01" }, "t", vn("2026-12-02T09:00:00"));
    return { leader, id, slug: (await row(id)).slug };
  }
  const window = { from: vn("2026-12-03T07:00:00").toISOString(), to: vn("2027-01-01T17:00:00").toISOString() };

  it("lasts at least its legal minimum (data per type), counted from when it opens", async () => {
    const { leader, id } = await consulting("Dự án chợ xã Xuân Kiên");
    await expect(
      openConsultation(leader, id, { from: window.from, to: vn("2026-12-03T17:00:00").toISOString() }, "t", vn("2026-12-02T10:00:00")),
    ).rejects.toThrow("disclosure.error.consultationTooShort:30");
    // Opened late, the announced start does not count: only the days left do.
    await expect(openConsultation(leader, id, window, "t", vn("2026-12-10T10:00:00"))).rejects.toThrow("disclosure.error.consultationTooShort:30");
    expect((await row(id)).status).toBe("published");
    const type = (await read().select().from(t.disclosureTypes).where(eq(t.disclosureTypes.code, "investment_project")))[0];
    expect(type).toMatchObject({ minConsultationDays: 30, consultationSource: expect.stringContaining("Điều 13") });
    await openConsultation(leader, id, window, "t", vn("2026-12-02T10:00:00"));
    expect((await row(id)).status).toBe("consultation_open");
  });

  it("its minimum is data an administrator corrects, with its legal basis; opening follows it", async () => {
    const adminUser = await staffAccount("admin", "huyen-xuan-truong");
    const type = (await read().select().from(t.disclosureTypes).where(eq(t.disclosureTypes.code, "investment_project")))[0];
    await saveDisclosureType(adminUser, { ...type, minConsultationDays: 31, consultationSource: "Quy định thử nghiệm: 31 ngày" }, "t");
    try {
      const { leader, id } = await consulting("Dự án bãi đỗ xe xã");
      await expect(openConsultation(leader, id, window, "t", vn("2026-12-02T10:00:00"))).rejects.toThrow("disclosure.error.consultationTooShort:31");
      const audit = (await read().select().from(t.auditLog).where(eq(t.auditLog.action, "disclosure_type.updated"))).at(-1)!;
      expect(audit.details).toMatchObject({ minConsultationDays: 31, consultationSource: "Quy định thử nghiệm: 31 ngày" });
    } finally {
      await saveDisclosureType(adminUser, type, "t");
    }
  });

  it("before it opens the page says when it will open, not that it is over", async () => {
    const { leader, id, slug } = await consulting("Dự án trường mầm non xóm 1");
    await openConsultation(leader, id, window, "t", vn("2026-12-02T10:00:00"));
    const before = (await publicDisclosure(slug, vn("2026-12-02T11:00:00")))!;
    expect(before).toMatchObject({ consultationPhase: "upcoming", commentsOpen: false, statusLabel: "dstatus.posting_upcoming" });
    const during = (await publicDisclosure(slug, vn("2026-12-03T07:00:00")))!;
    expect(during).toMatchObject({ consultationPhase: "open", commentsOpen: true, statusLabel: "dstatus.consultation_open" });
  });

  it("cannot be closed before it opens, closes early only with a reason shown publicly, and never shows an end before its start", async () => {
    const { leader, id, slug } = await consulting("Dự án cải tạo đường xóm 4");
    await openConsultation(leader, id, window, "t", vn("2026-12-02T10:00:00"));
    await expect(closeConsultation(leader, id, { summary: "" }, "t", vn("2026-12-02T10:05:00"))).rejects.toThrow("disclosure.error.consultationNotStarted");
    await expect(closeConsultation(leader, id, { summary: "" }, "t", vn("2026-12-10T09:00:00"))).rejects.toThrow("disclosure.error.closeEarlyReason");
    expect((await row(id)).status).toBe("consultation_open");
    await closeConsultation(leader, id, { summary: "", reason: "Dự án dừng theo Quyết định 12/QĐ-UBND" }, "t", vn("2026-12-10T09:00:00"));
    const view = (await publicDisclosure(slug, vn("2026-12-11T09:00:00")))!;
    expect(view).toMatchObject({
      status: "consultation_closed",
      consultationPhase: "closed_early",
      consultationCloseReason: "Dự án dừng theo Quyết định 12/QĐ-UBND",
      consultationPeriod: { from: window.from, to: vn("2026-12-10T09:00:00").toISOString(), announcedTo: window.to },
      commentsReceived: 0,
    });
    // The announced end is kept, not overwritten by the closing moment.
    expect((await row(id)).consultationTo).toBe(window.to);
  });

  it("a summary claiming comments when none were received is refused; with comments it is required and shown beside the real count", async () => {
    const empty = await consulting("Dự án nhà văn hóa xóm 6");
    await openConsultation(empty.leader, empty.id, window, "t", vn("2026-12-02T10:00:00"));
    const after = vn("2027-01-02T09:00:00");
    await expect(closeConsultation(empty.leader, empty.id, { summary: "Đã tiếp thu ý kiến của nhiều hộ dân." }, "t", after)).rejects.toThrow(
      "disclosure.error.summaryWithoutComments",
    );
    await closeConsultation(empty.leader, empty.id, { summary: "" }, "t", after);
    expect((await publicDisclosure(empty.slug, after))!).toMatchObject({ consultationPhase: "closed", commentsReceived: 0, consultationSummary: null });

    const heard = await consulting("Dự án nhà văn hóa xóm 7");
    await openConsultation(heard.leader, heard.id, window, "t", vn("2026-12-02T10:00:00"));
    await addComment(
      heard.slug,
      { body: "Đề nghị làm thêm mái che.", authorName: "Lê Văn Góp", authorPhone: "0912000321", showName: false, idempotencyKey: "periods-heard-1-xxxxx" },
      vn("2026-12-05T10:00:00"),
    );
    await expect(closeConsultation(heard.leader, heard.id, { summary: " " }, "t", after)).rejects.toThrow("disclosure.error.summaryRequired");
    await closeConsultation(heard.leader, heard.id, { summary: "Tiếp thu: làm thêm mái che." }, "t", after);
    expect((await publicDisclosure(heard.slug, after))!).toMatchObject({ commentsReceived: 1, consultationSummary: "Tiếp thu: làm thêm mái che." });
  });
});

describe("a new version", () => {
  it("restarts the minimum posting period from its own publication, with its reason, whatever the previous period", async () => {
    const leader = await staffAccount("commune_leader", "xuan-thuy");
    const v1 = await createDraft(leader, project("xuan-thuy", "Dự án đường trục xã Xuân Thủy"), "t");
    await publish(leader, v1, { from: "2026-12-02", to: "2026-12-31" }, "t", vn("2026-12-02T08:00:00"));
    const v2 = await newVersion(leader, v1, "t", vn("2026-12-02T08:05:00"));
    const minutesLater = vn("2026-12-02T08:10:00");
    await expect(publish(leader, v2, { from: "2026-12-02", to: "2026-12-31" }, "t", minutesLater)).rejects.toThrow("disclosure.error.versionReason");
    // Keeping the old period's end would shorten the new version's posting.
    const later = vn("2026-12-09T08:10:00");
    await expect(publish(leader, v2, { from: "2026-12-09", to: "2026-12-31", versionReason: "Đổi hướng tuyến" }, "t", later)).rejects.toThrow(
      "error.postingTooShort:30",
    );
    await expect(publish(leader, v2, { from: "2026-12-02", to: "2027-01-07", versionReason: "Đổi hướng tuyến" }, "t", later)).rejects.toThrow(
      "disclosure.error.postingBeforePublication",
    );
    expect((await row(v1)).status).toBe("published");
    await publish(leader, v2, { from: "2026-12-09", to: "2027-01-07", versionReason: "Đổi hướng tuyến qua xóm 3" }, "t", later);
    expect((await row(v1)).status).toBe("superseded");
    const view = (await publicDisclosure((await row(v2)).slug, later))!;
    expect(view).toMatchObject({ version: 2, postingFrom: "2026-12-09", postingTo: "2027-01-07", versionReason: "Đổi hướng tuyến qua xóm 3" });
  });
});
