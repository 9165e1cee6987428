// axe-core (WCAG 2.0–2.2 A and AA rules) in real Chromium on every page a resident meets, in the states they
// meet it: empty form, form with errors, receipt, look-up, their case, the public case page, home.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeReport, fillLandComplaint, landComplaintFields, lookUp, newAxePage, readReceipt, type Resident } from "../support/browser";
import { jpegWithGps } from "../support/factories";
import { fileByForm, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ smtp: true, browser: true });
/**
 * One resident's browser (CSP bypassed so axe can be injected), shared so its cache stays warm. No test relies on
 * what an earlier one left in it: each opens its own address and files its own case.
 */
let page: Page;

const resident: Resident = {
  name: "Lê Thị Mai",
  phone: "0978 123 456",
  email: "mai.le@example.vn",
  address: "Xóm 5, xã Xuân Hồng",
  idNumber: "036080001234",
};

beforeAll(async () => {
  page = await newAxePage(fixture.browser);
});

async function open(path: string): Promise<void> {
  const response = await page.goto(`${fixture.url}${path}`);
  expect(response?.status(), path).toBe(200);
}

/**
 * The resident's published land complaint with its photo, filed without a browser: the tests that use it check the
 * pages after the filing (the receipt test files it in the browser).
 */
async function filedComplaint(): Promise<{ code: string; accessKey: string }> {
  return fileByForm(fixture.portal, landComplaintFields({ resident, publish: true }), [{ name: "anh.jpg", bytes: await jpegWithGps(), type: "image/jpeg" }]);
}

describe("no serious or critical accessibility violation", () => {
  it("on the home page", async () => {
    await open("/");
    expect(await axeReport(page), "/").toBe("");
  });

  it("on the statistics page, with its reception figures", async () => {
    await open("/thong-ke");
    expect(await axeReport(page), "/thong-ke").toBe("");
  });

  it("on the filing page, empty", async () => {
    await open("/gui-phan-anh");
    expect(await axeReport(page), "/gui-phan-anh").toBe("");
    // With a complaint and compensation chosen, the parts that appear are checked too.
    await page.getByRole("radio", { name: /^Khiếu nại/ }).check();
    await page.getByRole("radio", { name: /^Bồi thường, hỗ trợ, tái định cư/ }).check();
    await page.getByLabel(/^Quyết định hoặc hành vi bị khiếu nại/).waitFor();
    await page.getByRole("radio", { name: /^UBND huyện hoặc ban quản lý dự án/ }).waitFor();
    expect(await axeReport(page), "/gui-phan-anh with the complaint and compensation parts open").toBe("");
  });

  it("on the filing page after a failed submit", async () => {
    await open("/gui-phan-anh");
    await page.getByRole("radio", { name: /^Khiếu nại/ }).check();
    await page.getByLabel(/^Tiêu đề ngắn/).fill("Thiếu nhiều mục");
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".field-error").count()).toBeGreaterThan(5);
    expect(await axeReport(page), "/gui-phan-anh error state").toBe("");
  });

  it("on the receipt page", async () => {
    await open("/gui-phan-anh");
    await fillLandComplaint(page, { resident, photo: { name: "anh.jpg", buffer: await jpegWithGps() }, publish: true });
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    await readReceipt(page);
    expect(await axeReport(page), "receipt").toBe("");
  }, 30_000);

  it("on the /tra-cuu page", async () => {
    await open("/tra-cuu");
    expect(await axeReport(page), "/tra-cuu").toBe("");
    // And when the look-up fails.
    await page.getByLabel(/^Mã hồ sơ/).fill("XT-26-0000000");
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await axeReport(page), "/tra-cuu error state").toBe("");
  });

  it("on the resident's case page", async () => {
    const filed = await filedComplaint();
    await lookUp(page, fixture.url, filed.code, { accessKey: filed.accessKey });
    await page.getByRole("link", { name: "anh.jpg" }).waitFor();
    expect(await axeReport(page), `/tra-cuu/${filed.code}`).toBe("");
  });

  it("on the public case page", async () => {
    const filed = await filedComplaint();
    await open(`/ho-so/${filed.code}`);
    await page.getByRole("heading", { name: `Hồ sơ ${filed.code}` }).waitFor();
    expect(await axeReport(page), `/ho-so/${filed.code}`).toBe("");
  });
});
