// An administrator at 360 px in real Chromium: the page of mail that could not be sent lists a
// refused mail, its address is corrected through the page's own form, and axe finds nothing serious.
import { describe, expect, it } from "vitest";
import { newAxePage, seriousViolations } from "../support/browser";
import { filingFields } from "../support/factories";
import { fileByForm, signInClient, usePortal } from "../support/portal-fixture";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const fixture = usePortal({ demo: true, browser: true, smtp: true, db: "readonly", smtpOptions: { rejectRecipients: new Set(["sai-dia-chi@example.vn"]) } });

describe("the failed-mail page", () => {
  it("shows a refused mail and corrects its address through the form; axe passes", async () => {
    await fileByForm(fixture.portal, filingFields({ email: "sai-dia-chi@example.vn" }));
    for (let i = 0; i < 200; i++) {
      const row = fixture.db.prepare("SELECT status FROM outbox WHERE to_address = 'sai-dia-chi@example.vn'").get() as { status: string } | undefined;
      if (row?.status === "dead") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Signed in without a browser (password and second factor), then the session handed to Chromium.
    const { client } = await signInClient(fixture.portal, "quantri@demo.dan-biet.vn", undefined, { totpSecret: fixture.adminTotpSecret });
    const page = await newAxePage(fixture.browser, phone);
    await page.context().addCookies(
      client
        .cookieHeader()
        .split("; ")
        .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: fixture.url })),
    );
    await page.goto(`${fixture.url}/can-bo/quan-tri/thu-loi`);
    await page.getByRole("heading", { name: "Thư không gửi được" }).waitFor();
    await expect(page.getByRole("region", { name: "Thư không gửi được" }).textContent()).resolves.toContain("sai-dia-chi@example.vn");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByText("Sửa địa chỉ", { exact: true }).click();
    await page.getByLabel(/^Địa chỉ đúng/).fill("dia-chi-dung@example.vn");
    await page.getByRole("button", { name: "Sửa và gửi lại" }).click();
    await page.getByText("Đã đưa thư vào hàng gửi lại.").waitFor();
    await fixture.smtp.waitForMail((m) => m.to.includes("dia-chi-dung@example.vn"));
    await page.context().close();
  }, 60_000);
});
