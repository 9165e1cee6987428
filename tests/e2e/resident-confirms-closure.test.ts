// End to end in real Chromium: the commune answers, the mail asks whether the matter is settled and links to the
// look-up page, where the resident confirms; the public page then says the resident confirmed. axe on the question.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { describeViolations, lookUp, newPage, seriousViolations } from "../support/browser";
import { fileByForm, signInPage, usePortal } from "../support/portal-fixture";
import { filingFields } from "../support/factories";

const fixture = usePortal({ smtp: true, browser: true, demo: true });

async function act(page: Page, action: string, fill?: (panel: ReturnType<Page["locator"]>) => Promise<void>) {
  const panel = page.locator("details.action", { has: page.locator(`summary:text-is("${action}")`) });
  await panel.locator("summary").click();
  if (fill) await fill(panel);
  await panel.getByRole("button", { name: action }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `Đã lưu: ${action}` })
    .waitFor();
}

describe("a resident confirms closure", () => {
  it("from the answer's mail: the look-up page asks, the resident says settled, the public page says so", async () => {
    const { browser, smtp, portal } = fixture;
    const email = "xac.nhan.e2e@example.vn";
    const filed = await fileByForm(portal, filingFields({ commune: "xuan-thanh", email, publishConsent: "on", title: "Cống thoát nước xóm 2 bị tắc" }));

    const leader = await newPage(browser);
    await signInPage(leader, portal, "lanhdao.xuan-thanh@demo.dan-biet.vn");
    await leader.goto(`${portal.url}/can-bo/ho-so/${filed.code}`);
    await act(leader, "Thụ lý");
    await act(leader, "Trả lời", async (p) => {
      await p.getByLabel(/^Văn bản trả lời/).fill("UBND xã đã nạo vét cống thoát nước xóm 2 ngày 01/12/2026.");
      await p.getByLabel(/^Người ký/).fill("Lãnh đạo UBND xã Xuân Thành");
    });

    const mail = await smtp.waitForMail((m) => m.to.includes(email) && m.text.includes("nạo vét cống"));
    expect(mail.text).toContain("Vấn đề của bạn đã được giải quyết chưa?");
    expect(mail.text).toMatch(/tự kết thúc ngày \d{2}\/\d{2}\/\d{4}/);
    const link = /(http\S+\/tra-cuu\?ma=\S+)/.exec(mail.text)![1];
    expect(link).toContain(filed.code);

    const resident = await newPage(browser);
    await lookUp(resident, portal.url, filed.code, { accessKey: filed.accessKey });
    await resident.getByRole("heading", { name: "Vấn đề của bạn đã được giải quyết chưa?" }).waitFor();
    expect(describeViolations(await seriousViolations(resident)), "/tra-cuu/<code> asking").toBe("");
    await resident.getByRole("radio", { name: "Đã giải quyết — kết thúc hồ sơ" }).check();
    await resident.getByRole("button", { name: "Gửi trả lời" }).click();
    await resident.getByRole("status").filter({ hasText: "Đã ghi nhận trả lời của bạn" }).waitFor();
    expect(await resident.locator("main").innerText()).toContain("người dân xác nhận vấn đề đã được giải quyết");

    const visitor = await newPage(browser);
    await visitor.goto(`${portal.url}/ho-so/${filed.code}`);
    expect(await visitor.locator("main").innerText()).toContain("Đã kết thúc — người dân xác nhận vấn đề đã được giải quyết.");
    expect(describeViolations(await seriousViolations(visitor)), "/ho-so/<code> closed").toBe("");
  });
});
