// End to end in real Chromium against the production build: a resident files, gets a receipt, follows the case.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jpegWithGps } from "../support/factories";
import { describeViolations, launchBrowser, newPage, seriousViolations } from "../support/browser";
import { startPortal, type RunningPortal } from "../support/server";
import { startSmtp } from "../support/smtp";

let portal: RunningPortal;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtp();
  portal = await startPortal({ SMTP_URL: smtp.url });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await smtp?.close();
});

const resident = {
  name: "Phạm Thị Hương",
  phone: "0987 654 321",
  email: "huong.pham@example.vn",
  address: "Xóm 3, xã Xuân Hồng, huyện Xuân Trường",
  idNumber: "036185004321",
};

/** Fills the filing form as a person would: by the visible labels. */
async function fillComplaint(page: Page, options: { withPhoto: boolean }) {
  await page.getByRole("radio", { name: /^Khiếu nại/ }).check();
  await page.getByRole("radio", { name: /^Đất đai/ }).check();
  await page.getByLabel(/^Xã, thị trấn/).selectOption({ label: "Xuân Hồng" });
  await page.getByLabel(/^Địa chỉ hoặc mô tả nơi xảy ra việc/).fill("Thửa số 45, tờ bản đồ số 12, cánh đồng Xóm 3");
  await page.getByLabel(/^Tiêu đề ngắn/).fill("Khiếu nại quyết định thu hồi đất nông nghiệp");
  await page.getByLabel(/^Trình bày sự việc/).fill("Gia đình tôi nhận quyết định thu hồi 300 m² đất lúa nhưng diện tích đo đạc không đúng thực tế.");
  await page.getByLabel(/^Bạn đề nghị cơ quan làm gì/).fill("Đề nghị đo đạc lại và điều chỉnh quyết định.");
  await page.getByLabel(/^Quyết định hoặc hành vi bị khiếu nại/).fill("Quyết định số 123/QĐ-UBND ngày 05/11/2026 về thu hồi đất");
  await page.getByLabel(/^Cơ quan, người ra quyết định/).fill("UBND xã Xuân Hồng");
  await page.getByLabel(/^Ngày bạn biết quyết định/).fill("2026-11-10");
  if (options.withPhoto) {
    await page.getByLabel(/^Chọn tệp/).setInputFiles({ name: "thua-dat.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps() });
  }
  await page.getByLabel(/^Họ và tên/).fill(resident.name);
  await page.getByLabel(/^Số điện thoại/).fill(resident.phone);
  await page.getByLabel(/^Thư điện tử/).fill(resident.email);
  await page.getByLabel(/^Địa chỉ nơi ở/).fill(resident.address);
  await page.getByLabel(/^Số căn cước/).fill(resident.idNumber);
  await page.getByLabel(/^Tôi đồng ý để cơ quan nhà nước dùng thông tin/).check();
  await page.getByLabel(/^Tôi cam đoan/).check();
}

async function readReceipt(page: Page) {
  await expect.poll(() => page.url()).toMatch(/\/bien-nhan\//);
  await page.getByRole("heading", { name: "Đã nhận hồ sơ của bạn" }).waitFor();
  const text = await page.locator("main").innerText();
  return {
    code: /XT-\d{2}-\d{7}/.exec(text)![0],
    accessKey: /[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}/.exec(text)![0],
    text,
  };
}

let filedCode = "";

describe("a resident files and follows a case", () => {
  it("a resident files a land complaint with a photo, gets the code, and finds it at /tra-cuu", async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${portal.url}/gui-phan-anh`);
    await fillComplaint(page, { withPhoto: true });
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    const receipt = await readReceipt(page);
    filedCode = receipt.code;
    expect(receipt.text).toContain("Xuân Hồng");
    // Complaint: accept within 10 days of receipt (the receipt shows the legal date as dd/mm/yyyy).
    expect(receipt.text).toMatch(/Hạn thụ lý hoặc trả lời việc tiếp nhận\s+\d{2}\/\d{2}\/\d{4}/);
    expect(axeClean(await seriousViolations(page))).toBe("");

    const mail = await smtp.waitForMail((m) => m.to.includes(resident.email));
    expect(mail.subject).toBe(`Dân Biết: đã nhận hồ sơ ${receipt.code}`);

    await page.getByRole("link", { name: "Tra cứu hồ sơ" }).first().click();
    await page.getByLabel(/^Mã hồ sơ/).fill(receipt.code);
    await page.getByLabel(/^Mã truy cập/).fill(receipt.accessKey);
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await page.getByRole("heading", { name: `Hồ sơ ${receipt.code}` }).waitFor();
    const caseText = await page.locator("main").innerText();
    expect(caseText).toContain("Đã tiếp nhận");
    expect(caseText).toContain("Hồ sơ được gửi và tiếp nhận");
    await expect.poll(() => page.getByRole("link", { name: "thua-dat.jpg" }).count()).toBe(1);
    expect(axeClean(await seriousViolations(page))).toBe("");

    // Looked up again in another browser, by code and phone number this time.
    const other = await newPage(browser);
    await other.goto(`${portal.url}/tra-cuu`);
    expect(axeClean(await seriousViolations(other))).toBe("");
    await other.getByLabel(/^Mã hồ sơ/).fill(receipt.code.toLowerCase());
    await other.getByLabel(/^Hoặc số điện thoại/).fill("+84 987 654 321");
    await other.getByRole("button", { name: "Tra cứu" }).click();
    await other.getByRole("heading", { name: `Hồ sơ ${receipt.code}` }).waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  it("the same filing works with JavaScript disabled, and errors keep what was typed", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${portal.url}/gui-phan-anh`);
    await page.getByLabel(/^Tiêu đề ngắn/).fill("Chỉ điền tiêu đề");
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Cần sửa một số mục");
    expect(await summary.getByRole("link").count()).toBeGreaterThan(3);
    expect(await page.getByLabel(/^Tiêu đề ngắn/).inputValue()).toBe("Chỉ điền tiêu đề");
    expect(await page.locator("main").innerText()).toContain("hãy chọn lại ảnh, giấy tờ");

    await fillComplaint(page, { withPhoto: true });
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    const receipt = await readReceipt(page);
    expect(receipt.code).toMatch(/^XT-/);
  }, 60_000);

  it("the public page shows no personal data", async () => {
    expect(filedCode).not.toBe("");
    const page = await newPage(browser);
    await page.goto(`${portal.url}/ho-so/${filedCode}`);
    const html = await page.content();
    const text = await page.locator("body").innerText();
    for (const secret of [resident.name, resident.phone, "0987654321", resident.email, resident.address, resident.idNumber, "thua-dat.jpg"]) {
      expect(html).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("Người gửi không đồng ý công khai nội dung hồ sơ.");
    expect(axeClean(await seriousViolations(page))).toBe("");
  }, 30_000);

  it("the home page, the empty filing page and its error state pass axe", async () => {
    const page = await newPage(browser);
    for (const path of ["/", "/gui-phan-anh"]) {
      await page.goto(`${portal.url}${path}`);
      expect(axeClean(await seriousViolations(page)), path).toBe("");
    }
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    await page.locator(".error-summary").waitFor();
    // The summary takes focus so screen readers announce it.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    expect(axeClean(await seriousViolations(page)), "error state").toBe("");
  }, 30_000);
});

describe("on a 360-pixel phone", () => {
  it("the filing page fits the screen, every control is reachable, and a filing can be completed", async () => {
    const page = await newPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.goto(`${portal.url}/gui-phan-anh`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const tooWide = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, textarea, button")]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => ({ name: (el as HTMLInputElement).name, right: el.getBoundingClientRect().right }))
        .filter((r) => r.right > 360),
    );
    expect(tooWide).toEqual([]);
    const submit = page.getByRole("button", { name: "Gửi hồ sơ" });
    const box = await submit.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);

    // The keyboard reaches the submit button.
    await page.getByLabel(/^Tôi đồng ý công khai/).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Gửi hồ sơ");

    await fillComplaint(page, { withPhoto: false });
    await submit.click();
    await readReceipt(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }, 60_000);
});

function axeClean(violations: Awaited<ReturnType<typeof seriousViolations>>): string {
  return describeViolations(violations);
}
