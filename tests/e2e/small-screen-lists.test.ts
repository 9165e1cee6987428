// At 360 px in real Chromium: the statistics, a plan's table and the staff inbox are usable — readable chart labels,
// wide tables in focusable regions with a hint, a search box of a usable size — and axe finds nothing serious.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newAxePage, seriousViolations } from "../support/browser";
import { signInPage, usePortal } from "../support/portal-fixture";

const WIDTH = 360;
const phone = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const fixture = usePortal({ demo: true, browser: true, db: "readonly" });

function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

/** Wide regions: each must be focusable and named, and its hint shown. */
async function regionsOk(page: Page) {
  const regions = await page.locator(".table-wrap").evaluateAll((els) =>
    els.map((el) => ({
      focusable: el.getAttribute("tabindex") === "0",
      named: Boolean(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")),
      wide: el.scrollWidth > el.clientWidth,
      hint: (el.previousElementSibling as HTMLElement | null)?.offsetParent !== null && el.previousElementSibling?.classList.contains("scroll-hint"),
    })),
  );
  expect(regions.length).toBeGreaterThan(0);
  for (const r of regions) expect(r).toMatchObject({ focusable: true, named: true, hint: true });
  return regions;
}

describe("at 360 px", () => {
  it("/thong-ke: chart labels stay readable, tables scroll in their own region, axe passes", async () => {
    const page = await newAxePage(fixture.browser, phone);
    await page.goto(`${fixture.url}/thong-ke`);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    const labelHeights = await page.locator(".chart-label").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(labelHeights.length).toBeGreaterThan(0);
    // 13 px text is about 15 px tall; shrunk to fit 360 px it was about 7.
    expect(Math.min(...labelHeights)).toBeGreaterThanOrEqual(12);
    await regionsOk(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("a plan's table says that more lies to the side, and axe passes", async () => {
    const plan = fixture.db.prepare("SELECT slug FROM disclosures WHERE type_code = 'compensation_plan' AND status != 'draft' ORDER BY id LIMIT 1").get() as {
      slug: string;
    };
    const page = await newAxePage(fixture.browser, phone);
    await page.goto(`${fixture.url}/cong-khai/${plan.slug}`);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    const regions = await regionsOk(page);
    expect(regions.some((r) => r.wide)).toBe(true);
    expect(await page.locator(".scroll-hint").first().innerText()).toContain("vuốt sang ngang");
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("the staff inbox: the search box is full width and tall enough to touch, the list scrolls in its region, axe passes", async () => {
    const page = await newAxePage(fixture.browser, phone);
    await signInPage(page, fixture.portal, "canbo.xuan-hong@demo.dan-biet.vn");
    await page.locator("summary", { hasText: "Lọc hồ sơ" }).click();
    const search = await page.locator("#f-q").boundingBox();
    expect(search!.width).toBeGreaterThanOrEqual(280);
    expect(search!.height).toBeGreaterThanOrEqual(44);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    await regionsOk(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
