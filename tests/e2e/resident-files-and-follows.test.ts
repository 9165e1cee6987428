// End to end in real Chromium against the production build (one portal, one real SMTP server): a resident
// files a land complaint, gets a receipt and a mail, follows the case at /tra-cuu; the public sees no personal data.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fillLandComplaint, landComplaint, landComplaintFields, lookUp, newPage, readReceipt, type Resident } from "../support/browser";
import { jpegWithGps } from "../support/factories";
import { fileByForm, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ smtp: true, browser: true, db: "readonly" });

const resident: Resident = {
  name: "Phạm Thị Hương",
  phone: "0987 654 321",
  email: "huong.pham@example.vn",
  address: "Số 12 đường Trục, xóm Bắc Sơn, xã Xuân Hồng",
  idNumber: "036080001234",
};

/** The resident also writes her name and number into the text she agrees to publish. */
const descriptionWithContact = `${landComplaint.description} Tôi là ${resident.name}, cần hỏi thêm xin gọi ${resident.phone}.`;

/** Every form in which a resident's personal data could leak onto a public page. */
const personalData = [resident.name, resident.phone, resident.phone.replace(/\s/g, ""), "987 654 321", resident.email, resident.address, resident.idNumber];

/** Uncaught exceptions and console errors (a hydration mismatch shows there); a refused form's 400 is expected. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource: the server responded with a status of 400")) errors.push(m.text());
  });
  return errors;
}

describe("a resident files and follows a case", () => {
  it("a resident files a land complaint with a photo, gets the code, and finds it at /tra-cuu", async () => {
    const { browser, smtp, portal } = fixture;
    const page = await newPage(browser);
    const errors = collectPageErrors(page);
    await page.goto(`${portal.url}/gui-phan-anh`);
    await fillLandComplaint(page, {
      resident,
      photo: { name: "anh.jpg", buffer: await jpegWithGps() },
      publish: true,
      description: descriptionWithContact,
    });
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();

    const receipt = await readReceipt(page);
    expect(receipt.text).toContain("Khiếu nại");
    expect(receipt.text).toContain("Xuân Hồng");
    // A complaint must be accepted or answered within 10 days: the receipt shows that date.
    expect(receipt.text).toMatch(/Hạn thụ lý hoặc trả lời việc tiếp nhận\s+\d{2}\/\d{2}\/\d{4}/);

    // The confirmation mail reaches the real SMTP server, with the code (another test may file for her too).
    const mail = await smtp.waitForMail((m) => m.to.includes(resident.email) && m.subject.includes(receipt.code));
    expect(mail.subject).toBe(`Dân Biết: đã nhận hồ sơ ${receipt.code}`);
    expect(mail.text).toContain(receipt.code);

    // Following the case: /tra-cuu with the code and access key from the receipt.
    await page.getByRole("navigation").getByRole("link", { name: "Tra cứu hồ sơ" }).click();
    await page.waitForURL(/\/tra-cuu$/);
    await page.getByLabel(/^Mã hồ sơ/).fill(receipt.code);
    await page.getByLabel(/^Mã truy cập/).fill(receipt.accessKey);
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await page.waitForURL(new RegExp(`/tra-cuu/${receipt.code}$`));
    await page.getByRole("heading", { name: `Hồ sơ ${receipt.code}` }).waitFor();
    expect(await page.locator(".status").first().innerText()).toBe("Đã tiếp nhận");
    expect(await page.locator(".timeline").innerText()).toContain("Hồ sơ được gửi và tiếp nhận");
    expect(await page.locator("main").innerText()).toContain(landComplaint.title);

    // The photo is listed as an attachment, and opens for this browser: a JPEG without the camera's EXIF.
    const photoLink = page.getByRole("link", { name: "anh.jpg" });
    expect(await photoLink.count()).toBe(1);
    const photo = await page.request.get(new URL((await photoLink.getAttribute("href"))!, portal.url).href);
    expect(photo.status()).toBe(200);
    const bytes = await photo.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(bytes.includes("TestCam")).toBe(false);

    // Looked up again in another browser, by code and phone number (typed differently) this time.
    const other = await newPage(browser);
    const otherErrors = collectPageErrors(other);
    await lookUp(other, portal.url, receipt.code.toLowerCase(), { phone: "+84 987 654 321" });
    expect(other.url()).toBe(`${portal.url}/tra-cuu/${receipt.code}`);
    expect(await other.locator(".status").first().innerText()).toBe("Đã tiếp nhận");
    expect(await other.getByRole("link", { name: "anh.jpg" }).count()).toBe(1);

    // The wrong phone number finds nothing.
    const stranger = await newPage(browser);
    await stranger.goto(`${portal.url}/tra-cuu`);
    await stranger.getByLabel(/^Mã hồ sơ/).fill(receipt.code);
    await stranger.getByLabel(/^Hoặc số điện thoại đã dùng khi gửi/).fill("0912 111 222");
    await stranger.getByRole("button", { name: "Tra cứu" }).click();
    await stranger.locator(".error-summary").waitFor();
    expect(new URL(stranger.url()).pathname).toBe("/tra-cuu");
    expect(await stranger.locator("main").innerText()).not.toContain(landComplaint.title);

    expect([...errors, ...otherErrors]).toEqual([]);
    await page.context().close();
    await other.context().close();
    await stranger.context().close();
  }, 60_000);

  it("the same filing works with JavaScript disabled", async () => {
    const { browser, smtp, portal } = fixture;
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${portal.url}/gui-phan-anh`);
    await fillLandComplaint(page, {
      resident: { ...resident, email: "khong-js@example.vn" },
      photo: { name: "anh-khong-js.jpg", buffer: await jpegWithGps() },
      title: "Khiếu nại gửi khi tắt JavaScript",
    });
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    const receipt = await readReceipt(page);
    // A case of its own, never the receipt of an earlier filing: the code is this filing's.
    expect(fixture.db.prepare("SELECT title FROM cases WHERE code = ?").get(receipt.code)).toEqual({ title: "Khiếu nại gửi khi tắt JavaScript" });
    const mail = await smtp.waitForMail((m) => m.to.includes("khong-js@example.vn"));
    expect(mail.text).toContain(receipt.code);

    // Back, and send again: whether the browser restores the form or shows it afresh and it is typed again, the
    // resident sees the first receipt and there is still one case.
    await page.goBack();
    await page.getByRole("button", { name: "Gửi hồ sơ" }).waitFor();
    if (!(await page.getByLabel(/^Tiêu đề ngắn/).inputValue())) {
      await fillLandComplaint(page, { resident: { ...resident, email: "khong-js@example.vn" }, title: "Khiếu nại gửi khi tắt JavaScript" });
    }
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    expect((await readReceipt(page)).code).toBe(receipt.code);
    expect(fixture.db.prepare("SELECT count(*) AS n FROM cases WHERE title = ?").get("Khiếu nại gửi khi tắt JavaScript")).toEqual({ n: 1 });

    // An (almost) empty form: the server answers with the summary, links to each field, and keeps what was typed.
    await page.goto(`${portal.url}/gui-phan-anh`);
    await page.getByRole("radio", { name: /^Kiến nghị/ }).check();
    await page.getByLabel(/^Tiêu đề ngắn/).fill("Chỉ điền tiêu đề");
    await page.getByLabel(/^Số điện thoại/).fill("0912 345 678");
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.getByRole("heading").innerText()).toBe("Cần sửa một số mục");
    const hrefs = await summary.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(expect.arrayContaining(["#field-category", "#field-commune", "#field-description", "#field-fullName", "#field-dataConsent"]));
    expect(hrefs).not.toContain("#field-title");
    expect(hrefs).not.toContain("#field-phone");
    for (const href of hrefs) expect(await page.locator(href!).count(), `${href} points at a field`).toBe(1);
    await summary.getByRole("link", { name: /^Trình bày sự việc/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#field-description");
    expect(await summary.isVisible()).toBe(true);
    expect(await page.getByLabel(/^Tiêu đề ngắn/).inputValue()).toBe("Chỉ điền tiêu đề");
    expect(await page.getByLabel(/^Số điện thoại/).inputValue()).toBe("0912 345 678");
    expect(await page.getByRole("radio", { name: /^Kiến nghị/ }).isChecked()).toBe(true);
    expect(await page.locator("main").innerText()).toContain("hãy chọn lại ảnh, giấy tờ");
    await page.context().close();
  }, 60_000);

  it("the public page shows no personal data", async () => {
    const { browser, portal } = fixture;
    // The same complaint as in the first journey, filed without a browser: this test is about the public page.
    const filed = await fileByForm(portal, landComplaintFields({ resident, publish: true, description: descriptionWithContact }), [
      { name: "anh.jpg", bytes: await jpegWithGps(), type: "image/jpeg" },
    ]);
    const page = await newPage(browser);
    const response = await page.goto(`${portal.url}/ho-so/${filed.code}`);
    expect(response!.status()).toBe(200);
    await page.getByRole("heading", { name: `Hồ sơ ${filed.code}` }).waitFor();
    const html = await page.content();
    const text = await page.locator("body").innerText();
    // The resident agreed to publish the content: it is there, with her name and number taken out of it.
    expect(text).toContain(landComplaint.title);
    expect(text).toContain("Gia đình tôi nhận quyết định thu hồi 300 m² đất lúa");
    expect(text).toContain("Tôi là […], cần hỏi thêm xin gọi […].");
    for (const secret of [...personalData, "anh.jpg"]) {
      expect(html, `page source shows “${secret}”`).not.toContain(secret);
      expect(text, `page text shows “${secret}”`).not.toContain(secret);
    }
    await page.context().close();
  }, 30_000);

  it("a resident who submits with errors sees them at the top and next to each field, with what they typed kept", async () => {
    const { browser, portal } = fixture;
    const page = await newPage(browser);
    const errors = collectPageErrors(page);
    await page.goto(`${portal.url}/gui-phan-anh`);
    await page.getByRole("radio", { name: /^Khiếu nại/ }).check();
    await page.getByLabel(/^Xã, thị trấn/).selectOption({ label: "Xuân Hồng" });
    await page.getByLabel(/^Địa chỉ hoặc mô tả nơi xảy ra việc/).fill(landComplaint.place);
    await page.getByLabel(/^Tiêu đề ngắn/).fill("Đường nội đồng bị đào");
    await page.getByLabel(/^Họ và tên/).fill("Vũ Văn Khải");
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();

    // At the top: the summary, above the form, focused so a screen reader announces it.
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    const summaryBox = (await summary.boundingBox())!;
    const formBox = (await page.locator("form.filing-form").boundingBox())!;
    expect(summaryBox.y + summaryBox.height).toBeLessThanOrEqual(formBox.y);

    const links = await summary.getByRole("link").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href")!, text: a.textContent!.trim() })));
    const expected = [
      "#field-category",
      "#field-description",
      "#field-requestedOutcome",
      "#field-complainedDecision",
      "#field-complainedBody",
      "#field-decisionKnownOn",
      "#field-phone",
      "#field-address",
      "#field-idNumber",
      "#field-dataConsent",
      "#field-truthConfirmed",
    ];
    expect(links.map((l) => l.href).sort()).toEqual([...expected].sort());

    // Next to each field: the same message, marked on the control and linked to it for screen readers.
    for (const { href, text } of links) {
      const id = href.slice(1);
      const field = page.locator(`.field:has(> #${id}), .field:has(> .radio > #${id})`).first();
      expect(await field.getAttribute("class"), href).toContain("field--error");
      const message = (await field.locator(`#${id}-error .field-error-line`).allTextContents()).join(" ");
      expect(message.length, `${href} has its own message`).toBeGreaterThan(0);
      expect(text, href).toContain(message);
      const describedBy = (await page.locator(href).getAttribute("aria-describedby")) ?? (await field.getAttribute("aria-describedby"));
      expect(describedBy ?? "", href).toContain(`${id}-error`);
      if (!href.endsWith("category")) expect(await page.locator(href).getAttribute("aria-invalid"), href).toBe("true");
    }

    // A summary link takes the resident to the field, and the messages stay where they are.
    const inlineErrors = await page.locator(".field-error").count();
    await summary.getByRole("link", { name: /^Trình bày sự việc/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-description");
    expect(await page.locator("#field-description").isVisible()).toBe(true);
    expect(await summary.isVisible()).toBe(true);
    expect(await page.locator(".field-error").count()).toBe(inlineErrors);

    // What was typed and chosen is kept; the complaint part stays open.
    expect(await page.getByRole("radio", { name: /^Khiếu nại/ }).isChecked()).toBe(true);
    expect(await page.getByLabel(/^Xã, thị trấn/).inputValue()).toBe("xuan-hong");
    expect(await page.getByLabel(/^Địa chỉ hoặc mô tả nơi xảy ra việc/).inputValue()).toBe(landComplaint.place);
    expect(await page.getByLabel(/^Tiêu đề ngắn/).inputValue()).toBe("Đường nội đồng bị đào");
    expect(await page.getByLabel(/^Họ và tên/).inputValue()).toBe("Vũ Văn Khải");
    expect(await page.getByLabel(/^Quyết định hoặc hành vi bị khiếu nại/).isVisible()).toBe(true);
    expect(await page.locator("main").innerText()).toContain("hãy chọn lại ảnh, giấy tờ");

    // Corrected, the same form goes through.
    await fillLandComplaint(page, { resident: { ...resident, name: "Vũ Văn Khải", email: "khai.vu@example.vn" }, title: "Đường nội đồng bị đào" });
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    const receipt = await readReceipt(page);
    expect(receipt.code).toMatch(/^XT-\d{2}-\d{7}$/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
