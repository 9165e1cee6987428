import { it } from "vitest";
import { launchBrowser, newPage } from "../support/browser";
import { startPortal } from "../support/server";
it("debug", async () => {
  const portal = await startPortal();
  const browser = await launchBrowser();
  const page = await newPage(browser);
  await page.goto(`${portal.url}/gui-phan-anh`);
  await page.getByLabel(/^Tiêu đề ngắn/).fill("abc");
  await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
  await page.locator(".error-summary").waitFor();
  console.log("before", await page.locator(".error-summary").count(), await page.locator(".field-error").count(), await page.getByLabel(/^Tiêu đề ngắn/).inputValue());
  await page.locator(".error-summary a").nth(3).click();
  await page.waitForTimeout(500);
  console.log("after", page.url(), await page.locator(".error-summary").count(), await page.locator(".field-error").count(), await page.getByLabel(/^Tiêu đề ngắn/).inputValue(), await page.evaluate(() => document.activeElement?.id));
  await browser.close(); await portal.stop();
}, 60000);
