// Public disclosures and consultations against a real SQLite file.
import "../support/database";
import type { DisclosureTypeCode } from "~/domain/disclosure";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { read } from "~/services/platform/database.server";
import { addComment, hideComment, replyToComment } from "~/services/disclosures/comments.server";
import {
  closeConsultation,
  createDraft,
  type DraftInput,
  newVersion,
  openConsultation,
  publish,
  updateDraft,
  withdraw,
} from "~/services/disclosures/lifecycle.server";
import { confirmSubscription, subscribe, unsubscribe } from "~/services/disclosures/subscriptions.server";
import { COMMENT_PAGE_SIZE, DISCLOSURE_PAGE_SIZE, feedEntries, publicDisclosure, publicList, staffList } from "~/services/disclosures/reading.server";
import { ForbiddenError } from "~/domain/errors";
import { staffAccount } from "../support/factories";
import { addDays, vnDate } from "~/domain/dates";
import { PLAN_TEMPLATE_HEADER } from "~/domain/plan-table";
import type { StaffUser } from "~/domain/permissions";
import { importPlanTable } from "~/services/disclosures/plan-table.server";
import { saveDisclosureType } from "~/services/admin/admin.server";

const plan = {
  typeCode: "compensation_plan" as const,
  communeId: "xuan-hong",
  title: "Phương án bồi thường dự án đường trục xã Xuân Hồng",
  summary: "Dự thảo phương án bồi thường, hỗ trợ cho 42 hộ có đất bị thu hồi.",
  body: "Căn cứ Luật Đất đai 2024…",
  keyFigures: [
    { label: "Số hộ bị ảnh hưởng", value: "42" },
    { label: "Tổng kinh phí", value: "12,5 tỷ đồng" },
  ],
};

/** Published on the first day of its posting period, as the law requires (the suite runs on any date). */
const publishedOn = (day: string) => new Date(`${day}T00:30:00+07:00`);
async function leaderOf(commune: string) {
  return staffAccount("commune_leader", commune);
}

/** A draft; a compensation plan gets its one-row table, which it needs before it may be published. */
async function draft(user: StaffUser, input: DraftInput): Promise<number> {
  const id = await createDraft(user, input, "t");
  if (input.typeCode === "compensation_plan")
    await importPlanTable(user, id, `${PLAN_TEMPLATE_HEADER}\n1,Nguyễn Văn An,Xóm 3,112,8,Đất trồng lúa,100,1000,100000,0,0,100000,Không`, "t");
  return id;
}

async function row(id: number) {
  return (await read().select().from(t.disclosures).where(eq(t.disclosures.id, id)))[0];
}

describe("publishing", () => {
  it("refuses a posting period shorter than the legal minimum (30 days) and accepts exactly 30", async () => {
    const leader = await leaderOf("xuan-hong");
    const id = await draft(leader, plan);
    await expect(publish(leader, id, { from: "2026-11-25", to: "2026-12-23" }, "t", publishedOn("2026-11-25"))).rejects.toThrow("error.postingTooShort:30");
    await expect(publish(leader, id, { from: "2026-11-25", to: "2026-11-20" }, "t", publishedOn("2026-11-25"))).rejects.toThrow("error.postingOrder");
    expect((await row(id)).status).toBe("draft");
    await publish(leader, id, { from: "2026-11-25", to: "2026-12-24" }, "t", publishedOn("2026-11-25"));
    expect(await row(id)).toMatchObject({ status: "published", postingFrom: "2026-11-25", postingTo: "2026-12-24" });
    expect((await publicList({ commune: "xuan-hong" })).rows.map((r) => r.id)).toContain(id);
  });

  it("the legal minimum is data an administrator corrects, with its legal basis; publishing follows it", async () => {
    const adminUser = await staffAccount("admin", "huyen-xuan-truong");
    const leader = await leaderOf("xuan-hong");
    await saveDisclosureType(
      adminUser,
      { code: "budget", minPostingDays: 45, consultation: false, publishNames: false, source: "Quy định thử nghiệm: niêm yết 45 ngày" },
      "t",
    );
    try {
      const id = await draft(leader, { ...plan, typeCode: "budget", title: "Quyết toán ngân sách 2026" });
      await expect(publish(leader, id, { from: "2026-12-01", to: "2026-12-30" }, "t", publishedOn("2026-12-01"))).rejects.toThrow("error.postingTooShort:45");
      await publish(leader, id, { from: "2026-12-01", to: "2027-01-14" }, "t", publishedOn("2026-12-01"));
      expect((await row(id)).status).toBe("published");
      const audit = (await read().select().from(t.auditLog).where(eq(t.auditLog.action, "disclosure_type.updated"))).at(-1)!;
      expect(audit).toMatchObject({
        userId: adminUser.id,
        targetId: "budget",
        details: { minPostingDays: 45, source: "Quy định thử nghiệm: niêm yết 45 ngày" },
      });
      await expect(
        saveDisclosureType(
          adminUser,
          { code: "khong-co" as DisclosureTypeCode, minPostingDays: 30, consultation: false, publishNames: false, source: "x" },
          "t",
        ),
      ).rejects.toThrow();
    } finally {
      await saveDisclosureType(
        adminUser,
        { code: "budget", minPostingDays: 30, consultation: false, publishNames: false, source: "Luật Tiếp cận thông tin 2016, Điều 21(2)" },
        "t",
      );
    }
  });

  it("drafts are never public; only the commune's leader or the district may publish", async () => {
    const leader = await leaderOf("xuan-hong");
    const id = await draft(leader, plan);
    expect(await publicDisclosure((await row(id)).slug)).toBeNull();
    const otherLeader = await leaderOf("xuan-bac");
    const official = await staffAccount("commune_official", "xuan-hong");
    await expect(publish(otherLeader, id, { from: "2026-11-25", to: "2026-12-31" }, "t", publishedOn("2026-11-25"))).rejects.toThrow(ForbiddenError);
    await expect(publish(official, id, { from: "2026-11-25", to: "2026-12-31" }, "t", publishedOn("2026-11-25"))).rejects.toThrow(ForbiddenError);
    await expect(createDraft(otherLeader, plan, "t")).rejects.toThrow("disclosure.error.forbidden");
    const district = await staffAccount("district_staff", "huyen-xuan-truong");
    await publish(district, id, { from: "2026-11-25", to: "2026-12-31" }, "t", publishedOn("2026-11-25"));
    expect((await row(id)).status).toBe("published");
  });

  it("a withdrawn disclosure stays visible with its reason", async () => {
    const leader = await leaderOf("xuan-hong");
    const id = await draft(leader, { ...plan, typeCode: "budget", title: "Dự toán ngân sách xã 2027" });
    await publish(leader, id, { from: "2026-11-25", to: "2026-12-31" }, "t", publishedOn("2026-11-25"));
    await withdraw(leader, id, "Số liệu nhập nhầm, sẽ công khai lại.", "t");
    const view = (await publicDisclosure((await row(id)).slug))!;
    expect(view).toMatchObject({ status: "withdrawn", statusReason: "Số liệu nhập nhầm, sẽ công khai lại." });
  });
});

describe("consultation", () => {
  it("comments are accepted until, and not at, the exact end of the window (Vietnam time)", async () => {
    const leader = await leaderOf("xuan-hong");
    const id = await draft(leader, plan);
    await publish(leader, id, { from: "2026-11-25", to: "2026-12-24" }, "t", publishedOn("2026-11-25"));
    const end = new Date("2026-12-24T17:00:00+07:00");
    await openConsultation(
      leader,
      id,
      { from: new Date("2026-11-25T07:00:00+07:00").toISOString(), to: end.toISOString() },
      "t",
      new Date("2026-11-25T06:00:00+07:00"),
    );
    const slug = (await row(id)).slug;
    const comment = (key: string, at: Date) =>
      addComment(
        slug,
        { body: "Đề nghị xem lại đơn giá đất lúa.", authorName: "Bùi Văn Góp", authorPhone: "0912000999", showName: false, idempotencyKey: key },
        at,
      );
    await comment("k-at-the-start-xxxxxxx", new Date("2026-11-25T07:00:00+07:00"));
    await comment("k-last-second-xxxxxxxx", new Date(end.getTime() - 1000));
    await expect(comment("k-at-the-end-xxxxxxxx", end)).rejects.toThrow("disclosure.error.consultationClosed");
    await expect(
      addComment(
        slug,
        { body: "Sớm quá", authorName: "A", authorPhone: "0912000999", showName: true, idempotencyKey: "k-too-early-xxxxxxxxx" },
        new Date("2026-11-25T06:59:59+07:00"),
      ),
    ).rejects.toThrow("disclosure.error.consultationClosed");
    expect((await publicDisclosure(slug, new Date(end.getTime() - 1000)))!.commentsOpen).toBe(true);
    expect((await publicDisclosure(slug, end))!.commentsOpen).toBe(false);
    expect(await read().select().from(t.disclosureComments).where(eq(t.disclosureComments.disclosureId, id))).toHaveLength(2);
  });

  it("comments show no phone, a name only with consent; officials reply; hiding leaves a trace; the summary is published", async () => {
    const leader = await leaderOf("xuan-hong");
    const official = await staffAccount("commune_official", "xuan-hong");
    const id = await draft(leader, plan);
    const now = new Date();
    // Posted from today, whenever the suite runs, so the window below lies inside the posting.
    await publish(leader, id, { from: vnDate(now), to: addDays(vnDate(now), 29) }, "t");
    // A consultation lasts at least its legal minimum (30 days): to the posting's last day.
    const lastDay = new Date(`${addDays(vnDate(now), 29)}T17:00:00+07:00`);
    await openConsultation(leader, id, { from: now.toISOString(), to: lastDay.toISOString() }, "t", now);
    const slug = (await row(id)).slug;
    await addComment(slug, {
      body: "Giá đền bù thấp hơn giá thị trường.",
      authorName: "Đinh Thị Công Khai",
      authorPhone: "0913111222",
      showName: true,
      idempotencyKey: "c1-xxxxxxxxxxxxxxxx",
    });
    await addComment(slug, {
      body: "Tôi đồng ý với phương án.",
      authorName: "Trương Văn Kín",
      authorPhone: "0913333444",
      showName: false,
      idempotencyKey: "c2-xxxxxxxxxxxxxxxx",
    });
    await addComment(slug, {
      body: "Lời lẽ xúc phạm cán bộ …",
      authorName: "X",
      authorPhone: "0913555666",
      showName: true,
      idempotencyKey: "c3-xxxxxxxxxxxxxxxx",
    });
    await addComment(slug, {
      body: "Lời lẽ xúc phạm cán bộ …",
      authorName: "X",
      authorPhone: "0913555666",
      showName: true,
      idempotencyKey: "c3-xxxxxxxxxxxxxxxx",
    });
    const [c1, , c3] = await read().select().from(t.disclosureComments).where(eq(t.disclosureComments.disclosureId, id));
    await replyToComment(official, c1.id, "Đơn giá theo bảng giá đất của tỉnh năm 2026; xã sẽ đối thoại ngày 10/12.", "t");
    await hideComment(leader, c3.id, "Xúc phạm người khác", "t");
    await expect(hideComment(official, c1.id, "không", "t")).rejects.toThrow(ForbiddenError);

    const view = (await publicDisclosure(slug))!;
    const json = JSON.stringify(view);
    for (const secret of ["0913111222", "0913333444", "0913555666", "Trương Văn Kín", "Lời lẽ xúc phạm"]) expect(json).not.toContain(secret);
    expect(view.comments).toHaveLength(3);
    expect(view.comments[0]).toMatchObject({ author: "Đinh Thị Công Khai", reply: expect.stringContaining("đối thoại") });
    expect(view.comments[1].author).toBeNull();
    expect(view.comments[2]).toMatchObject({ body: null, hiddenReason: "Xúc phạm người khác" });

    await closeConsultation(
      leader,
      id,
      { summary: "Tiếp thu: điều chỉnh đơn giá cho 3 thửa; giải trình các ý kiến còn lại tại buổi đối thoại." },
      "t",
      new Date(lastDay.getTime() + 60_000),
    );
    const closed = (await publicDisclosure(slug))!;
    expect(closed).toMatchObject({ status: "consultation_closed", commentsOpen: false, consultationSummary: expect.stringContaining("Tiếp thu") });
    await expect(
      addComment(slug, { body: "Muộn", authorName: "Y", authorPhone: "0913777888", showName: false, idempotencyKey: "c4-xxxxxxxxxxxxxxxx" }),
    ).rejects.toThrow("disclosure.error.consultationClosed");
  });

  it("the consultation lies within the posting period (Vietnam days)", async () => {
    const leader = await leaderOf("xuan-hong");
    const id = await draft(leader, plan);
    await publish(leader, id, { from: "2026-11-25", to: "2026-12-24" }, "t", publishedOn("2026-11-25"));
    const at = (s: string) => new Date(s).toISOString();
    const openedAt = new Date("2026-11-24T20:00:00+07:00");
    await expect(openConsultation(leader, id, { from: at("2026-11-24T23:59:59+07:00"), to: at("2026-12-01T17:00:00+07:00") }, "t", openedAt)).rejects.toThrow(
      "disclosure.error.consultationOutsidePosting",
    );
    await expect(openConsultation(leader, id, { from: at("2026-11-25T07:00:00+07:00"), to: at("2026-12-25T00:00:01+07:00") }, "t", openedAt)).rejects.toThrow(
      "disclosure.error.consultationOutsidePosting",
    );
    await expect(openConsultation(leader, id, { from: at("2026-12-01T07:00:00+07:00"), to: at("2026-12-01T07:00:00+07:00") }, "t", openedAt)).rejects.toThrow(
      "error.postingOrder",
    );
    expect((await row(id)).status).toBe("published");
    await openConsultation(leader, id, { from: at("2026-11-25T00:00:00+07:00"), to: at("2026-12-25T00:00:00+07:00") }, "t", openedAt);
    expect((await row(id)).status).toBe("consultation_open");
  });

  it("comments come in pages of 50, in the order they were made; the staff list pages too", async () => {
    const leader = await leaderOf("xuan-ngoc");
    const id = await draft(leader, { ...plan, communeId: "xuan-ngoc", typeCode: "investment_project" });
    const now = new Date();
    await publish(leader, id, { from: vnDate(now), to: addDays(vnDate(now), 29) }, "t");
    // A consultation lasts at least its legal minimum (30 days): to the posting's last day.
    const lastDay = new Date(`${addDays(vnDate(now), 29)}T17:00:00+07:00`);
    await openConsultation(leader, id, { from: now.toISOString(), to: lastDay.toISOString() }, "t", now);
    const slug = (await row(id)).slug;
    for (let i = 1; i <= COMMENT_PAGE_SIZE + 5; i++) {
      await addComment(slug, {
        body: `Ý kiến số ${i}`,
        authorName: "Người góp ý",
        authorPhone: "0912000111",
        showName: false,
        idempotencyKey: `page-comment-${i}-xxxxxxxx`,
      });
    }
    const first = (await publicDisclosure(slug))!;
    expect(first.commentPages).toEqual({ page: 1, pages: 2, total: COMMENT_PAGE_SIZE + 5 });
    expect(first.comments).toHaveLength(COMMENT_PAGE_SIZE);
    expect(first.comments[0].body).toBe("Ý kiến số 1");
    const second = (await publicDisclosure(slug, new Date(), 2))!;
    expect(second.comments.map((c) => c.body)).toEqual([51, 52, 53, 54, 55].map((i) => `Ý kiến số ${i}`));
    expect((await publicDisclosure(slug, new Date(), 99))!.commentPages.page).toBe(2);

    for (let i = 0; i < DISCLOSURE_PAGE_SIZE; i++) await draft(leader, { ...plan, communeId: "xuan-ngoc", typeCode: "other", title: `Thông báo ${i}` });
    const list = await staffList(leader);
    expect(list).toMatchObject({ page: 1, pages: 2, total: DISCLOSURE_PAGE_SIZE + 1 });
    expect(list.rows).toHaveLength(DISCLOSURE_PAGE_SIZE);
    expect((await staffList(leader, 2)).rows.map((r) => r.id)).toEqual([id]);
  });

  it("types without consultation cannot open one", async () => {
    const leader = await leaderOf("xuan-hong");
    const id = await draft(leader, { ...plan, typeCode: "budget" });
    await publish(leader, id, { from: "2026-11-25", to: "2026-12-31" }, "t", publishedOn("2026-11-25"));
    await expect(openConsultation(leader, id, { from: new Date().toISOString(), to: new Date(Date.now() + 1e6).toISOString() }, "t")).rejects.toThrow(
      "disclosure.error.noConsultation",
    );
  });
});

describe("versions", () => {
  it("a changed plan is a new version; publishing it supersedes the old one and shows what changed", async () => {
    const leader = await leaderOf("xuan-hong");
    const v1 = await draft(leader, plan);
    await publish(leader, v1, { from: "2026-11-25", to: "2026-12-24" }, "t", publishedOn("2026-11-25"));
    const v2 = await newVersion(leader, v1, "t");
    expect(await newVersion(leader, v1, "t")).toBe(v2);
    await updateDraft(
      leader,
      v2,
      { title: plan.title, summary: plan.summary, body: plan.body, keyFigures: [{ label: "Số hộ bị ảnh hưởng", value: "45" }, plan.keyFigures[1]] },
      "t",
    );
    await publish(leader, v2, { from: "2026-12-01", to: "2026-12-30", versionReason: "Số hộ bị ảnh hưởng tăng lên 45" }, "t", publishedOn("2026-12-01"));
    expect((await row(v1)).status).toBe("superseded");
    const view = (await publicDisclosure((await row(v2)).slug))!;
    expect(view.version).toBe(2);
    expect(view.changes).toEqual([{ field: "keyFigures", before: expect.stringContaining("42"), after: expect.stringContaining("45") }]);
    expect(view.versions.map((v) => v.version)).toEqual([1]);
  });
});

describe("subscriptions", () => {
  it("double opt-in: nothing is sent before confirmation; each publication mails confirmed subscribers with one-click unsubscribe", async () => {
    const leader = await leaderOf("xuan-thanh");
    await subscribe("cho-xac-nhan@example.vn", "xuan-thanh");
    await subscribe("da-xac-nhan@example.vn", "xuan-thanh");
    await subscribe("xa-khac@example.vn", "xuan-bac");
    const confirmMail = (await read().select().from(t.outbox).where(eq(t.outbox.toAddress, "da-xac-nhan@example.vn")))[0];
    const token = /\/cong-khai\/dang-ky\/([A-Za-z0-9_-]+)/.exec(confirmMail.textBody)![1];
    expect(await confirmSubscription(token)).toBe(true);
    expect(await confirmSubscription("khong-dung")).toBe(false);
    const otherMail = (await read().select().from(t.outbox).where(eq(t.outbox.toAddress, "xa-khac@example.vn")))[0];
    await confirmSubscription(/\/cong-khai\/dang-ky\/([A-Za-z0-9_-]+)/.exec(otherMail.textBody)![1]);

    const id = await draft(leader, { ...plan, communeId: "xuan-thanh", title: "Dự án nhà văn hóa xóm 4" });
    await publish(leader, id, { from: "2026-11-25", to: "2026-12-31" }, "t", publishedOn("2026-11-25"));
    const sent = await read().select().from(t.outbox).where(eq(t.outbox.subject, "Dân Biết: Xuân Thành công khai: Dự án nhà văn hóa xóm 4"));
    expect(sent.map((m) => m.toAddress)).toEqual(["da-xac-nhan@example.vn"]);
    const unsubscribeLink = sent[0].headers!["List-Unsubscribe"];
    expect(sent[0].headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const unsubscribeToken = /huy-dang-ky\/([A-Za-z0-9_-]+)>/.exec(unsubscribeLink)![1];
    expect(await unsubscribe(unsubscribeToken)).toBe(true);

    const again = await draft(leader, { ...plan, communeId: "xuan-thanh", title: "Dự án kênh mương" });
    await publish(leader, again, { from: "2026-11-25", to: "2026-12-31" }, "t", publishedOn("2026-11-25"));
    expect(await read().select().from(t.outbox).where(eq(t.outbox.subject, "Dân Biết: Xuân Thành công khai: Dự án kênh mương"))).toHaveLength(0);
  });

  it("the Atom feed lists a unit's public disclosures, newest first", async () => {
    const leader = await leaderOf("xuan-tien");
    const id = await draft(leader, { ...plan, communeId: "xuan-tien", title: "Quy hoạch khu dân cư mới" });
    expect((await feedEntries("xuan-tien")).map((e) => e.id)).not.toContain(id);
    await publish(leader, id, { from: "2026-11-25", to: "2026-12-31" }, "t", publishedOn("2026-11-25"));
    expect((await feedEntries("xuan-tien"))[0]).toMatchObject({ id, title: "Quy hoạch khu dân cư mới" });
    expect((await feedEntries(null)).map((e) => e.id)).toContain(id);
  });
});
