// The public register and statistics against a real SQLite file, and as the portal renders them.
import "../support/database";
import { describe, expect, it } from "vitest";
import { vnDate } from "~/domain/dates";
import { fileCase } from "~/services/cases/filing.server";
import { residentStep } from "~/services/cases/resident-steps.server";
import { sqliteClient } from "~/services/platform/database.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { registerPage } from "~/services/transparency/register.server";
import { statistics } from "~/services/transparency/statistics.server";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { filingFields, filingInput, formData, staffAccount } from "../support/factories";
import { signInClient, usePortal } from "../support/portal-fixture";

// One demo portal for the two blocks that read the figures through it (the service-level blocks use this process's
// own database and never touch it).
const fixture = usePortal({ demo: true, db: "readonly" });

const PRIVATE = { fullName: "Lý Thị Riêng Tư", phone: "0966 123 456", email: "rieng.tu@example.vn", address: "Số 7 ngõ Kín, xóm 4" };

describe("statistics equal counts computed directly from the cases", () => {
  it("per commune and per category, for the period, with on-time answers, overdue, average days and satisfaction", async () => {
    const bac = await staffAccount("commune_official", "xuan-bac");
    const hong = await staffAccount("commune_official", "xuan-hong");
    const t0 = new Date("2026-10-05T02:00:00Z");
    const make = async (fields: Record<string, string>, when: Date) => fileCase(await filingInput(filingFields(fields)), [], { language: "vi", now: when });
    const a = await make({ commune: "xuan-bac", category: "land" }, t0);
    const b = await make({ commune: "xuan-bac", category: "construction" }, t0);
    const c = await make({ commune: "xuan-hong", category: "land" }, t0);
    await make({ commune: "xuan-hong", category: "other" }, new Date("2026-10-06T02:00:00Z"));
    await make({ commune: "xuan-bac", category: "land" }, new Date("2026-09-01T02:00:00Z")); // outside the period

    // a: accepted and answered on time; b: accepted, answered late; c: accepted only (overdue by November).
    await performStaffAction(bac, a.code, { action: "accept" }, "t", new Date("2026-10-06T02:00:00Z"));
    await performStaffAction(bac, a.code, { action: "answer", note: "Trả lời.", signedBy: "Công chức địa chính" }, "t", new Date("2026-10-12T02:00:00Z"));
    await performStaffAction(bac, b.code, { action: "accept" }, "t", new Date("2026-10-06T02:00:00Z"));
    await performStaffAction(bac, b.code, { action: "answer", note: "Trả lời muộn.", signedBy: "Công chức địa chính" }, "t", new Date("2026-11-20T02:00:00Z"));
    await performStaffAction(hong, c.code, { action: "accept" }, "t", new Date("2026-10-06T02:00:00Z"));
    await residentStep(a.caseId, { step: "rate", score: 5, comment: "" });
    await residentStep(b.caseId, { step: "rate", score: 2, comment: "" });

    const period = { from: "2026-10-01", to: "2026-10-31" };
    const now = new Date("2026-11-25T03:00:00Z");
    const byCommune = await statistics(period, "commune", now);
    const byCategory = await statistics(period, "category", now);

    // The same figures, computed independently with plain SQL over the cases.
    const sqlite = sqliteClient();
    const today = vnDate(now);
    const direct = (where: string, ...params: string[]) =>
      sqlite
        .prepare(
          `SELECT count(*) AS received,
                  sum(EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'accepted')) AS accepted,
                  sum(c.answered_at IS NOT NULL) AS answered,
                  sum(c.answered_at IS NOT NULL AND date(c.answered_at, '+7 hours') <= c.answered_due_on) AS onTime,
                  sum(c.status IN ('received','accepted','in_progress','info_requested','contested') AND c.paused_since IS NULL AND c.due_on < ?) AS overdue
           FROM cases c
           WHERE c.received_at >= '2026-09-30T17:00:00.000Z' AND c.received_at < '2026-10-31T17:00:00.000Z' ${where}`,
        )
        .get(today, ...params) as Record<string, number>;
    for (const commune of ["xuan-bac", "xuan-hong"]) {
      const d = direct("AND c.commune_id = ?", commune);
      const row = byCommune.rows.find((r) => r.key === commune)!;
      expect({ received: row.received, accepted: row.accepted, answered: row.answered, onTime: row.answeredOnTime, overdue: row.overdueNow }).toEqual({
        received: d.received,
        accepted: d.accepted,
        answered: d.answered,
        onTime: d.onTime,
        overdue: d.overdue,
      });
    }
    const land = byCategory.rows.find((r) => r.key === "land")!;
    expect(land.received).toBe(direct("AND c.category_code = 'land'").received);
    expect(byCommune.total.received).toBe(direct("").received);
    expect(byCategory.total.received).toBe(byCommune.total.received);

    // And the expected values for this story.
    const xuanBac = byCommune.rows.find((r) => r.key === "xuan-bac")!;
    expect(xuanBac).toMatchObject({ received: 2, accepted: 2, answered: 2, answeredOnTime: 1, satisfaction: 3.5, ratings: 2 });
    expect(byCommune.rows.find((r) => r.key === "xuan-hong")).toMatchObject({ received: 2, accepted: 1, answered: 0, overdueNow: 2 });
    expect(xuanBac.averageDaysToAnswer).toBeCloseTo((7 + 46) / 2, 1);
    expect(byCommune.rows.find((r) => r.key === "xuan-thuy")).toMatchObject({ received: 0, answered: 0 });
  });
});

describe("the register of answered cases", () => {
  it("shows only consented, answered, non-denunciation cases, with contact details removed from the text", async () => {
    const officer = await staffAccount("commune_official", "xuan-ninh");
    const publish = await fileCase(
      await filingInput(
        filingFields({
          commune: "xuan-ninh",
          publishConsent: "on",
          ...PRIVATE,
          title: "Đường làng ngập nước",
          description: `Tôi là ${PRIVATE.fullName}, gọi ${PRIVATE.phone} hoặc ${PRIVATE.email}. CCCD 036185001234. Viết không dấu: Ly Thi Rieng Tu.`,
        }),
      ),
      [],
      { language: "vi" },
    );
    const privateCase = await fileCase(await filingInput(filingFields({ commune: "xuan-ninh", title: "Không công khai" })), [], { language: "vi" });
    for (const c of [publish, privateCase]) {
      await performStaffAction(officer, c.code, { action: "accept" }, "t");
      await performStaffAction(
        officer,
        c.code,
        { action: "answer", note: `Đã liên hệ bà ${PRIVATE.fullName} qua số ${PRIVATE.phone}; xã sẽ nạo vét cống.`, signedBy: "Công chức địa chính" },
        "t",
      );
    }
    const page = await registerPage({ commune: "xuan-ninh" });
    expect(page.rows.map((r) => r.code)).toEqual([publish.code]);
    const json = JSON.stringify(page);
    for (const secret of [PRIVATE.fullName, "Ly Thi Rieng Tu", PRIVATE.phone, "0966123456", PRIVATE.email, PRIVATE.address, "036185001234"]) {
      expect(json).not.toContain(secret);
    }
    expect(page.rows[0].answer).toContain("xã sẽ nạo vét cống");
    expect((await registerPage({ q: "duong lang ngap" })).rows.map((r) => r.code)).toContain(publish.code);
  });
});

describe("as the portal shows them", () => {
  it("/thong-ke draws its charts as SVG on the server, with a title and a description, and a table of the same numbers", async () => {
    const res = await new Client(fixture.url).get("/thong-ke");
    expect(res.status).toBe(200);
    const svgs = res.html.match(/<svg[^>]*role="img"[^>]*>/g) ?? [];
    expect(svgs.length).toBe(2);
    expect(res.html).toMatch(/<title id="chart-communes-title">Hồ sơ đã nhận và đã trả lời theo xã, thị trấn/);
    expect(res.html).toContain('<desc id="chart-communes-desc">');
    expect(visibleText(res.html)).toContain("Tổng cộng");
    expect(visibleText(res.html)).toContain("Xuân Bắc");
  });

  it("/thong-ke shows the reception figures: the demo's two visits, seven people, one group, by outcome", async () => {
    // The demo logs two visits (1 person, then a group of 6) at a session held last week in Xuân Bắc.
    const held = fixture.db.prepare("SELECT s.date FROM reception_sessions s JOIN reception_visits v ON v.session_id = s.id LIMIT 1").pluck().get() as string;
    const res = await new Client(fixture.url).get(`/thong-ke?tu=${held}&den=${held}`);
    const text = visibleText(res.html);
    expect(text).toContain("Tiếp công dân");
    expect(text).toMatch(/Lượt tiếp\s*2\b/);
    expect(text).toMatch(/Số người được tiếp\s*7\b/);
    expect(text).toMatch(/Lượt tiếp đoàn đông người\s*1\b/);
    expect(text).toMatch(/Chuyển đơn đến cơ quan có thẩm quyền\s*1\b/);
    expect(text).toMatch(/Hướng dẫn đến cơ quan có thẩm quyền\s*1\b/);
    // Figures only: the names the log holds never reach the public page.
    expect(text).not.toContain("Phạm Văn Toàn");
  });

  it("/thong-ke/csv gives the same figures", async () => {
    const bytes = Buffer.from(await (await fetch(`${fixture.url}/thong-ke/csv?tu=2026-01-01&den=2026-12-31`)).arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read the Vietnamese as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.split("\r\n")[0]).toBe("Đơn vị,Đã nhận,Đã thụ lý,Đã trả lời,Trả lời đúng hạn,Đang quá hạn,Số ngày trả lời trung bình,Mức hài lòng (1–5)");
    const received = (fixture.db.prepare("SELECT count(*) AS n FROM cases").get() as { n: number }).n;
    const total = csv.split("\r\n").find((l) => l.startsWith("Tổng cộng"))!;
    expect(total.split(",")[1]).toBe(String(received));
  });

  it("on-time reads — where nothing was answered, in the chart and the table, never 0 %", async () => {
    const res = await new Client(fixture.url).get("/thong-ke?tu=2026-03-01&den=2026-03-31");
    expect(res.html).not.toContain(">0%<");
    const start = res.html.indexOf('id="chart-on-time-title"');
    const chart = res.html.slice(start, res.html.indexOf("</svg>", start));
    expect(chart).toContain(">—<");
    expect(visibleText(res.html)).toContain("dòng Tổng cộng đếm mỗi hồ sơ một lần");
  });

  it("/ho-so/<code> shows the stage in force and its due date, with the pause while the resident is asked", async () => {
    const paused = fixture.db.prepare("SELECT code FROM cases WHERE status = 'info_requested' LIMIT 1").get() as { code: string };
    const text = visibleText((await new Client(fixture.url).get(`/ho-so/${paused.code}`)).html);
    expect(text).toMatch(/Giai đoạn hiện tại\s+Xử lý đơn/);
    expect(text).toMatch(/Hạn thụ lý hoặc trả lời việc tiếp nhận\s+\d{2}\/\d{2}\/\d{4}/);
    expect(text).toContain("Tạm dừng tính hạn từ");
  });

  it("an invalid period says so and falls back to the year", async () => {
    const res = await new Client(fixture.url).get("/thong-ke?tu=2026-12-01&den=2026-01-01");
    expect(visibleText(res.html)).toContain("Khoảng thời gian chưa đúng");
  });

  it("/ho-so lists answered cases without personal data and never an attachment", async () => {
    const client = new Client(fixture.url);
    const form = await client.get("/gui-phan-anh");
    await client.post(
      "/gui-phan-anh",
      formData({
        csrf: hiddenValue(form.html, "csrf"),
        idempotencyKey: hiddenValue(form.html, "idempotencyKey"),
        ...filingFields({ ...PRIVATE, publishConsent: "on" }),
      }),
    );
    const res = await client.get("/ho-so");
    expect(res.status).toBe(200);
    for (const secret of Object.values(PRIVATE)) expect(res.html).not.toContain(secret);
    expect(res.html).not.toContain("/tep/");
  });
});

describe("the district's periodic report", () => {
  async function signIn(email: string) {
    return (await signInClient(fixture.portal, email)).client;
  }

  it("district staff get the month, quarter or year as a printable page and a CSV; commune officials do not", async () => {
    const district = await signIn("huyen@demo.dan-biet.vn");
    const month = await district.get("/can-bo/bao-cao?ky=thang&nam=2026&so=2");
    expect(month.status).toBe(200);
    expect(visibleText(month.html)).toContain("Báo cáo Tháng: từ 01/02/2026 đến 28/02/2026");
    const quarter = await district.get("/can-bo/bao-cao?ky=quy&nam=2026&so=4");
    expect(visibleText(quarter.html)).toContain("từ 01/10/2026 đến 31/12/2026");
    const csv = await district.get("/can-bo/bao-cao/csv?ky=nam&nam=2026");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const blocks = csv.html.split("\r\n\r\n");
    expect(blocks.map((b) => b.split(",")[0].replace("\uFEFF", ""))).toEqual(["Đơn vị", "Lĩnh vực", "Loại việc", "Tiếp công dân", "Đơn vị nhận kiến nghị"]);
    expect(csv.html).toContain("Hồ sơ đóng do người dân xác nhận đã giải quyết,");
    expect(csv.html).toContain("Hồ sơ của nhóm đông người (từ 5 người),");

    // The month of the demo's reception session: its visits in the report, with the supervision section.
    const held = fixture.db.prepare("SELECT s.date FROM reception_sessions s JOIN reception_visits v ON v.session_id = s.id LIMIT 1").pluck().get() as string;
    const report = visibleText((await district.get(`/can-bo/bao-cao?ky=thang&nam=${held.slice(0, 4)}&so=${Number(held.slice(5, 7))}`)).html);
    expect(report).toMatch(/Số người được tiếp\s*7\b/);
    expect(report).toContain("Giám sát và kiến nghị");
    expect(report).toContain("Hồ sơ tự đóng vì người dân không phản hồi");
    const monthCsv = await district.get(`/can-bo/bao-cao/csv?ky=thang&nam=${held.slice(0, 4)}&so=${Number(held.slice(5, 7))}`);
    expect(monthCsv.html).toContain("Số người được tiếp,7");
    expect(visibleText((await district.get("/can-bo/bao-cao?ky=quy&nam=2026&so=9")).html)).toContain("Kỳ báo cáo chưa đúng");

    const official = await signIn("canbo.xuan-bac@demo.dan-biet.vn");
    expect((await official.get("/can-bo/bao-cao")).status).toBe(403);
    expect((await official.get("/can-bo/bao-cao/csv?ky=nam&nam=2026")).status).toBe(403);
  });
});
