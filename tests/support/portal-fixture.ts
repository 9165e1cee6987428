// One fixture for the suites that meet the portal as people do: the production build (one process per file, or per
// describe block when a block needs other settings), optionally with a real SMTP server, real Chromium and a SQLite
// handle on the portal's own database; signing staff in, with or without a browser; and filing a case without one.
import Database from "better-sqlite3";
import type { Browser, Page as BrowserPage } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { totpCode, totpStep } from "~/services/staff/totp.server";
import { launchBrowser } from "./browser";
import { Client, hiddenValue, visibleText, type Page } from "./browserless-client";
import { formData } from "./factories";
import { startPortal, type RunningPortal } from "./server";
import { startSmtp, type Smtp } from "./smtp";

export interface PortalOptions {
  /** Start a real SMTP server first and give the portal its address (SMTP_URL). */
  smtp?: boolean;
  /** How that SMTP server behaves (e.g. addresses it refuses for good). */
  smtpOptions?: Parameters<typeof startSmtp>[0];
  /** Launch Chromium (tests/support/browser.ts). */
  browser?: boolean;
  /** Start with `--demo`: demo cases, disclosures and one account per role, all with DEMO_PASSWORD. */
  demo?: boolean;
  /** Extra environment for the portal (e.g. RATE_LIMIT_* overrides); wins over the defaults in server.ts. */
  env?: Record<string, string>;
  /** Open a better-sqlite3 handle on the portal's database: read-only, or read-write for tests that arrange rows. */
  db?: "readonly" | "readwrite";
}

export interface PortalFixture {
  readonly portal: RunningPortal;
  /** The portal's address, http://127.0.0.1:<port>. */
  readonly url: string;
  readonly smtp: Smtp;
  readonly browser: Browser;
  readonly db: Database.Database;
  /** The TOTP secret the demo start prints for the administrator (quantri@demo.dan-biet.vn). */
  readonly adminTotpSecret: string;
}

/**
 * Registers beforeAll/afterAll hooks in the current file or describe block: starts what `options` asks for, once,
 * and stops it afterwards. Read the parts through the returned object's getters inside hooks and tests.
 */
export function usePortal(options: PortalOptions = {}): PortalFixture {
  let portal: RunningPortal | undefined;
  let smtp: Smtp | undefined;
  let browser: Browser | undefined;
  let db: Database.Database | undefined;

  beforeAll(async () => {
    if (options.smtp) smtp = await startSmtp(options.smtpOptions);
    // A demo portal's suite signs in with DEMO_PASSWORD: load it while the portal boots rather than at the first sign-in.
    const password = options.demo ? demoPassword() : undefined;
    portal = await startPortal({ ...(smtp ? { SMTP_URL: smtp.url } : {}), ...options.env }, options.demo ? ["--demo"] : []);
    await password;
    if (options.db) db = new Database(portal.databaseFile, { readonly: options.db === "readonly" });
    if (options.browser) browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    db?.close();
    await portal?.stop();
    await smtp?.close();
  });

  const need = <T>(value: T | undefined, what: string, option?: keyof PortalOptions): T => {
    if (value === undefined) {
      throw new Error(
        option
          ? `usePortal: no ${what} — pass { ${option}: … } and read it inside a hook or test`
          : `usePortal: the portal is not running yet — read ${what} inside a hook or test`,
      );
    }
    return value;
  };

  return {
    get portal() {
      return need(portal, "portal");
    },
    get url() {
      return need(portal, "url").url;
    },
    get smtp() {
      return need(smtp, "smtp", "smtp");
    },
    get browser() {
      return need(browser, "browser", "browser");
    },
    get db() {
      return need(db, "db", "db");
    },
    get adminTotpSecret() {
      const secret = /mã TOTP bí mật: ([A-Z2-7]+)/.exec(need(portal, "adminTotpSecret").output())?.[1];
      if (!secret) throw new Error("usePortal: the portal printed no TOTP secret — start it with { demo: true }");
      return secret;
    },
  };
}

type HasUrl = { url: string };

/**
 * DEMO_PASSWORD from ./demo, loaded when a sign-in first needs it: the demo module brings the app's whole service
 * graph with it (about 1.5 s to transform), which suites that never sign in should not pay for.
 */
async function demoPassword(): Promise<string> {
  return (await import("./demo")).DEMO_PASSWORD;
}

export interface SignInOptions {
  /** The `next` field posted with the form (the page's own hidden field); left out when not given. */
  next?: string;
  /** The account's TOTP secret: answers the second factor at /can-bo/xac-thuc with the current code. */
  totpSecret?: string;
}

/**
 * Signs a staff member in without a browser (password: DEMO_PASSWORD unless given): opens the sign-in page for its
 * CSRF token, posts email and password (and `next` when asked), then the second factor when a TOTP secret is given.
 * Returns the client, which keeps the session cookie, and the response to the password post.
 */
export async function signInClient(portal: HasUrl, email: string, password?: string, options: SignInOptions = {}): Promise<{ client: Client; res: Page }> {
  const client = new Client(portal.url);
  const form = await client.get("/can-bo/dang-nhap");
  const fields: Record<string, string> = { csrf: hiddenValue(form.html, "csrf"), email, password: password ?? (await demoPassword()) };
  if (options.next !== undefined) fields.next = options.next;
  const res = await client.post("/can-bo/dang-nhap", new URLSearchParams(fields));
  if (options.totpSecret) {
    const second = await client.get("/can-bo/xac-thuc");
    await client.post(
      "/can-bo/xac-thuc",
      new URLSearchParams({ csrf: hiddenValue(second.html, "csrf"), code: await totpCode(options.totpSecret, totpStep(Date.now())) }),
    );
  }
  return { client, res };
}

export interface SignInPageOptions {
  /** The page to open first: a staff page (which sends the visitor to sign in) or the sign-in page with `?next=`. */
  open?: string;
  /** The heading that shows the sign-in went through and the page after it is drawn. */
  heading?: string;
  /** Match the heading exactly. */
  exact?: boolean;
}

/**
 * Signs a staff member in with Chromium (password: DEMO_PASSWORD unless given), by the visible labels, and waits for
 * the page it lands on.
 */
export async function signInPage(page: BrowserPage, portal: HasUrl, email: string, password?: string, options: SignInPageOptions = {}): Promise<void> {
  const { open = "/can-bo", heading = "Hồ sơ cần xử lý", exact } = options;
  const secret = password ?? (await demoPassword());
  await page.goto(`${portal.url}${open}`);
  await page.getByLabel(/^Thư điện tử/).fill(email);
  await page.getByLabel(/^Mật khẩu/).fill(secret);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("heading", exact === undefined ? { name: heading } : { name: heading, exact }).waitFor();
}

/**
 * Files a case as a browser without JavaScript would: opens the form for its CSRF token and idempotency key, posts
 * the fields and files, and reads the tracking code and access key from the receipt. For tests that need a case to
 * exist; the filing itself is tested in filing.test.ts and the e2e journeys.
 */
export async function fileByForm(
  portal: HasUrl,
  fields: Record<string, string>,
  files: { name: string; bytes: Buffer; type?: string }[] = [],
): Promise<{ client: Client; code: string; accessKey: string; receiptPath: string }> {
  const client = new Client(portal.url);
  const form = await client.get("/gui-phan-anh");
  const posted = await client.post(
    "/gui-phan-anh",
    formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...fields }, files),
  );
  if (posted.status !== 303 || !posted.location) throw new Error(`The filing was refused (${posted.status}):\n${visibleText(posted.html).slice(0, 2000)}`);
  const receipt = visibleText((await client.get(posted.location)).html);
  const code = /XT-\d{2}-\d{7}/.exec(receipt)?.[0];
  const accessKey = /[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}/.exec(receipt)?.[0];
  if (!code || !accessKey) throw new Error(`The receipt shows no code or access key:\n${receipt}`);
  return { client, code, accessKey, receiptPath: posted.location };
}
