// On a 360 × 740 phone (touch, mobile viewport) in real Chromium: the filing page fits the screen in every state,
// its controls are large enough to touch, and a resident completes a filing with the keyboard alone.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { landComplaint, newPage, readReceipt } from "../support/browser";
import { usePortal } from "../support/portal-fixture";

const WIDTH = 360;
const phone = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const fixture = usePortal({ smtp: true, browser: true, db: "readonly" });

/** The page scrolls sideways when its content is wider than the screen. */
function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

/** Every visible form control (and its label) whose box leaves the screen on either side. */
function controlsOffScreen(page: Page) {
  return page.evaluate((width) => {
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      return (el as HTMLElement).offsetParent !== null && style.visibility !== "hidden";
    };
    return [...document.querySelectorAll("main input:not([type=hidden]), main select, main textarea, main button, main label")]
      .filter(visible)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return {
          control: `${el.tagName.toLowerCase()}#${el.id || (el as HTMLInputElement).name || el.getAttribute("for")}`,
          left: Math.round(box.left),
          right: Math.round(box.right),
        };
      })
      .filter((c) => c.left < 0 || c.right > width);
  }, WIDTH);
}

/** Controls a finger must hit, smaller than the 24 × 24 px WCAG 2.2 minimum (2.5.8). */
function tinyTargets(page: Page) {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        "main input[type=radio], main input[type=checkbox], main input[type=file], main select, main input:not([type]), main input[type=text], main button",
      ),
    ]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { control: el.id || (el as HTMLInputElement).name, width: Math.round(box.width), height: Math.round(box.height) };
      })
      .filter((c) => c.width < 24 || c.height < 24),
  );
}

/**
 * Types a date into the focused date field, key by key. Vietnamese fields read dd/mm/yyyy; a Chromium whose own
 * language is English shows mm/dd/yyyy whatever the page's locale, so when the first order gives another date
 * the resident goes back to the first part (Shift+Tab) and types it the other way.
 */
async function typeDate(page: Page, iso: string) {
  const [year, month, day] = iso.split("-");
  const value = () => page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  await page.keyboard.type(`${day}${month}${year}`);
  if ((await value()) !== iso) {
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.type(`${month}${day}${year}`);
  }
  expect(await value(), "the date typed with the keyboard").toBe(iso);
}

async function expectFits(page: Page, state: string) {
  expect(await scrollWidth(page), `${state}: the page scrolls sideways`).toBeLessThanOrEqual(WIDTH);
  expect(await controlsOffScreen(page), `${state}: controls off the screen`).toEqual([]);
}

describe("on a 360-pixel phone", () => {
  it("the filing page fits the screen, empty, with every part open, and with errors", async () => {
    const page = await newPage(fixture.browser, phone);
    await page.goto(`${fixture.url}/gui-phan-anh`);
    expect(await page.evaluate(() => window.innerWidth)).toBe(WIDTH);
    await expectFits(page, "empty form");
    expect(await tinyTargets(page), "targets under 24 px").toEqual([]);

    // The complaint and compensation parts, with their longer labels.
    await page.getByRole("radio", { name: /^Khiếu nại/ }).check();
    await page.getByRole("radio", { name: /^Bồi thường, hỗ trợ, tái định cư/ }).check();
    await page.getByLabel(/^Quyết định hoặc hành vi bị khiếu nại/).waitFor();
    await expectFits(page, "complaint and compensation parts open");
    expect(await tinyTargets(page), "targets under 24 px").toEqual([]);

    // After a failed submit: the summary and the messages (indented, with a red bar) still fit.
    await page.getByLabel(/^Tiêu đề ngắn/).fill("Khiếu nại mức bồi thường đất nông nghiệp của dự án mở rộng đường 489C");
    await page.getByRole("button", { name: "Gửi hồ sơ" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".field-error").count()).toBeGreaterThan(5);
    await expectFits(page, "error state");
    await page.context().close();
  }, 30_000);

  it("the submit button is reachable, large enough to touch, and the keyboard gets there", async () => {
    const page = await newPage(fixture.browser, phone);
    await page.goto(`${fixture.url}/gui-phan-anh`);
    const submit = page.getByRole("button", { name: "Gửi hồ sơ" });
    await submit.scrollIntoViewIfNeeded();
    const box = (await submit.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(740);

    // From the top of the page, Tab alone reaches the button; every stop on the way is on the screen.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator("body").focus();
    const stops: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        return { label: el.textContent?.trim() || el.id, tag: el.tagName, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      expect(stop.left, `focused ${stop.label} off the left edge`).toBeGreaterThanOrEqual(0);
      expect(stop.right, `focused ${stop.label} off the right edge`).toBeLessThanOrEqual(WIDTH);
      expect(stop.bottom > 0 && stop.top < 740, `focused ${stop.label} scrolled into view`).toBe(true);
      stops.push(stop.label);
      if (stop.tag === "BUTTON" && stop.label === "Gửi hồ sơ") break;
    }
    expect(stops.at(-1), `Tab stops: ${stops.join(" → ")}`).toBe("Gửi hồ sơ");
    await page.context().close();
  }, 30_000);

  it("a resident completes a filing with the keyboard alone", async () => {
    const page = await newPage(fixture.browser, phone);
    await page.goto(`${fixture.url}/gui-phan-anh`);
    await page.locator("body").focus();

    const typed: Record<string, string> = {
      place: landComplaint.place,
      title: "Khiếu nại gửi từ điện thoại",
      description: landComplaint.description,
      requestedOutcome: landComplaint.requestedOutcome,
      complainedDecision: landComplaint.complainedDecision,
      complainedBody: landComplaint.complainedBody,
      fullName: "Hoàng Văn Tùng",
      phone: "0903 456 789",
      email: "tung.hoang@example.vn",
      address: "Xóm 7, xã Xuân Hồng",
      idNumber: "036080001234",
    };
    const done = new Set<string>();
    let submitted = false;
    for (let i = 0; i < 80 && !submitted; i++) {
      await page.keyboard.press("Tab");
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLInputElement;
        return { tag: a.tagName, type: a.type, name: a.name, text: a.textContent?.trim() ?? "" };
      });
      if (el.tag === "BUTTON" && el.text === "Gửi hồ sơ") {
        await page.keyboard.press("Enter");
        submitted = true;
        continue;
      }
      // Links, and a date field's day, month and year stops after the first.
      if (!el.name || done.has(el.name)) continue;
      if (el.name === "kind") {
        // Tab lands on the first choice (Phản ánh); the arrow keys move to Kiến nghị, then Khiếu nại.
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
      } else if (el.name === "category") {
        await page.keyboard.press("Space"); // Đất đai, the first choice
      } else if (el.name === "commune") {
        for (let n = 0; n < 30 && (await page.locator("#field-commune option:checked").innerText()) !== landComplaint.commune; n++) {
          await page.keyboard.press("ArrowDown");
        }
      } else if (el.name === "decisionKnownOn") {
        await typeDate(page, landComplaint.decisionKnownOn);
      } else if (el.name === "dataConsent" || el.name === "truthConfirmed") {
        await page.keyboard.press("Space");
      } else if (typed[el.name] !== undefined) {
        await page.keyboard.type(typed[el.name]);
      }
      done.add(el.name);
    }
    expect(submitted, "Tab reached the submit button").toBe(true);
    const summary = page.locator(".error-summary");
    await Promise.race([page.waitForURL(/\/bien-nhan\//), summary.waitFor()]);
    // Not filed: say which step the keyboard missed.
    if (await summary.isVisible()) throw new Error(`The keyboard-only filing was refused:\n${await summary.innerText()}`);
    const receipt = await readReceipt(page);
    expect(receipt.text).toContain("Khiếu nại");
    expect(receipt.text).toContain(landComplaint.commune);
    await expectFits(page, "receipt");

    // The resident's own case page, found with the same phone, fits too.
    await page.goto(`${fixture.url}/tra-cuu`);
    await expectFits(page, "/tra-cuu");
    await page.getByLabel(/^Mã hồ sơ/).fill(receipt.code);
    await page.getByLabel(/^Hoặc số điện thoại đã dùng khi gửi/).fill(typed.phone);
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await page.getByRole("heading", { name: `Hồ sơ ${receipt.code}` }).waitFor();
    const caseText = await page.locator("main").innerText();
    expect(caseText).toContain(typed.title);
    expect(caseText).toContain(landComplaint.description);

    // What the keys chose and typed is what was stored.
    const stored = fixture.db
      .prepare(
        "SELECT c.kind_code, c.category_code, c.commune_id, p.full_name, p.phone, p.id_number, p.details FROM cases c JOIN case_contacts p ON p.case_id = c.id WHERE c.code = ?",
      )
      .get(receipt.code) as Record<string, string>;
    expect(stored).toMatchObject({
      kind_code: "complaint",
      category_code: "land",
      commune_id: "xuan-hong",
      full_name: typed.fullName,
      id_number: typed.idNumber,
    });
    expect(JSON.parse(stored.details)).toMatchObject({
      complainedDecision: typed.complainedDecision,
      complainedBody: typed.complainedBody,
      decisionKnownOn: landComplaint.decisionKnownOn,
    });
    await expectFits(page, "the resident's case page");
    await page.context().close();
  }, 60_000);
});
