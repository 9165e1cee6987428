// A resident files a petition through the running portal (production build, real SQLite file, real SMTP server).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { Client, hiddenValue, visibleText, type Page } from "../support/browserless-client";
import { brokenJpeg, complaintFields, exeRenamedJpg, filingFields, formData, jpegWithGps, pdf, png } from "../support/factories";
import { signInClient, usePortal } from "../support/portal-fixture";
import { runAccounts } from "../support/server";

const fixture = usePortal({ smtp: true, db: "readonly" });

function counts() {
  const n = (table: string) => (fixture.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { cases: n("cases"), contacts: n("case_contacts"), events: n("case_events"), attachments: n("attachments"), outbox: n("outbox") };
}

function uploadedFiles(): string[] {
  if (!fs.existsSync(fixture.portal.uploadDir)) return [];
  return fs
    .readdirSync(fixture.portal.uploadDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

/** Opens the form like a browser, then posts it with the page's own CSRF token and idempotency key. */
async function file(
  fields: Record<string, string>,
  files: { name: string; bytes: Buffer; type?: string }[] = [],
  client = new Client(fixture.url),
): Promise<{ client: Client; page: Page; form: Page }> {
  const form = await client.get("/gui-phan-anh");
  expect(form.status).toBe(200);
  const body = formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...fields }, files);
  const page = await client.post("/gui-phan-anh", body);
  return { client, page, form };
}

function errorSummary(html: string): string {
  const match = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html);
  return match ? visibleText(match[0]) : "";
}

describe("filing a petition", () => {
  it("creates exactly one case, one event, one outbox mail, and the photo — then shows the receipt", async () => {
    const before = counts();
    const photo = await jpegWithGps();
    const { client, page } = await file(filingFields({ email: "binh@example.vn" }), [{ name: "tuong-rao.jpg", bytes: photo, type: "image/jpeg" }]);
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/bien-nhan\/[A-Za-z0-9_-]{40,}$/);
    const after = counts();
    expect(after.cases - before.cases).toBe(1);
    expect(after.contacts - before.contacts).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(after.attachments - before.attachments).toBe(1);
    expect(after.outbox - before.outbox).toBe(1);

    const receipt = await client.get(page.location!);
    const text = visibleText(receipt.html);
    expect(text).toContain("Đã nhận hồ sơ của bạn");
    expect(text).toMatch(/XT-\d{2}-\d{7}/);
    expect(text).toMatch(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);
    expect(text).toContain("Xuân Bắc");
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(receipt.headers.get("cache-control")).toContain("no-store");
  });

  it("stores the photo upright, re-encoded, without EXIF (camera, GPS) unless the resident keeps the location", async () => {
    const photo = await jpegWithGps(64, 32);
    await file(filingFields({ title: "Ảnh không giữ vị trí" }), [{ name: "anh.jpg", bytes: photo }]);
    const row = fixture.db.prepare("SELECT id, latitude FROM attachments ORDER BY rowid DESC LIMIT 1").get() as { id: string; latitude: number | null };
    const stored = fs.readFileSync(path.join(fixture.portal.uploadDir, row.id.slice(0, 2), row.id));
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    // Orientation 6 rotates a 64×32 photo to stand 32 wide and 64 tall.
    expect([meta.width, meta.height]).toEqual([32, 64]);
    expect(stored.includes(Buffer.from("TestCam"))).toBe(false);
    expect(row.latitude).toBeNull();

    await file(filingFields({ title: "Ảnh giữ vị trí", keepPhotoLocation: "on" }), [{ name: "anh.jpg", bytes: photo }]);
    const kept = fixture.db.prepare("SELECT latitude, longitude FROM attachments ORDER BY rowid DESC LIMIT 1").get() as { latitude: number; longitude: number };
    expect(kept.latitude).toBeCloseTo(20.25, 3);
    expect(kept.longitude).toBeCloseTo(106.3333, 3);
  });

  it("sends the confirmation mail to a real SMTP server, with the code and no name in the subject", async () => {
    const { client, page } = await file(filingFields({ email: "mail-test@example.vn", fullName: "Phạm Văn Tố" }));
    const receipt = await client.get(page.location!);
    const code = /XT-\d{2}-\d{7}/.exec(visibleText(receipt.html))![0];
    const mail = await fixture.smtp.waitForMail((m) => m.to.includes("mail-test@example.vn"));
    expect(mail.subject).toBe(`Dân Biết: đã nhận hồ sơ ${code}`);
    expect(mail.subject).not.toContain("Phạm");
    expect(mail.text).toContain(code);
    expect(mail.text).toContain(`${fixture.url}${page.location}`);
    // The worker marks the row sent right after the server's 250.
    await expect
      .poll(() => (fixture.db.prepare("SELECT status FROM outbox WHERE to_address = ?").get("mail-test@example.vn") as { status: string }).status)
      .toBe("sent");
  });

  it("files a complaint with the fields the law requires for it, and routes a district project to the district", async () => {
    const { page } = await file(complaintFields({ projectLevel: "district" }));
    expect(page.status).toBe(303);
    const row = fixture.db.prepare("SELECT commune_id, routing_reason, kind_code FROM cases ORDER BY id DESC LIMIT 1").get() as Record<string, string>;
    expect(row).toEqual({ commune_id: "huyen-xuan-truong", routing_reason: "compensation-district-project", kind_code: "complaint" });
    const contact = fixture.db.prepare("SELECT details, id_number FROM case_contacts ORDER BY case_id DESC LIMIT 1").get() as {
      details: string;
      id_number: string;
    };
    expect(JSON.parse(contact.details)).toMatchObject({ complainedBody: "UBND xã Xuân Hồng", decisionKnownOn: "2026-11-05" });
    expect(contact.id_number).toBe("036080001234");
  });

  it("accepts PNG and PDF attachments identified by content", async () => {
    const before = counts();
    const { page } = await file(filingFields(), [
      { name: "so-do.png", bytes: await png() },
      { name: "quyet-dinh.pdf", bytes: pdf(), type: "application/pdf" },
    ]);
    expect(page.status).toBe(303);
    expect(counts().attachments - before.attachments).toBe(2);
  });
});

describe("languages", () => {
  it("Vietnamese by default; the English switch keeps the page and remembers the choice", async () => {
    const client = new Client(fixture.url);
    const vi = await client.get("/gui-phan-anh");
    expect(vi.html).toContain('<html lang="vi"');
    expect(visibleText(vi.html)).toContain("Gửi phản ánh, kiến nghị");
    const switched = await client.get("/ngon-ngu?lang=en&back=%2Fgui-phan-anh");
    expect(switched.status).toBe(302);
    expect(switched.location).toBe("/gui-phan-anh");
    const en = await client.get("/gui-phan-anh");
    expect(en.html).toContain('<html lang="en"');
    const text = visibleText(en.html);
    expect(text).toContain("Send feedback or a petition");
    expect(text).toContain("Compensation, support and resettlement (site clearance)");
    expect(text).toContain("Tiếng Việt");
    // An English filing gets English errors.
    const page = await client.post("/gui-phan-anh", formData({ csrf: hiddenValue(en.html, "csrf"), idempotencyKey: hiddenValue(en.html, "idempotencyKey") }));
    expect(visibleText(page.html)).toContain("This has not been filled in.");
  });

  it("the language switch only returns to local pages", async () => {
    const res = await new Client(fixture.url).get("/ngon-ngu?lang=en&back=https%3A%2F%2Fevil.example");
    expect(res.location).toBe("/");
    expect((await new Client(fixture.url).get("/ngon-ngu?lang=en&back=%2F%2Fevil.example")).location).toBe("/");
  });

  it("the language cookie is out of scripts' reach", async () => {
    const res = await fetch(`${fixture.url}/ngon-ngu?lang=en&back=%2F`, { redirect: "manual" });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lang="));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});

describe("double submission", () => {
  it("creates one case when the same form is posted twice (double click, back and resubmit)", async () => {
    const client = new Client(fixture.url);
    const form = await client.get("/gui-phan-anh");
    const fields = {
      csrf: hiddenValue(form.html, "csrf"),
      idempotencyKey: hiddenValue(form.html, "idempotencyKey"),
      ...filingFields({ title: "Gửi hai lần" }),
    };
    const before = counts();
    const [a, b] = await Promise.all([client.post("/gui-phan-anh", formData(fields)), client.post("/gui-phan-anh", formData(fields))]);
    const c = await client.post("/gui-phan-anh", formData(fields));
    expect([a.status, b.status, c.status]).toEqual([303, 303, 303]);
    expect(new Set([a.location, b.location, c.location]).size).toBe(1);
    expect(counts().cases - before.cases).toBe(1);
    expect(counts().outbox - before.outbox).toBe(0);
  });

  it("the same text sent again from a fresh form of the same browser shows the first receipt; another browser files its own", async () => {
    const fields = filingFields({ title: "Gửi lại sau khi bấm Quay lại", description: "Mương thoát nước bị lấp, nước tràn vào nhà." });
    const before = counts();
    const first = await file(fields);
    expect(first.page.status).toBe(303);
    // Back to a page the browser loads again: a new form key, the same words (typed again, other spaces).
    const again = await file({ ...fields, title: "  Gửi lại sau khi bấm  Quay lại " }, [], first.client);
    expect(again.page.location).toBe(first.page.location);
    expect(counts().cases - before.cases).toBe(1);
    // Someone else typing the same words (a published case's text, say) never reaches this receipt.
    const stranger = await file(fields);
    expect(stranger.page.status).toBe(303);
    expect(stranger.page.location).not.toBe(first.page.location);
    expect(counts().cases - before.cases).toBe(2);
    // A different filing from the same browser is a case of its own.
    const other = await file({ ...fields, description: "Một việc khác hẳn." }, [], first.client);
    expect(other.page.location).not.toBe(first.page.location);
    expect(counts().cases - before.cases).toBe(3);
  });

  it("a form key sent again with other words is refused with a message, never answered with the first filer's receipt", async () => {
    const client = new Client(fixture.url);
    const form = await client.get("/gui-phan-anh");
    const key = { csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey") };
    const before = counts();
    const first = await client.post("/gui-phan-anh", formData({ ...key, ...filingFields({ title: "Hồ sơ của người thứ nhất" }) }));
    expect(first.status).toBe(303);
    // Someone who got hold of the key (a shared computer, a copied page) posts their own case with it.
    const other = new Client(fixture.url);
    const otherForm = await other.get("/gui-phan-anh");
    const reused = await other.post(
      "/gui-phan-anh",
      formData({
        csrf: hiddenValue(otherForm.html, "csrf"),
        idempotencyKey: key.idempotencyKey,
        ...filingFields({ title: "Hồ sơ khác", phone: "0987 654 321" }),
      }),
    );
    expect(reused.status).toBe(400);
    expect(reused.location).toBeNull();
    expect(visibleText(reused.html)).toContain("Biểu mẫu này đã được dùng để gửi một hồ sơ khác");
    expect(reused.html).not.toContain(first.location!.split("/").pop()!);
    expect(counts().cases - before.cases).toBe(1);
  });

  it("file names phones give (semicolons, equals signs, quotes, Vietnamese) are accepted and shown as sent", async () => {
    const jpeg = await jpegWithGps();
    const { page } = await file(filingFields({ title: "Tên tệp lạ" }), [
      { name: "ảnh; nhà bà Hoa.jpg", bytes: jpeg, type: "image/jpeg" },
      { name: "so-do=1.jpg", bytes: jpeg, type: "image/jpeg" },
      { name: 'bản "vẽ".jpg', bytes: jpeg, type: "image/jpeg" },
    ]);
    expect(page.status).toBe(303);
    const names = fixture.db
      .prepare("SELECT a.display_name AS name FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.title = ? ORDER BY a.rowid")
      .all("Tên tệp lạ") as { name: string }[];
    // The files' order in storage is not the order they were sent in: the names are what matters.
    expect(names).toHaveLength(3);
    expect(names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["ảnh; nhà bà Hoa.jpg", "so-do=1.jpg", expect.stringMatching(/^bản (%22|")vẽ(%22|")\.jpg$/)]),
    );
  });

  it("a HEIC photo and a JPEG of the same name keep distinct names", async () => {
    const heic = fs.readFileSync(path.join(__dirname, "../fixtures/photo.heic"));
    const { page } = await file(filingFields({ title: "Hai ảnh cùng tên" }), [
      { name: "IMG_1.heic", bytes: heic, type: "image/heic" },
      { name: "IMG_1.jpg", bytes: await jpegWithGps(), type: "image/jpeg" },
    ]);
    expect(page.status).toBe(303);
    const names = fixture.db
      .prepare("SELECT a.display_name AS name FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.title = ? ORDER BY a.display_name")
      .all("Hai ảnh cùng tên");
    expect(names).toEqual([{ name: "IMG_1 (2).jpg" }, { name: "IMG_1.jpg" }]);
  });
});

describe("bad input gets a clear message and stores nothing", () => {
  async function rejected(fields: Record<string, string>, files: { name: string; bytes: Buffer }[] = []) {
    const before = counts();
    const filesBefore = uploadedFiles().length;
    const { page } = await file(fields, files);
    expect(counts()).toEqual(before);
    expect(uploadedFiles().length).toBe(filesBefore);
    return page;
  }

  it("empty and whitespace-only required fields are named in the summary, and what was typed is kept", async () => {
    const page = await rejected(filingFields({ title: "   ", description: "", fullName: "\u200B\u200B", place: "Cổng chợ Lạc Quần" }));
    expect(page.status).toBe(400);
    const summary = errorSummary(page.html);
    expect(summary).toContain("Mục này chưa được điền.");
    expect(page.html).toMatch(/href="#field-title"/);
    expect(page.html).toMatch(/href="#field-description"/);
    expect(page.html).toMatch(/href="#field-fullName"/);
    expect(page.html).toContain('value="Cổng chợ Lạc Quần"');
    expect(visibleText(page.html)).toContain("hãy chọn lại ảnh, giấy tờ");
  });

  it("a 200 000-character description is refused with its limit", async () => {
    const page = await rejected(filingFields({ description: "đ".repeat(200_000) }));
    expect(errorSummary(page.html)).toContain("Quá dài: tối đa 10000 ký tự.");
  });

  it("<script> in every field is kept as text and never executed", async () => {
    const xss = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const client = new Client(fixture.url);
    const { page } = await file(
      filingFields({ title: xss, description: xss, requestedOutcome: xss, place: xss, address: xss, fullName: `Lê ${xss}`, publishConsent: "on" }),
      [],
      client,
    );
    expect(page.status).toBe(303);
    const receipt = await client.get(page.location!);
    const code = /XT-\d{2}-\d{7}/.exec(visibleText(receipt.html))![0];
    const pub = await client.get(`/ho-so/${code}`);
    expect(visibleText(pub.html)).toContain(`<script>alert("x")</script>`);
    // Every page that shows these fields: the receipt, the public page, and the official's case page (name, address).
    const official = runAccounts(fixture.portal, [
      "create",
      "--email",
      "canbo.xss@test.vn",
      "--name",
      "Cán bộ thử",
      "--role",
      "commune_official",
      "--commune",
      "xuan-bac",
      "--password",
      "mat khau can bo rat dai",
    ]);
    expect(official.status, official.stderr).toBe(0);
    const { client: staff } = await signInClient(fixture.portal, "canbo.xss@test.vn", "mat khau can bo rat dai", { next: "/can-bo" });
    const casePage = await staff.get(`/can-bo/ho-so/${code}`);
    expect(casePage.status).toBe(200);
    expect(visibleText(casePage.html)).toContain(`Lê <script>alert("x")</script>`);
    for (const html of [receipt.html, pub.html, casePage.html]) {
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<img src=x");
    }
    expect(casePage.html).toContain("&lt;script&gt;alert");
  });

  it("NUL bytes are refused; zero-width and bidi control characters are removed before storing", async () => {
    const page = await rejected(filingFields({ title: "Lấn\u0000 chiếm" }));
    expect(errorSummary(page.html)).toContain("ký tự không hợp lệ");

    await file(filingFields({ fullName: "Ngô\u200B Văn\u202E Cường\u2066", title: "Ký tự ẩn" }));
    const row = fixture.db.prepare("SELECT full_name FROM case_contacts ORDER BY case_id DESC LIMIT 1").get() as { full_name: string };
    expect(row.full_name).toBe("Ngô Văn Cường");
  });

  it("Vietnamese typed decomposed (NFD) is stored as NFC and found by a diacritic-free search key", async () => {
    const nfd = "Nguyễn Đường Hà Nội".normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));
    await file(filingFields({ title: nfd, fullName: "Nguyễn Thị Hoà".normalize("NFD") }));
    const row = fixture.db
      .prepare("SELECT c.title, c.search_text, p.full_name FROM cases c JOIN case_contacts p ON p.case_id = c.id ORDER BY c.id DESC LIMIT 1")
      .get() as Record<string, string>;
    expect(row.title).toBe("Nguyễn Đường Hà Nội".normalize("NFC"));
    expect(row.full_name).toBe("Nguyễn Thị Hoà".normalize("NFC"));
    expect(row.search_text).toContain("nguyen duong ha noi");
  });

  it("a program renamed from .exe to .jpg is refused by its content", async () => {
    const page = await rejected(filingFields(), [{ name: "anh.jpg", bytes: exeRenamedJpg() }]);
    expect(errorSummary(page.html)).toContain("Tệp “anh.jpg” không phải ảnh");
  });

  it("a photo that cannot be re-encoded is refused", async () => {
    const page = await rejected(filingFields(), [{ name: "hong.jpg", bytes: brokenJpeg() }]);
    expect(errorSummary(page.html)).toContain("Không đọc được ảnh “hong.jpg”");
  });

  it("a 30 MB file is refused with the per-file limit", async () => {
    const big = Buffer.concat([await png(), Buffer.alloc(30 * 1024 * 1024)]);
    const page = await rejected(filingFields(), [{ name: "lon.png", bytes: big }]);
    expect(errorSummary(page.html)).toContain("lớn hơn 10 MB");
  });

  it("a request over the whole-request cap is refused with 413 before it is read, and stores nothing", async () => {
    const before = counts();
    const huge = Buffer.alloc(53 * 1024 * 1024, 1);
    const { page } = await file(filingFields(), [{ name: "rat-lon.pdf", bytes: huge }]);
    expect(page.status).toBe(413);
    expect(visibleText(page.html)).toContain("Tổng dung lượng gửi quá lớn (tối đa 50 MB)");
    expect(counts()).toEqual(before);
  });

  it("six files are refused: at most five", async () => {
    const small = await png();
    const page = await rejected(
      filingFields(),
      Array.from({ length: 6 }, (_, i) => ({ name: `anh-${i}.png`, bytes: small })),
    );
    expect(errorSummary(page.html)).toContain("tối đa 5 tệp");
  });

  it("an unknown commune id and a forged kind are refused", async () => {
    const page = await rejected(filingFields({ commune: "xa-khong-co", kind: "petition-admin" }));
    const summary = errorSummary(page.html);
    expect(summary).toContain("Hãy chọn xã, thị trấn nơi xảy ra việc.");
    expect(summary).toContain("Hãy chọn loại việc");
  });

  it("a complaint without the decision complained about and the ID number says what is missing", async () => {
    const page = await rejected(complaintFields({ complainedDecision: "", idNumber: "" }));
    expect(page.html).toMatch(/href="#field-complainedDecision"/);
    expect(page.html).toMatch(/href="#field-idNumber"/);
  });

  it("extra fields (status, communeId) are ignored, not stored", async () => {
    const { page } = await file({ ...filingFields({ title: "Trường thừa" }), status: "closed", communeId: "xuan-vinh" });
    expect(page.status).toBe(303);
    const row = fixture.db.prepare("SELECT status, commune_id FROM cases ORDER BY id DESC LIMIT 1").get();
    expect(row).toEqual({ status: "received", commune_id: "xuan-bac" });
  });
});

describe("security of the filing form", () => {
  it("a post without the CSRF token is refused and stores nothing", async () => {
    const client = new Client(fixture.url);
    const form = await client.get("/gui-phan-anh");
    const before = counts();
    const page = await client.post("/gui-phan-anh", formData({ idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...filingFields() }));
    expect(page.status).toBe(403);
    expect(visibleText(page.html)).toContain("Biểu mẫu đã hết hạn");
    expect(page.html).toContain('value="Lấn chiếm lối đi chung của xóm"');
    expect(counts()).toEqual(before);
  });

  it("a cross-site post is refused even with a valid token", async () => {
    const client = new Client(fixture.url);
    const form = await client.get("/gui-phan-anh");
    const before = counts();
    const body = formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...filingFields() });
    const page = await client.post("/gui-phan-anh", body, { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" });
    expect(page.status).toBe(403);
    expect(visibleText(page.html)).toContain("Biểu mẫu này phải được gửi từ chính trang Dân Biết");
    expect(counts()).toEqual(before);
  });

  it("every page carries security headers and allows exactly Remix's inline scripts, by their hashes", async () => {
    const page = await new Client(fixture.url).get("/gui-phan-anh");
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("nonce-");
    const allowed = [...csp.matchAll(/'(sha256-[A-Za-z0-9+/=]+)'/g)].map((m) => m[1]);
    const inlineScripts = [...page.html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const body of inlineScripts) expect(allowed).toContain(`sha256-${crypto.createHash("sha256").update(body).digest("base64")}`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBeTruthy();
    expect(page.headers.get("x-powered-by")).toBeNull();
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith("csrf="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("pages full of Vietnamese text carry no NUL or broken characters", async () => {
    for (const path of ["/", "/gui-phan-anh", "/tra-cuu", "/can-bo/dang-nhap"]) {
      const res = await fetch(fixture.url + path);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.includes(0), path).toBe(false);
      expect(bytes.toString("utf8")).not.toContain("\uFFFD");
    }
  });

  it("/healthz answers with the database state", async () => {
    const res = await fetch(`${fixture.url}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: { status: "ok", journalMode: "wal", synchronous: "full", foreignKeys: true } });
    expect(body.database.migrations).toBeGreaterThanOrEqual(1);
  });
});

describe("rate limit", () => {
  // A portal of its own, allowing two filings per client in ten minutes.
  const limited = usePortal({ env: { RATE_LIMIT_FILING: "2/600" }, db: "readonly" });

  it("a client filing too often gets 429 with Retry-After, keeps its text, and nothing is stored", async () => {
    const client = new Client(limited.url);
    const post = async (title: string) => {
      const form = await client.get("/gui-phan-anh");
      return client.post(
        "/gui-phan-anh",
        formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...filingFields({ title }) }),
      );
    };
    expect((await post("Lần 1")).status).toBe(303);
    expect((await post("Lần 2")).status).toBe(303);
    const third = await post("Lần 3");
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(visibleText(third.html)).toContain("Bạn đã gửi nhiều lần trong thời gian ngắn");
    expect(third.html).toContain('value="Lần 3"');
    expect((limited.db.prepare("SELECT count(*) AS n FROM cases").get() as { n: number }).n).toBe(2);
  });
});
