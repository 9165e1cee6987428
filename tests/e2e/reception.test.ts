// End to end in Chromium at 360 px without JavaScript: a resident books a place at a reception and gets the mail;
// the commune's official records the visit in the log. axe finds no serious or critical violation on the new pages.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeReport, newAxePage, newPage } from "../support/browser";
import { signInPage, usePortal } from "../support/portal-fixture";

const WIDTH = 360;
const phone = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

// Read-write: the dialogue test moves its date to today, as the running portal's clock cannot be moved.
const fixture = usePortal({ smtp: true, browser: true, demo: true, db: "readwrite" });

function nextSessionId(communeId: string): number {
  return (
    fixture.db
      .prepare("SELECT id FROM reception_sessions WHERE commune_id = ? AND status = 'scheduled' AND date > date('now', '+1 day') ORDER BY date LIMIT 1")
      .get(communeId) as { id: number }
  ).id;
}

async function book(page: Page, email: string): Promise<string> {
  await page.goto(`${fixture.url}/tiep-cong-dan`);
  await page.getByLabel("Đơn vị").selectOption({ label: "Xuân Bắc" });
  await page.getByRole("button", { name: "Lọc" }).click();
  await page
    .getByRole("link", { name: /^Đặt lịch/ })
    .first()
    .click();
  await page.getByRole("heading", { name: "Đặt lịch tiếp công dân" }).waitFor();
  await page.getByLabel(/^Họ và tên/).fill("Ngô Thị Thanh");
  await page.getByLabel(/^Số điện thoại/).fill("0915 222 333");
  await page.getByLabel(/^Thư điện tử/).fill(email);
  await page.getByLabel(/^Nội dung cần trình bày/).fill("Đề nghị xem lại ranh giới thửa đất giáp đường liên xóm.");
  await page.getByRole("button", { name: "Đặt lịch" }).click();
  await page.getByRole("heading", { name: "Giấy xác nhận đặt lịch tiếp công dân" }).waitFor({ timeout: 30_000 });
  return /DL-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/.exec(await page.locator("main").innerText())![0];
}

describe("citizen reception without JavaScript on a 360-pixel phone", () => {
  it("a resident books a slot and gets the mail; the official records the visit from the booking", async () => {
    const resident = await newPage(fixture.browser, { ...phone, javaScriptEnabled: false });
    const code = await book(resident, "thanh.ngo@example.vn");
    const text = await resident.locator("main").innerText();
    expect(text).toContain("Xuân Bắc");
    expect(text).not.toContain("Ngô Thị Thanh");
    const mail = await fixture.smtp.waitForMail((m) => m.to.includes("thanh.ngo@example.vn"));
    expect(mail.text).toContain(code);
    await resident.context().close();

    const official = await newPage(fixture.browser, { ...phone, javaScriptEnabled: false });
    await signInPage(official, fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    await official.getByRole("link", { name: "Tiếp công dân" }).click();
    await official.getByRole("heading", { name: "Tiếp công dân — Cán bộ" }).waitFor();
    await official.goto(`${fixture.url}/can-bo/tiep-cong-dan/phien/${nextSessionId("xuan-bac")}`);
    expect(await official.locator("main").innerText()).toContain("Ngô Thị Thanh");
    await official.getByLabel("Theo lịch đặt").selectOption({ label: `${code} — Ngô Thị Thanh` });
    await official.getByLabel("Loại việc").selectOption({ label: "Kiến nghị" });
    const first = official.getByRole("group", { name: /^Người thứ 1/ });
    await first.getByLabel(/^Họ tên/).fill("Ngô Thị Thanh");
    await first.getByLabel(/^Địa chỉ/).fill("Xóm 4, xã Xuân Bắc");
    await first.getByLabel(/^Số CCCD/).fill("036085004444");
    await official.getByLabel(/^Tóm tắt nội dung/).fill("Đề nghị xem lại ranh giới thửa đất giáp đường liên xóm.");
    await official.getByLabel(/^Kết quả/).selectOption({ label: "Chuyển đơn đến cơ quan có thẩm quyền" });
    await official.getByLabel(/^Cơ quan được hướng dẫn đến/).fill("Văn phòng Đăng ký đất đai chi nhánh Xuân Trường");
    await official.getByRole("button", { name: "Ghi vào sổ" }).click();
    await official.getByRole("status").filter({ hasText: "Đã ghi vào sổ" }).waitFor();
    const log = await official.locator("table.reception-log").innerText();
    expect(log).toContain("Ngô Thị Thanh, Xóm 4, xã Xuân Bắc");
    expect(log).toContain("Văn phòng Đăng ký đất đai chi nhánh Xuân Trường");
    await official.context().close();
  }, 60_000);

  it("an official schedules a dialogue and records its minutes", async () => {
    const code = (fixture.db.prepare("SELECT code FROM cases WHERE commune_id = 'xuan-hong' AND kind_code = 'complaint' LIMIT 1").get() as { code: string })
      .code;
    const official = await newPage(fixture.browser, { ...phone, javaScriptEnabled: false });
    await signInPage(official, fixture.portal, "canbo.xuan-hong@demo.dan-biet.vn");
    await official.goto(`${fixture.url}/can-bo/tiep-cong-dan/ho-so/${code}`);
    const inTenDays = new Date(Date.now() + 10 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const schedule = official.locator("details.action", { has: official.locator("summary", { hasText: "Lên lịch đối thoại" }) });
    await schedule.locator("summary").click();
    await schedule.getByLabel(/^Thời gian/).fill(`${inTenDays}T14:00`);
    await schedule.getByLabel(/^Địa điểm/).fill("Nhà văn hóa xóm 3");
    await schedule.getByLabel(/^Cán bộ tham gia/).fill("Phó Chủ tịch UBND xã");
    await schedule.getByRole("button", { name: "Lên lịch đối thoại" }).click();
    await official.getByRole("status").filter({ hasText: "Đã lưu" }).waitFor();
    fixture.db.prepare("UPDATE dialogues SET starts_at = strftime('%Y-%m-%dT00:01', 'now', '+7 hours') WHERE place = 'Nhà văn hóa xóm 3'").run();
    await official.goto(`${fixture.url}/can-bo/tiep-cong-dan/ho-so/${code}`);
    const minutes = official.locator("details.action", { has: official.locator("summary", { hasText: "Ghi biên bản đối thoại" }) }).last();
    await minutes.locator("summary").click();
    await minutes.getByRole("group").nth(1).getByLabel("Có mặt").check();
    await minutes.getByLabel(/^Ý kiến của các bên/).fill("Hai bên trao đổi về đơn giá bồi thường.");
    await minutes.getByRole("button", { name: "Lưu biên bản" }).click();
    await official.getByRole("status").filter({ hasText: "Đã lưu" }).waitFor();
    expect(await official.locator("main").innerText()).toContain("Hai bên trao đổi về đơn giá bồi thường.");
    await official.context().close();
  }, 60_000);

  it("the public pages fit the screen", async () => {
    const page = await newPage(fixture.browser, phone);
    for (const path of ["/tiep-cong-dan", `/tiep-cong-dan/phien/${nextSessionId("xuan-hong")}`]) {
      await page.goto(`${fixture.url}${path}`);
      const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
      expect(width, path).toBeLessThanOrEqual(WIDTH);
    }
    await page.context().close();
  });
});

describe("no serious or critical accessibility violation on the reception pages", () => {
  it("public: schedule, booking form empty and with errors, confirmation", async () => {
    const page = await newAxePage(fixture.browser);
    await page.goto(`${fixture.url}/tiep-cong-dan`);
    expect(await axeReport(page), "/tiep-cong-dan").toBe("");
    await page.goto(`${fixture.url}/tiep-cong-dan/phien/${nextSessionId("xuan-thuong")}`);
    expect(await axeReport(page), "booking form").toBe("");
    await page.getByRole("button", { name: "Đặt lịch" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await axeReport(page), "booking form with errors").toBe("");
    const code = await book(page, "axe@example.vn");
    expect(await axeReport(page), `/tiep-cong-dan/dat-lich/${code}`).toBe("");
    await page.context().close();
  }, 60_000);

  it("staff: schedule and board, a session with its bookings and log, the period log, assisted filing, group and dialogues", async () => {
    const page = await newAxePage(fixture.browser);
    await signInPage(page, fixture.portal, "huyen@demo.dan-biet.vn");
    await page.goto(`${fixture.url}/can-bo/tiep-cong-dan`);
    expect(await axeReport(page), "/can-bo/tiep-cong-dan").toBe("");
    await page.goto(`${fixture.url}/can-bo/tiep-cong-dan/phien/${nextSessionId("xuan-bac")}`);
    expect(await axeReport(page), "staff session").toBe("");
    await page.goto(`${fixture.url}/can-bo/tiep-cong-dan/so?xa=xuan-bac&tu=2026-01-01&den=2026-12-31`);
    expect(await axeReport(page), "period log").toBe("");
    await page.goto(`${fixture.url}/can-bo/tiep-cong-dan/nop-ho-so`);
    expect(await axeReport(page), "assisted filing").toBe("");
    const code = (fixture.db.prepare("SELECT code FROM cases ORDER BY id LIMIT 1").get() as { code: string }).code;
    await page.goto(`${fixture.url}/can-bo/tiep-cong-dan/ho-so/${code}`);
    expect(await axeReport(page), "group and dialogues").toBe("");
    await page.context().close();
  }, 60_000);
});
