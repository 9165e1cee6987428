// A resident follows their case: look-up by code + key or phone, the private page, answering a request for
// information with text and files, downloading their own attachments — and nobody else can.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { filingFields, formData, jpegWithGps, png } from "../support/factories";
import { usePortal } from "../support/portal-fixture";

// Read-write: the information requests below are written straight into the portal's database.
const fixture = usePortal({ db: "readwrite" });

interface Filed {
  client: Client;
  code: string;
  accessKey: string;
  receiptPath: string;
}

async function fileCase(fields: Record<string, string> = filingFields(), files: { name: string; bytes: Buffer }[] = []): Promise<Filed> {
  const client = new Client(fixture.url);
  const form = await client.get("/gui-phan-anh");
  const page = await client.post(
    "/gui-phan-anh",
    formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...fields }, files),
  );
  expect(page.status).toBe(303);
  const receipt = visibleText((await client.get(page.location!)).html);
  return {
    client,
    code: /XT-\d{2}-\d{7}/.exec(receipt)![0],
    accessKey: /[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/.exec(receipt)![0],
    receiptPath: page.location!,
  };
}

async function lookUp(client: Client, fields: Record<string, string>) {
  const form = await client.get("/tra-cuu");
  return client.post("/tra-cuu", new URLSearchParams({ csrf: hiddenValue(form.html, "csrf"), ...fields }));
}

/** An official asks for more information (the staff screen comes with the officials issue; the rule is here now). */
function requestInformation(code: string, message: string) {
  const db = fixture.db;
  const now = new Date().toISOString();
  const row = db.prepare("SELECT id, status FROM cases WHERE code = ?").get(code) as { id: number; status: string };
  db.prepare("UPDATE cases SET status = 'info_requested', status_before_info_request = ?, updated_at = ? WHERE id = ?").run(row.status, now, row.id);
  db.prepare("INSERT INTO case_events (case_id, type, visibility, actor, body, created_at) VALUES (?, 'info_requested', 'public', 'official', ?, ?)").run(
    row.id,
    message,
    now,
  );
}

describe("look-up", () => {
  it("code + access key opens the resident's own page with status, timeline and what they sent", async () => {
    const filed = await fileCase(filingFields({ title: "Tra cứu bằng mã truy cập" }));
    const stranger = new Client(fixture.url);
    const res = await lookUp(stranger, { code: filed.code, accessKey: filed.accessKey });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/tra-cuu/${filed.code}`);
    const page = await stranger.get(res.location!);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain(`Hồ sơ ${filed.code}`);
    expect(text).toContain("Đã tiếp nhận");
    expect(text).toContain("Hồ sơ được gửi và tiếp nhận");
    expect(text).toContain("Tra cứu bằng mã truy cập");
    expect(text).toContain("Trần Thị Bình");
    expect(page.headers.get("cache-control")).toContain("no-store");
  });

  it("code typed loosely + the phone number in international form also works", async () => {
    const filed = await fileCase();
    const client = new Client(fixture.url);
    const res = await lookUp(client, { code: filed.code.toLowerCase().replace(/-/g, " "), phone: "+84 912 345 678" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/tra-cuu/${filed.code}`);
  });

  it("five wrong phone numbers on one code, from any address, lock that code's phone look-up and mail the filer once", async () => {
    const filed = await fileCase(filingFields({ email: "khoa.tra.cuu@example.vn" }));
    for (let i = 0; i < 5; i++) {
      // A new client each time: as many addresses (browsers) as an attacker likes.
      const res = await lookUp(new Client(fixture.url), { code: filed.code, phone: `0900 000 00${i}` });
      expect(res.status).toBe(400);
      expect(visibleText(res.html)).not.toContain("tạm khóa");
    }
    // Now even the right number is refused, with a message that says what still works.
    const right = await lookUp(new Client(fixture.url), { code: filed.code, phone: "0912 345 678" });
    expect(right.status).toBe(400);
    expect(visibleText(right.html)).toContain("Tra cứu hồ sơ này bằng số điện thoại đang tạm khóa");
    const byKey = await lookUp(new Client(fixture.url), { code: filed.code, accessKey: filed.accessKey });
    expect(byKey.status).toBe(303);
    const mails = fixture.db.prepare("SELECT subject FROM outbox WHERE to_address = ? AND subject LIKE '%tra cứu sai%'").all("khoa.tra.cuu@example.vn");
    expect(mails).toHaveLength(1);
    // Another case's phone look-up is not affected.
    const other = await fileCase();
    expect((await lookUp(new Client(fixture.url), { code: other.code, phone: "0912 345 678" })).status).toBe(303);
  });

  it("a wrong key gives one plain message, and the private page stays closed", async () => {
    const filed = await fileCase();
    const client = new Client(fixture.url);
    const res = await lookUp(client, { code: filed.code, accessKey: "AAAA-BBBB-CCCC-DDDD" });
    expect(res.status).toBe(400);
    expect(visibleText(res.html)).toContain("Không tìm thấy hồ sơ với mã và thông tin đã nhập");
    expect(res.html).toContain(`value="${filed.code}"`);
    const page = await client.get(`/tra-cuu/${filed.code}`);
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/tra-cuu?ma=${filed.code}`);
  });

  it("a code with a typo, and a code without key or phone, say how to fix it", async () => {
    const client = new Client(fixture.url);
    const bad = await lookUp(client, { code: "XT-26-0000000", accessKey: "ABCD" });
    expect(visibleText(bad.html)).toContain("Mã hồ sơ chưa đúng");
    const filed = await fileCase();
    const noSecret = await lookUp(client, { code: filed.code });
    expect(visibleText(noSecret.html)).toContain("Hãy nhập mã truy cập hoặc số điện thoại");
  });

  it("the receipt link's button opens the case page without typing anything", async () => {
    const filed = await fileCase();
    const receipt = await filed.client.get(filed.receiptPath);
    const res = await filed.client.post(
      "/tra-cuu",
      new URLSearchParams({ csrf: hiddenValue(receipt.html, "csrf"), receiptToken: hiddenValue(receipt.html, "receiptToken") }),
    );
    expect(res.location).toBe(`/tra-cuu/${filed.code}`);
  });

  describe("on a portal allowing three look-ups per client in ten minutes", () => {
    const limited = usePortal({ env: { RATE_LIMIT_LOOKUP: "3/600" } });

    it("guessing is slowed: too many look-ups from one client get 429", async () => {
      const client = new Client(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const form = await client.get("/tra-cuu");
        const res = await client.post("/tra-cuu", new URLSearchParams({ csrf: hiddenValue(form.html, "csrf"), code: "XT-26-0000120", phone: "0900000000" }));
        statuses.push(res.status);
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
    });
  });
});

describe("answering a request for more information", () => {
  it("the resident sees the request and answers with text and a HEIC photo; the case goes back to where it was", async () => {
    const filed = await fileCase();
    requestInformation(filed.code, "Đề nghị gửi ảnh chụp bức tường rào.");
    const client = new Client(fixture.url);
    await lookUp(client, { code: filed.code, accessKey: filed.accessKey });
    const page = await client.get(`/tra-cuu/${filed.code}`);
    expect(visibleText(page.html)).toContain("Cơ quan đề nghị bạn bổ sung");
    expect(visibleText(page.html)).toContain("Đề nghị gửi ảnh chụp bức tường rào.");

    const heic = fs.readFileSync(path.join(__dirname, "../fixtures/photo.heic"));
    const res = await client.post(
      `/tra-cuu/${filed.code}`,
      formData({ csrf: hiddenValue(page.html, "csrf"), idempotencyKey: hiddenValue(page.html, "idempotencyKey"), body: "Tôi gửi ảnh bức tường." }, [
        { name: "IMG_0001.HEIC", bytes: heic, type: "image/heic" },
      ]),
    );
    expect(res.status).toBe(303);
    const after = await client.get(res.location!);
    const text = visibleText(after.html);
    expect(text).toContain("Đã gửi phần bổ sung");
    expect(text).toContain("Người gửi đã bổ sung thông tin");
    expect(text).toContain("Tôi gửi ảnh bức tường.");
    expect(text).toContain("IMG_0001.jpg");
    expect(text).not.toContain("Cơ quan đề nghị bạn bổ sung");

    const href = /href="(\/tep\/[0-9a-f-]{36})"/.exec(after.html)![1];
    const download = await client.get(href);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/jpeg");
    const status = (fixture.db.prepare("SELECT status FROM cases WHERE code = ?").get(filed.code) as { status: string }).status;
    expect(status).toBe("received");
  });

  it("an empty answer is refused with a message and nothing changes", async () => {
    const filed = await fileCase();
    requestInformation(filed.code, "Cần thêm giấy tờ.");
    const client = new Client(fixture.url);
    await lookUp(client, { code: filed.code, accessKey: filed.accessKey });
    const page = await client.get(`/tra-cuu/${filed.code}`);
    const res = await client.post(
      `/tra-cuu/${filed.code}`,
      formData({ csrf: hiddenValue(page.html, "csrf"), idempotencyKey: hiddenValue(page.html, "idempotencyKey"), body: "  \u200B " }),
    );
    expect(res.status).toBe(400);
    expect(visibleText(res.html)).toContain("Mục này chưa được điền.");
  });

  it("a browser that has not looked the case up cannot post an answer", async () => {
    const filed = await fileCase();
    requestInformation(filed.code, "Cần thêm giấy tờ.");
    const stranger = new Client(fixture.url);
    const form = await stranger.get("/tra-cuu");
    const res = await stranger.post(
      `/tra-cuu/${filed.code}`,
      formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: "abcdefghijklmnopqrstuvwx", body: "Giả mạo" }),
    );
    expect(res.status).toBe(302);
    const n = (fixture.db.prepare("SELECT count(*) AS n FROM case_events WHERE body = 'Giả mạo'").get() as { n: number }).n;
    expect(n).toBe(0);
  });
});

describe("attachments", () => {
  it("are served to the filer only, as a download with a safe type, and never from public/", async () => {
    const filed = await fileCase(filingFields(), [{ name: "Ảnh tường rào.png", bytes: await png(30, 30) }]);
    const client = new Client(fixture.url);
    await lookUp(client, { code: filed.code, accessKey: filed.accessKey });
    const page = await client.get(`/tra-cuu/${filed.code}`);
    const href = /href="(\/tep\/[0-9a-f-]{36})"/.exec(page.html)![1];

    const res = await fetch(fixture.url + href, { headers: { Cookie: client.cookieHeader() } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Anh tuong rao.png"; filename*=UTF-8''${encodeURIComponent("Ảnh tường rào.png")}`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.width).toBe(30);

    const stranger = await fetch(fixture.url + href);
    expect(stranger.status).toBe(404);
    const otherResident = await fileCase();
    const other = new Client(fixture.url);
    await lookUp(other, { code: otherResident.code, accessKey: otherResident.accessKey });
    expect((await fetch(fixture.url + href, { headers: { Cookie: other.cookieHeader() } })).status).toBe(404);
    const id = href.split("/").pop()!;
    expect((await fetch(`${fixture.url}/uploads/${id}`)).status).toBe(404);
    expect((await fetch(`${fixture.url}/build/../data/uploads/${id}`)).status).toBe(404);
  });

  it("the public case page lists no attachment and no personal data", async () => {
    const filed = await fileCase(
      filingFields({ fullName: "Vũ Thị Kín", phone: "0966111222", email: "kin@example.vn", address: "Ngõ 7 Kín Đáo", idNumber: "036099001111" }),
      [{ name: "anh.jpg", bytes: await jpegWithGps() }],
    );
    const page = await new Client(fixture.url).get(`/ho-so/${filed.code}`);
    expect(page.status).toBe(200);
    const html = page.html;
    for (const secret of ["Vũ Thị Kín", "0966111222", "kin@example.vn", "Ngõ 7 Kín Đáo", "036099001111", "/tep/", "anh.jpg"]) {
      expect(html).not.toContain(secret);
    }
    expect(visibleText(html)).toContain("Người gửi không đồng ý công khai nội dung hồ sơ.");
  });
});
