// The public reads the statistics and the register in a real browser, with and without JavaScript.
import { describe, expect, it } from "vitest";
import { describeViolations, newPage, seriousViolations } from "../support/browser";
import { usePortal } from "../support/portal-fixture";

const fixture = usePortal({ browser: true, demo: true });

describe("the public reads figures", () => {
  it("/thong-ke renders its charts with JavaScript disabled", async () => {
    const page = await newPage(fixture.browser, { javaScriptEnabled: false });
    await page.goto(`${fixture.url}/thong-ke`);
    const charts = page.getByRole("img");
    expect(await charts.count()).toBe(2);
    const box = await charts.first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(100);
    expect(await page.locator("svg rect").count()).toBeGreaterThan(10);
    await page.getByLabel("Từ ngày").fill("2026-01-01");
    await page.getByRole("button", { name: "Xem" }).click();
    await expect.poll(() => page.url()).toContain("tu=2026-01-01");
  }, 30_000);

  it("the statistics and register pages pass axe", async () => {
    const page = await newPage(fixture.browser);
    for (const path of ["/thong-ke", "/ho-so"]) {
      await page.goto(`${fixture.url}${path}`);
      expect(describeViolations(await seriousViolations(page)), path).toBe("");
    }
  }, 30_000);
});
