// The cache of public pages through the running portal (docs/decisions/015): one rendering for every visitor of a
// language, each kind of change that a public page shows visible on the very next request, validators answered with
// 304, the same security headers on a hit as on a rendering, and nothing personal in what is shared.
import { describe, expect, it } from "vitest";
import { hiddenValue, visibleText } from "../support/browserless-client";
import { newPage } from "../support/browser";
import { filingFields } from "../support/factories";
import { fileByForm, signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ demo: true, db: "readwrite", browser: true });

/** What an anonymous visitor gets (served from the cache after the first request). */
async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(fixture.url + path, { headers, redirect: "manual" });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** What the application renders now: a cookie the cache does not know sends the request past it. */
const rendered = (path: string) => get(path, { Cookie: "not-shared=1" });

/** The next anonymous request shows exactly what the application renders now (and was served from the cache). */
async function expectCurrent(path: string) {
  await get(path); // the rendering after the change, kept
  const served = await get(path);
  const now = await rendered(path);
  expect(served.status, path).toBe(200);
  expect(served.body, path).toBe(now.body);
  return served.body;
}

const planSlug = () => /\/cong-khai\/(du-thao-phuong-an[a-z0-9-]+)/.exec(fixture.portal.output())![1];

describe("public pages from the cache", () => {
  it("are the same bytes for every visitor, signed in or not, with no cookie set and no token or nonce inside", async () => {
    const { code } = await fileByForm(fixture.portal, filingFields());
    const { client: official } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    for (const path of ["/", "/ho-so", `/ho-so/${code}`, "/cong-khai", `/cong-khai/${planSlug()}`, "/thong-ke"]) {
      const first = await get(path);
      const second = await get(path, { Cookie: "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; lang=vi" });
      const signedIn = await official.get(path);
      expect(first.status, path).toBe(200);
      expect(second.body, path).toBe(first.body);
      expect(signedIn.html, path).toBe(first.body);
      for (const res of [first, second]) expect(res.headers.get("set-cookie"), path).toBeNull();
      expect(first.body, path).not.toMatch(/name="csrf"|nonce=|idempotencyKey/);
      expect(first.headers.get("cache-control"), path).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    }
  });

  it("answer a hit with the same security headers as the rendering, and a matching validator with 304", async () => {
    const path = "/thong-ke?ky=nam";
    const miss = await get(path);
    const hit = await get(path);
    expect(hit.body).toBe(miss.body);
    for (const name of [
      "content-security-policy",
      "x-content-type-options",
      "x-frame-options",
      "referrer-policy",
      "permissions-policy",
      "cross-origin-opener-policy",
      "cache-control",
      "vary",
      "etag",
      "content-type",
    ]) {
      expect(hit.headers.get(name), name).toBe(miss.headers.get(name));
      expect(hit.headers.get(name), name).toBeTruthy();
    }
    // The inline scripts run by their hashes: no nonce, and every script in the page without a src is hashed.
    expect(miss.headers.get("content-security-policy")).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    const etag = hit.headers.get("etag")!;
    const revalidated = await fetch(fixture.url + path, { headers: { "If-None-Match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(revalidated.headers.get("content-security-policy")).toBe(miss.headers.get("content-security-policy"));
    const compressed = await fetch(fixture.url + path, { headers: { "Accept-Encoding": "gzip" } });
    expect(compressed.headers.get("content-encoding")).toBe("gzip");
    expect(await compressed.text()).toBe(miss.body);
  });

  it("run Remix's inline scripts by their hashes in a real browser: the page hydrates and navigates without reloading", async () => {
    const page = await newPage(fixture.browser);
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${fixture.url}/`, { waitUntil: "networkidle" });
    await page.goto(`${fixture.url}/`, { waitUntil: "networkidle" }); // the second visit is served from the cache
    await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
    await page.getByRole("navigation").getByRole("link", { name: "Thống kê" }).click();
    await page.waitForURL(/\/thong-ke$/);
    // Still the same document: a client-side navigation (the router ran), not a full reload.
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("render a page once for many visitors arriving together, the others waiting for that rendering", async () => {
    const path = `/thong-ke?cung-luc=${Date.now()}`;
    const answers = await Promise.all(Array.from({ length: 12 }, () => fetch(fixture.url + path)));
    const how = answers.map((r) => r.headers.get("x-cache")).sort();
    expect(how.filter((h) => h === "MISS")).toHaveLength(1);
    expect(how.filter((h) => h !== "MISS").every((h) => h === "SHARED" || h === "HIT")).toBe(true);
    const bodies = new Set(await Promise.all(answers.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    expect((await get(path)).headers.get("x-cache")).toBe("HIT");
  });

  it("keep one rendering per language", async () => {
    const vi = await get("/ho-so");
    const en = await get("/ho-so", { Cookie: "lang=en" });
    expect(vi.headers.get("content-language") ?? "vi").toBe("vi");
    expect(vi.body).toContain('lang="vi"');
    expect(en.body).toContain('lang="en"');
    expect((await get("/ho-so")).body).toBe(vi.body);
    expect((await get("/ho-so", { Cookie: "lang=en" })).body).toBe(en.body);
  });

  it("show a new filing on the home page's figures at the very next request", async () => {
    const before = await expectCurrent("/");
    await fileByForm(fixture.portal, filingFields({ title: "Cống thoát nước bị tắc" }));
    expect(await expectCurrent("/")).not.toBe(before);
  });

  it("show an official's steps and answer on the case's page and the register at the very next request", async () => {
    const { code } = await fileByForm(fixture.portal, filingFields({ publishConsent: "on" }));
    const before = await expectCurrent(`/ho-so/${code}`);
    expect(visibleText(await expectCurrent("/ho-so"))).not.toContain(code);
    const { client } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    const act = async (fields: Record<string, string>) => {
      const page = await client.get(`/can-bo/ho-so/${code}`);
      const res = await client.post(`/can-bo/ho-so/${code}`, new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), ...fields }));
      expect(res.status, visibleText(res.html).slice(0, 500)).toBe(303);
    };
    await act({ action: "accept" });
    const accepted = await expectCurrent(`/ho-so/${code}`);
    expect(accepted).not.toBe(before);
    await act({ action: "answer", note: "Xã đã cho tháo dỡ phần tường rào lấn chiếm.", signedBy: "Nguyễn Văn A, công chức địa chính" });
    expect(visibleText(await expectCurrent(`/ho-so/${code}`))).toContain("Xã đã cho tháo dỡ phần tường rào lấn chiếm.");
    expect(visibleText(await expectCurrent("/ho-so"))).toContain(code);
  });

  it("show a resident's comment on the disclosure at the very next request", async () => {
    const path = `/cong-khai/${planSlug()}`;
    const before = await expectCurrent(path);
    const res = await fetch(fixture.url + path, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams({ body: "Đề nghị công khai thêm đơn giá cây trồng.", authorName: "Phạm Văn Góp", authorPhone: "0912000777", showName: "on" }),
    });
    expect(res.status).toBe(303);
    const after = await expectCurrent(path);
    expect(after).not.toBe(before);
  });

  it("show a disclosure changed by another process sharing the database at the very next request", async () => {
    const path = `/cong-khai/${planSlug()}`;
    await expectCurrent(path);
    await expectCurrent("/cong-khai");
    fixture.db.prepare("UPDATE disclosures SET title = title || ' (đã sửa)' WHERE slug = ?").run(planSlug());
    expect(visibleText(await expectCurrent(path))).toContain("(đã sửa)");
    expect(visibleText(await expectCurrent("/cong-khai"))).toContain("(đã sửa)");
  });

  it("show a holiday added by the administrator (moving due dates) at the very next request", async () => {
    const { code } = await fileByForm(fixture.portal, filingFields());
    const before = await expectCurrent(`/ho-so/${code}`);
    const dueOn = (fixture.db.prepare("SELECT due_on AS d FROM cases WHERE code = ?").get(code) as { d: string }).d;
    const { client } = await signInClient(fixture.portal, "quantri@demo.dan-biet.vn", undefined, { totpSecret: fixture.adminTotpSecret });
    const page = await client.get("/can-bo/quan-tri/ngay-nghi");
    const saved = await client.post(
      "/can-bo/quan-tri/ngay-nghi",
      new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), intent: "save-day", date: dueOn, kind: "holiday", name: "Nghỉ bù thử" }),
    );
    expect(saved.status).toBeLessThan(400);
    const after = await expectCurrent(`/ho-so/${code}`);
    expect(after).not.toBe(before);
  });

  it("are never shared for pages that belong to one person", async () => {
    for (const path of ["/can-bo/dang-nhap", "/tra-cuu/XT-26-0000001"]) {
      const res = await get(path);
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
      expect(res.headers.get("etag"), path).toBeNull();
    }
    // The filing form keeps its token (it is not a cached page): a cookie and a token in the form.
    const form = await get("/gui-phan-anh");
    expect(form.headers.get("set-cookie")).toMatch(/^csrf=/);
    expect(hiddenValue(form.body, "csrf")).not.toBe("");
  });
});
