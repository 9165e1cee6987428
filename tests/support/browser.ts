// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, axe-core for accessibility checks, and
// the steps a resident takes on the filing form, by the labels the page shows.
import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches Debian's Chromium; throws (the suite fails, it is never skipped) when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: the end-to-end tests need Debian's package (apt-get install chromium); .ci/run does this.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh context (own cookies) in Vietnamese, Vietnam's time zone. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * A page whose context ignores the portal's Content-Security-Policy, so axe-core can be injected as a script
 * tag. Only for accessibility runs: everything else runs under the real CSP.
 */
export function newAxePage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  return newPage(browser, { ...options, bypassCSP: true });
}

const nodeRequire = createRequire(import.meta.url);
const axePath = nodeRequire.resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA rules) on the page as it is now; returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.addScriptTag({ path: axePath }).then(
    () => true,
    () => false,
  );
  if (!injected || !(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object"))) {
    // The portal's CSP blocked the tag (the page was not opened with newAxePage): inject through DevTools
    // evaluation instead, which the page's CSP does not govern. axe's results are the same.
    await page.evaluate(fs.readFileSync(axePath, "utf8"));
  }
  const result = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
      }),
    AXE_TAGS,
  )) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** One line per violation: impact, rule id, what it asks for, and the first elements it found. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    )
    .join("\n");
}

/** "" when axe finds nothing serious or critical; otherwise the violations, for the assertion message. */
export async function axeReport(page: Page): Promise<string> {
  return describeViolations(await seriousViolations(page));
}

// ---- The filing form, as a resident fills it ---------------------------------------------------------------

export interface Resident {
  name: string;
  phone: string;
  email: string;
  address: string;
  idNumber: string;
}

export const landComplaint = {
  commune: "Xuân Hồng",
  place: "Thửa số 45, tờ bản đồ số 12, cánh đồng xóm 3",
  title: "Khiếu nại quyết định thu hồi đất nông nghiệp",
  description: "Gia đình tôi nhận quyết định thu hồi 300 m² đất lúa nhưng diện tích đo đạc không đúng thực tế.",
  requestedOutcome: "Đề nghị đo đạc lại và điều chỉnh quyết định.",
  complainedDecision: "Quyết định số 123/QĐ-UBND ngày 05/11/2026 về thu hồi đất",
  complainedBody: "UBND xã Xuân Hồng",
  /** Five days ago in Vietnam: well inside the 90 days a complaint allows, never in the future. */
  decisionKnownOn: new Date(Date.now() + 7 * 3_600_000 - 5 * 86_400_000).toISOString().slice(0, 10),
};

export interface FilingOptions {
  resident: Resident;
  photo?: { name: string; buffer: Buffer };
  publish?: boolean;
  description?: string;
  title?: string;
}

/** Fills a land complaint in Xuân Hồng by the visible labels (mouse and typing, as most people would). */
export async function fillLandComplaint(page: Page, options: FilingOptions): Promise<void> {
  const { resident } = options;
  await page.getByRole("radio", { name: /^Khiếu nại/ }).check();
  await page.getByRole("radio", { name: /^Đất đai/ }).check();
  await page.getByLabel(/^Xã, thị trấn/).selectOption({ label: landComplaint.commune });
  await page.getByLabel(/^Địa chỉ hoặc mô tả nơi xảy ra việc/).fill(landComplaint.place);
  await page.getByLabel(/^Tiêu đề ngắn/).fill(options.title ?? landComplaint.title);
  await page.getByLabel(/^Trình bày sự việc/).fill(options.description ?? landComplaint.description);
  await page.getByLabel(/^Bạn đề nghị cơ quan làm gì/).fill(landComplaint.requestedOutcome);
  await page.getByLabel(/^Quyết định hoặc hành vi bị khiếu nại/).fill(landComplaint.complainedDecision);
  await page.getByLabel(/^Cơ quan, người ra quyết định hoặc có hành vi đó/).fill(landComplaint.complainedBody);
  await page.getByLabel(/^Ngày bạn biết quyết định hoặc hành vi đó/).fill(landComplaint.decisionKnownOn);
  if (options.photo) {
    await page.getByLabel(/^Chọn tệp/).setInputFiles({ name: options.photo.name, mimeType: "image/jpeg", buffer: options.photo.buffer });
  }
  await page.getByLabel(/^Họ và tên/).fill(resident.name);
  await page.getByLabel(/^Số điện thoại/).fill(resident.phone);
  await page.getByLabel(/^Thư điện tử/).fill(resident.email);
  await page.getByLabel(/^Địa chỉ nơi ở/).fill(resident.address);
  await page.getByLabel(/^Số căn cước \(CCCD\)/).fill(resident.idNumber);
  await page.getByLabel(/^Tôi đồng ý để cơ quan nhà nước dùng thông tin/).check();
  await page.getByLabel(/^Tôi cam đoan/).check();
  if (options.publish) await page.getByLabel(/^Tôi đồng ý công khai/).check();
}

/**
 * The same land complaint as form fields (names as on the page), for a test that only needs such a case to exist
 * and files it without a browser (see fileByForm in portal-fixture.ts).
 */
export function landComplaintFields(options: Omit<FilingOptions, "photo">): Record<string, string> {
  const { resident } = options;
  return {
    kind: "complaint",
    category: "land",
    commune: "xuan-hong",
    hamletId: "",
    place: landComplaint.place,
    title: options.title ?? landComplaint.title,
    description: options.description ?? landComplaint.description,
    requestedOutcome: landComplaint.requestedOutcome,
    complainedDecision: landComplaint.complainedDecision,
    complainedBody: landComplaint.complainedBody,
    decisionKnownOn: landComplaint.decisionKnownOn,
    fullName: resident.name,
    phone: resident.phone,
    email: resident.email,
    address: resident.address,
    idNumber: resident.idNumber,
    dataConsent: "on",
    truthConfirmed: "on",
    ...(options.publish ? { publishConsent: "on" } : {}),
  };
}

export const CODE = /XT-\d{2}-\d{7}/;
export const ACCESS_KEY = /[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}/;

/** Waits for the receipt after "Gửi hồ sơ" and reads the tracking code and access key from it. */
export async function readReceipt(page: Page): Promise<{ code: string; accessKey: string; text: string; url: string }> {
  await page.waitForURL(/\/bien-nhan\/[A-Za-z0-9_-]+$/);
  await page.getByRole("heading", { name: "Đã nhận hồ sơ của bạn" }).waitFor();
  const text = await page.locator("main").innerText();
  const code = CODE.exec(text)?.[0];
  const accessKey = ACCESS_KEY.exec(text)?.[0];
  if (!code || !accessKey) throw new Error(`The receipt shows no code or access key:\n${text}`);
  return { code, accessKey, text, url: page.url() };
}

/** Looks a case up at /tra-cuu with its code and either the access key or the phone number. */
export async function lookUp(page: Page, baseUrl: string, code: string, secret: { accessKey: string } | { phone: string }): Promise<void> {
  await page.goto(`${baseUrl}/tra-cuu`);
  await page.getByLabel(/^Mã hồ sơ/).fill(code);
  if ("accessKey" in secret) await page.getByLabel(/^Mã truy cập/).fill(secret.accessKey);
  else await page.getByLabel(/^Hoặc số điện thoại đã dùng khi gửi/).fill(secret.phone);
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await page.waitForURL(new RegExp(`/tra-cuu/${code}$`, "i"));
  await page.getByRole("heading", { name: `Hồ sơ ${code.toUpperCase()}` }).waitFor();
}
