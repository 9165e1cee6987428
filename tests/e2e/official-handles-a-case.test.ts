// End to end in real Chromium: an official handles a resident's case to the end; the district triages.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { describeViolations, newPage, seriousViolations } from "../support/browser";
import { signInPage, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ smtp: true, browser: true, demo: true });

/** Signs in at /can-bo and waits for the inbox. */
function signIn(page: Page, email: string) {
  return signInPage(page, fixture.portal, email);
}

/** Opens an action's panel on the case page, fills it and submits it. */
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

async function fileCase(
  page: Page,
  options: { kind: RegExp; category: RegExp; commune: string; title: string; email?: string },
): Promise<{ code: string; accessKey: string }> {
  await page.goto(`${fixture.url}/gui-phan-anh`);
  await page.getByRole("radio", { name: options.kind }).check();
  await page.getByRole("radio", { name: options.category }).check();
  await page.getByLabel(/^Xã, thị trấn/).selectOption({ label: options.commune });
  await page.getByLabel(/^Địa chỉ hoặc mô tả/).fill("Ngõ 4, xóm 1");
  await page.getByLabel(/^Tiêu đề ngắn/).fill(options.title);
  await page.getByLabel(/^Trình bày sự việc/).fill("Một hộ xây nhà lấn ra đường làng khoảng nửa mét, xe không qua được.");
  await page.getByLabel(/^Bạn đề nghị cơ quan làm gì/).fill("Đề nghị kiểm tra và xử lý.");
  await page.getByLabel(/^Họ và tên/).fill("Đặng Văn Lâm");
  await page.getByLabel(/^Số điện thoại/).fill("0912 000 111");
  if (options.email) await page.getByLabel(/^Thư điện tử/).fill(options.email);
  await page.getByLabel(/^Địa chỉ nơi ở/).fill("Xóm 1");
  await page.getByLabel(/^Tôi đồng ý để cơ quan nhà nước dùng thông tin/).check();
  await page.getByLabel(/^Tôi cam đoan/).check();
  await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
  await page.getByRole("heading", { name: "Đã nhận hồ sơ của bạn" }).waitFor();
  const text = await page.locator("main").innerText();
  return { code: /XT-\d{2}-\d{7}/.exec(text)![0], accessKey: /[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}/.exec(text)![0] };
}

describe("an official handles a resident's case", () => {
  it("accepts, asks for information, gets the answer, answers and closes; the resident is mailed and rates", async () => {
    const { browser, smtp, portal } = fixture;
    const email = "lam.dang@example.vn";
    const resident = await newPage(browser);
    const filed = await fileCase(resident, { kind: /^Phản ánh/, category: /^Xây dựng/, commune: "Xuân Phú", title: "Xây nhà lấn ra đường làng", email });

    const official = await newPage(browser);
    await signIn(official, "canbo.xuan-phu@demo.dan-biet.vn");
    expect(describeViolations(await seriousViolations(official)), "inbox").toBe("");
    await official.getByRole("link", { name: filed.code }).click();
    await official.getByRole("heading", { name: new RegExp(filed.code) }).waitFor();
    expect(describeViolations(await seriousViolations(official)), "case page").toBe("");
    expect(await official.locator("main").innerText()).toContain("Đặng Văn Lâm");

    await act(official, "Thụ lý");
    await smtp.waitForMail((m) => m.to.includes(email) && m.subject === `Dân Biết: hồ sơ ${filed.code} — Hồ sơ được thụ lý`);
    await act(official, "Đề nghị người dân bổ sung", (p) => p.getByLabel(/^Nội dung/).fill("Đề nghị gửi ảnh chụp đoạn đường bị lấn."));
    const askMail = await smtp.waitForMail((m) => m.to.includes(email) && m.subject.includes("bổ sung thông tin"));
    expect(askMail.text).toContain("Đề nghị gửi ảnh chụp đoạn đường bị lấn.");

    // The resident answers at /tra-cuu.
    await resident.goto(`${portal.url}/tra-cuu`);
    await resident.getByLabel(/^Mã hồ sơ/).fill(filed.code);
    await resident.getByLabel(/^Mã truy cập/).fill(filed.accessKey);
    await resident.getByRole("button", { name: "Tra cứu" }).click();
    await resident.getByRole("heading", { name: "Cơ quan đề nghị bạn bổ sung" }).waitFor();
    await resident.getByLabel(/^Nội dung bổ sung/).fill("Tôi đã gửi ảnh cho trưởng xóm; đoạn đường ở ngõ 4.");
    await resident.getByRole("button", { name: "Gửi bổ sung" }).click();
    await resident.getByRole("status").filter({ hasText: "Đã gửi phần bổ sung" }).waitFor();

    await official.reload();
    expect(await official.locator("main").innerText()).toContain("Tôi đã gửi ảnh cho trưởng xóm");
    // Signed for the chairman: the official drafts it, the commune's leader approves it, and only then is it sent.
    await act(official, "Soạn dự thảo trả lời (trình lãnh đạo duyệt)", async (p) => {
      await p.getByLabel(/^Văn bản trả lời/).fill("UBND xã đã kiểm tra thực địa ngày 26/11/2026 và yêu cầu hộ gia đình tháo dỡ phần lấn chiếm trong 15 ngày.");
      await p.getByLabel(/^Người ký/).fill("Nguyễn Văn Hòa, Phó Chủ tịch UBND xã");
    });
    expect(await official.locator("main").innerText()).toContain("Dự thảo đang chờ lãnh đạo duyệt");
    expect(await official.getByRole("button", { name: "Duyệt và gửi" }).count()).toBe(0);
    expect(describeViolations(await seriousViolations(official)), "case page, draft waiting").toBe("");
    const leader = await newPage(browser);
    await signIn(leader, "lanhdao.xuan-phu@demo.dan-biet.vn");
    await leader.goto(`${portal.url}/can-bo/ho-so/${filed.code}`);
    expect(await leader.locator("main").innerText()).toContain("tháo dỡ phần lấn chiếm");
    expect(describeViolations(await seriousViolations(leader)), "case page with a draft").toBe("");
    await leader.getByRole("button", { name: "Duyệt và gửi" }).click();
    await leader.getByRole("status").filter({ hasText: "Đã lưu: Duyệt và gửi" }).waitFor();
    await official.reload();
    const answerMail = await smtp.waitForMail((m) => m.to.includes(email) && m.subject.includes("Đã có văn bản trả lời"));
    expect(answerMail.text).toContain("tháo dỡ phần lấn chiếm");
    await act(official, "Kết thúc hồ sơ", (panel) => panel.getByLabel(/^Lý do/).fill("Hộ gia đình đã tháo dỡ phần lấn chiếm."));
    expect(await official.locator(".summary-list").first().innerText()).toContain("Đã kết thúc");

    // The resident reads the answer and rates it.
    await resident.reload();
    expect(await resident.locator("main").innerText()).toContain("tháo dỡ phần lấn chiếm");
    await resident.getByRole("radio", { name: /^4 — Hài lòng/ }).check();
    await resident.getByLabel(/^Góp ý thêm/).fill("Cảm ơn xã đã xử lý nhanh.");
    await resident.getByRole("button", { name: "Gửi đánh giá" }).click();
    await resident.getByText("Cảm ơn bạn đã đánh giá: 4/5.").waitFor();
    expect(describeViolations(await seriousViolations(resident)), "resident case page").toBe("");
  }, 90_000);

  it("the district moves a triage case to a commune", async () => {
    const { browser } = fixture;
    const resident = await newPage(browser);
    const { code: filed } = await fileCase(resident, { kind: /^Kiến nghị/, category: /^Khác/, commune: "Không rõ", title: "Đề nghị sửa đê" });

    const district = await newPage(browser);
    await signIn(district, "huyen@demo.dan-biet.vn");
    await district.getByRole("link", { name: "Hàng chờ phân loại của huyện" }).click();
    await district.getByRole("link", { name: filed }).click();
    await act(district, "Chuyển đơn vị khác", async (p) => {
      await p.getByLabel(/^Chuyển đến/).selectOption({ label: "Xuân Thủy" });
      await p.getByLabel(/^Nội dung/).fill("Đoạn đê thuộc địa bàn xã Xuân Thủy.");
    });
    expect(await district.locator(".summary-list").first().innerText()).toContain("Xuân Thủy");

    const commune = await newPage(browser);
    await signIn(commune, "canbo.xuan-thuy@demo.dan-biet.vn");
    await commune.getByRole("link", { name: filed }).waitFor();
  }, 60_000);

  it("a commune that passes a case on lands on its inbox, told where the case went — never on 'page not found'", async () => {
    const { browser } = fixture;
    const resident = await newPage(browser);
    const { code: filed } = await fileCase(resident, { kind: /^Kiến nghị/, category: /^Khác/, commune: "Xuân Bắc", title: "Cống thuộc xã bên" });

    const official = await newPage(browser, { javaScriptEnabled: false });
    await signIn(official, "canbo.xuan-bac@demo.dan-biet.vn");
    await official.goto(`${fixture.url}/can-bo/ho-so/${filed}`);
    const panel = official.locator("details.action", { has: official.locator('summary:text-is("Chuyển đơn vị khác")') });
    await panel.locator("summary").click();
    await panel.getByLabel(/^Chuyển đến/).selectOption({ label: "Xuân Hồng" });
    await panel.getByLabel(/^Nội dung/).fill("Cống nằm trên địa bàn xã Xuân Hồng.");
    await panel.getByRole("button", { name: "Chuyển đơn vị khác" }).click();
    await official.getByRole("heading", { name: "Hồ sơ cần xử lý" }).waitFor();
    expect(new URL(official.url()).pathname).toBe("/can-bo");
    await official
      .getByRole("status")
      .filter({ hasText: `Đã chuyển hồ sơ ${filed} cho Xuân Hồng.` })
      .waitFor();
    expect(await official.locator("main").innerText()).not.toContain("Không tìm thấy trang");
  }, 60_000);
});
