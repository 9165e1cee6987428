// Citizen reception through the running portal: the public schedule, a resident's booking and its mails, the staff's
// decisions and the reception log, each unit's staff kept to their own unit, supervisors without identities.
import { describe, expect, it } from "vitest";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { complaintFields, filingFields, formData, pdf } from "../support/factories";
import { fileByForm, signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ smtp: true, demo: true, db: "readwrite" });

async function staff(email: string) {
  const { client, res } = await signInClient(fixture.portal, email, undefined, { next: "/can-bo" });
  expect(res.status).toBe(303);
  return client;
}

const count = (sql: string, ...params: unknown[]) => (fixture.db.prepare(sql).get(...params) as { n: number }).n;
const bookings = () => count("SELECT count(*) AS n FROM reception_bookings");

/** The next open session of a unit (written by the demo's weekly rule). */
function nextSession(communeId: string): { id: number; date: string } {
  return fixture.db
    .prepare("SELECT id, date FROM reception_sessions WHERE commune_id = ? AND status = 'scheduled' AND date > date('now', '+1 day') ORDER BY date LIMIT 1")
    .get(communeId) as { id: number; date: string };
}

function bookingFields(sessionId: number | string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    sessionId: String(sessionId),
    name: "Hoàng Văn Quý",
    phone: "0913 456 789",
    email: "quy@example.vn",
    matter: "Hỏi về thủ tục tách thửa đất.",
    ...overrides,
  };
}

async function bookAs(fields: Record<string, string>) {
  const client = new Client(fixture.url);
  const res = await client.post(`/tiep-cong-dan/phien/${fields.sessionId}`, new URLSearchParams(fields));
  return { client, res };
}

describe("the public schedule", () => {
  it("lists coming sessions of every demo unit with places left, and no one's name or phone", async () => {
    const page = await new Client(fixture.url).get("/tiep-cong-dan");
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    for (const unit of ["UBND huyện Xuân Trường", "Xuân Bắc", "Xuân Hồng", "Xuân Vinh", "Thị trấn Xuân Trường"]) expect(text).toContain(unit);
    expect(text).toContain("Đặt lịch");
    expect(text).toContain("Trực tuyến");
    expect(text).not.toContain("Đỗ Văn Hải");
    expect(text).not.toContain("0912000111");
    // The demo's group complaint in Xuân Hồng had its dialogue: the public page says so, with no names.
    const demo = fixture.db.prepare("SELECT c.code FROM dialogues d JOIN cases c ON c.id = d.case_id WHERE d.status = 'held'").get() as { code: string };
    const casePage = visibleText((await new Client(fixture.url).get(`/ho-so/${demo.code}`)).html);
    expect(casePage).toContain("Đã tổ chức đối thoại");
    expect(casePage).not.toContain("Trần Thị Cúc");
    const home = visibleText((await new Client(fixture.url).get("/")).html);
    expect(home).toContain("Lịch tiếp công dân sắp tới");
  });
});

describe("booking", () => {
  it("a resident books a place, gets a code, a printable confirmation and a mail; cancels with the code", async () => {
    const session = nextSession("xuan-ninh");
    const before = bookings();
    const { client, res } = await bookAs(bookingFields(session.id, { group: "on", people: "6" }));
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/tiep-cong-dan\/dat-lich\/DL-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(bookings()).toBe(before + 1);
    const code = res.location!.split("/").pop()!;
    const page = await client.get(res.location!);
    expect(page.headers.get("Cache-Control")).toContain("no-store");
    const text = visibleText(page.html);
    expect(text).toContain(code);
    expect(text).toContain("Xuân Ninh");
    expect(text).toContain("chờ đơn vị xác nhận");
    expect(text).not.toContain("Hoàng Văn Quý");
    expect(text).not.toContain("0913");
    expect(text).not.toContain("tách thửa");
    const mail = await fixture.smtp.waitForMail((m) => m.to.includes("quy@example.vn") && m.text.includes(code));
    expect(mail.subject).toContain(code);
    expect(mail.text).toContain(`/tiep-cong-dan/dat-lich/${code}`);
    const row = fixture.db.prepare("SELECT people, phone, status FROM reception_bookings WHERE code = ?").get(code) as {
      people: number;
      phone: string;
      status: string;
    };
    expect(row).toEqual({ people: 6, phone: "0913 456 789", status: "requested" });

    const cancelled = await client.post(`/tiep-cong-dan/dat-lich/${code}`, new URLSearchParams({ confirm: "on" }));
    expect(cancelled.status).toBe(200);
    expect(visibleText(cancelled.html)).toContain("Lịch đã được hủy");
    expect((fixture.db.prepare("SELECT status FROM reception_bookings WHERE code = ?").get(code) as { status: string }).status).toBe("cancelled");
    await fixture.smtp.waitForMail((m) => m.to.includes("quy@example.vn") && m.subject.includes("Đã hủy lịch"));
  });

  it("an unknown booking code is not found", async () => {
    expect((await new Client(fixture.url).get("/tiep-cong-dan/dat-lich/DL-2222-2222-2222")).status).toBe(404);
    expect((await new Client(fixture.url).get("/tiep-cong-dan/dat-lich/%3Cscript%3E")).status).toBe(404);
  });

  it("refuses a full, past or cancelled session, a group of 0 or 10 000, a forged session id or script: a clear message, nothing stored", async () => {
    const open = nextSession("xuan-phu");
    const past = fixture.db.prepare("SELECT id FROM reception_sessions WHERE date < date('now') LIMIT 1").get() as { id: number };
    const full = nextSession("xuan-tan");
    fixture.db.prepare("UPDATE reception_sessions SET capacity = 1 WHERE id = ?").run(full.id);
    expect((await bookAs(bookingFields(full.id, { email: "" }))).res.status).toBe(303);
    const cancelled = nextSession("xuan-thuy");
    fixture.db.prepare("UPDATE reception_sessions SET status = 'cancelled' WHERE id = ?").run(cancelled.id);
    const before = bookings();
    const outbox = count("SELECT count(*) AS n FROM outbox");
    const cases: [Record<string, string>, string][] = [
      [bookingFields(full.id), "đã hết chỗ"],
      [bookingFields(past.id), "đã qua hoặc đã bắt đầu"],
      [bookingFields(cancelled.id), "đã bị hủy"],
      [bookingFields(open.id, { group: "on", people: "0" }), "từ 2 đến 500"],
      [bookingFields(open.id, { group: "on", people: "10000" }), "từ 2 đến 500"],
      [bookingFields(open.id, { group: "on", people: "<script>alert(1)</script>" }), "tối đa 6 ký tự"],
      [bookingFields(open.id, { group: "on", people: "<b>" }), "từ 2 đến 500"],
      [bookingFields(999_999), "không tồn tại"],
      [bookingFields("<script>"), "không tồn tại"],
      [bookingFields(open.id, { phone: "<script>" }), "Số điện thoại"],
      [bookingFields(open.id, { caseCode: "XT-26-9999999" }), "Mã hồ sơ"],
      [bookingFields(open.id, { name: "" }), "Họ và tên"],
    ];
    for (const [fields, message] of cases) {
      const res = await new Client(fixture.url).post(`/tiep-cong-dan/phien/${open.id}`, new URLSearchParams(fields));
      expect(res.status, message).toBe(400);
      expect(visibleText(res.html), message).toContain(message);
    }
    expect(bookings()).toBe(before);
    expect(count("SELECT count(*) AS n FROM outbox")).toBe(outbox);
  });

  it("a post from another site is refused", async () => {
    const session = nextSession("xuan-phu");
    const before = bookings();
    const res = await new Client(fixture.url).post(`/tiep-cong-dan/phien/${session.id}`, new URLSearchParams(bookingFields(session.id)), {
      "Sec-Fetch-Site": "cross-site",
    });
    expect(res.status).toBe(403);
    expect(bookings()).toBe(before);
  });

  it("NFD text is stored composed; markup is shown as text to the staff", async () => {
    const session = nextSession("xuan-bac");
    const { res } = await bookAs(bookingFields(session.id, { name: "Nguyễn Thị Hương".normalize("NFD"), matter: "<script>alert(1)</script> lối đi chung" }));
    expect(res.status).toBe(303);
    const code = res.location!.split("/").pop()!;
    const row = fixture.db.prepare("SELECT name FROM reception_bookings WHERE code = ?").get(code) as { name: string };
    expect(row.name).toBe("Nguyễn Thị Hương".normalize("NFC"));
    const official = await staff("canbo.xuan-bac@demo.dan-biet.vn");
    const page = await official.get(`/can-bo/tiep-cong-dan/phien/${session.id}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("<script>alert(1)");
    expect(visibleText(page.html)).toContain("<script>alert(1)</script> lối đi chung");
  });
});

describe("staff", () => {
  it("confirm and refuse a booking with a reason, each mailed and audited", async () => {
    const session = nextSession("xuan-kien");
    const a = await bookAs(bookingFields(session.id, { email: "a@example.vn" }));
    const b = await bookAs(bookingFields(session.id, { email: "b@example.vn" }));
    const [codeA, codeB] = [a.res.location!.split("/").pop()!, b.res.location!.split("/").pop()!];
    const idOf = (code: string) => (fixture.db.prepare("SELECT id FROM reception_bookings WHERE code = ?").get(code) as { id: number }).id;
    const official = await staff("canbo.xuan-kien@demo.dan-biet.vn");
    const page = await official.get(`/can-bo/tiep-cong-dan/phien/${session.id}`);
    expect(visibleText(page.html)).toContain("Hoàng Văn Quý");
    const csrf = hiddenValue(page.html, "csrf");
    const confirm = await official.post(
      `/can-bo/tiep-cong-dan/phien/${session.id}`,
      new URLSearchParams({ csrf, intent: "confirm", bookingId: String(idOf(codeA)) }),
    );
    expect(confirm.status).toBe(200);
    const refuse = await official.post(
      `/can-bo/tiep-cong-dan/phien/${session.id}`,
      new URLSearchParams({ csrf, intent: "refuse", bookingId: String(idOf(codeB)), reason: "Việc đã có hồ sơ đang giải quyết." }),
    );
    expect(refuse.status).toBe(200);
    await fixture.smtp.waitForMail((m) => m.to.includes("a@example.vn") && m.subject.includes("Đã xác nhận"));
    const refused = await fixture.smtp.waitForMail((m) => m.to.includes("b@example.vn") && m.subject.includes("không được nhận"));
    expect(refused.text).toContain("Việc đã có hồ sơ đang giải quyết.");
    expect(
      count(
        "SELECT count(*) AS n FROM audit_log WHERE action IN ('reception.booking_confirm', 'reception.booking_refuse') AND target_id IN (?, ?)",
        codeA,
        codeB,
      ),
    ).toBe(2);
    expect(visibleText((await new Client(fixture.url).get(`/tiep-cong-dan/dat-lich/${codeB}`)).html)).toContain("Việc đã có hồ sơ đang giải quyết.");
  });

  it("move a booking to another session of the unit: the place moves, the resident is mailed; a forged target is refused", async () => {
    const sessions = fixture.db
      .prepare(
        "SELECT id FROM reception_sessions WHERE commune_id = 'xuan-chau' AND status = 'scheduled' AND date > date('now', '+1 day') ORDER BY date LIMIT 2",
      )
      .all() as { id: number }[];
    const { res } = await bookAs(bookingFields(sessions[0].id, { email: "move@example.vn" }));
    const code = res.location!.split("/").pop()!;
    const booking = fixture.db.prepare("SELECT id FROM reception_bookings WHERE code = ?").get(code) as { id: number };
    const official = await staff("lanhdao.xuan-chau@demo.dan-biet.vn");
    const csrf = hiddenValue((await official.get(`/can-bo/tiep-cong-dan/phien/${sessions[0].id}`)).html, "csrf");
    const elsewhere = nextSession("xuan-bac");
    const forged = await official.post(
      `/can-bo/tiep-cong-dan/phien/${sessions[0].id}`,
      new URLSearchParams({ csrf, intent: "move", bookingId: String(booking.id), toSessionId: String(elsewhere.id) }),
    );
    expect(forged.status).toBe(400);
    const moved = await official.post(
      `/can-bo/tiep-cong-dan/phien/${sessions[0].id}`,
      new URLSearchParams({ csrf, intent: "move", bookingId: String(booking.id), toSessionId: String(sessions[1].id) }),
    );
    expect(moved.status).toBe(200);
    expect(fixture.db.prepare("SELECT session_id, status FROM reception_bookings WHERE id = ?").get(booking.id)).toEqual({
      session_id: sessions[1].id,
      status: "confirmed",
    });
    await fixture.smtp.waitForMail((m) => m.to.includes("move@example.vn") && m.subject.includes("đã được chuyển"));
  });

  it("an official logs a walk-in group with two representatives; the group rule and the outcome per kind are enforced", async () => {
    const session = nextSession("xuan-dai");
    const official = await staff("canbo.xuan-dai@demo.dan-biet.vn");
    const csrf = hiddenValue((await official.get(`/can-bo/tiep-cong-dan/phien/${session.id}`)).html, "csrf");
    const visit = (fields: Record<string, string>) =>
      official.post(
        `/can-bo/tiep-cong-dan/phien/${session.id}?ghi`,
        new URLSearchParams({
          csrf,
          kind: "complaint",
          people: "7",
          name1: "Vũ Văn Long",
          address1: "Xóm 2, Xuân Đài",
          idNumber1: "036080001234",
          name2: "Vũ Thị Nga",
          address2: "Xóm 2, Xuân Đài",
          idNumber2: "036080005678",
          content: "Bảy hộ khiếu nại việc thu hồi đất làm đường (ông Long gọi 0987654321).",
          outcome: "guided",
          outcomeBody: "Chủ tịch UBND huyện",
          ...fields,
        }),
      );
    const before = count("SELECT count(*) AS n FROM reception_visits");
    const three = await visit({ name3: "Vũ Văn Minh", address3: "Xóm 2", idNumber3: "036080009999" });
    expect(three.status).toBe(400);
    expect(visibleText(three.html)).toContain("từ 1 đến 2 người đại diện");
    const transferred = await visit({ outcome: "transferred" });
    expect(transferred.status).toBe(400);
    expect(visibleText(transferred.html)).toContain("không áp dụng cho loại việc");
    const noId = await visit({ idNumber2: "" });
    expect(noId.status).toBe(400);
    expect(visibleText(noId.html)).toContain("số CCCD");
    expect(count("SELECT count(*) AS n FROM reception_visits")).toBe(before);

    const ok = await visit({});
    expect(ok.status).toBe(200);
    expect(visibleText(ok.html)).toContain("Đã ghi vào sổ");
    const row = fixture.db.prepare("SELECT id, people, channel FROM reception_visits ORDER BY id DESC LIMIT 1").get() as {
      id: number;
      people: number;
      channel: string;
    };
    expect(row).toMatchObject({ people: 7, channel: "walk_in" });
    expect(count("SELECT count(*) AS n FROM reception_visitors WHERE visit_id = ? AND is_representative = 1", row.id)).toBe(2);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'reception.visit_logged' AND target_id = ?", String(row.id))).toBe(1);

    const log = visibleText((await official.get(`/can-bo/tiep-cong-dan/so?xa=xuan-dai&tu=${session.date}&den=${session.date}`)).html);
    expect(log).toContain("Vũ Văn Long");
    expect(log).toContain("Chủ tịch UBND huyện");
    const csv = await official.get(`/can-bo/tiep-cong-dan/so.csv?xa=xuan-dai&tu=${session.date}&den=${session.date}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.html).toContain("Số CCCD/Hộ chiếu");
    expect(csv.html).toContain("Vũ Văn Long, Xóm 2, Xuân Đài");
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'reception.log_exported' AND target_id = 'xuan-dai'")).toBe(1);

    // The district's supervisor reads the log without identities, and without the phone typed into the content.
    const supervisor = await staff("giamsat@demo.dan-biet.vn");
    const hidden = visibleText((await supervisor.get(`/can-bo/tiep-cong-dan/so?xa=xuan-dai&tu=${session.date}&den=${session.date}`)).html);
    expect(hidden).toContain("Bảy hộ khiếu nại");
    expect(hidden).not.toContain("Vũ Văn Long");
    expect(hidden).not.toContain("036080001234");
    expect(hidden).not.toContain("0987654321");
    expect((await supervisor.get(`/can-bo/tiep-cong-dan/phien/${session.id}`)).status).toBe(200);
  });

  it("a commune official cannot read or act on another unit's sessions, bookings or log", async () => {
    const session = nextSession("xuan-bac");
    const held = fixture.db.prepare("SELECT id FROM reception_sessions WHERE commune_id = 'xuan-bac' AND date < date('now') LIMIT 1").get() as { id: number };
    const booking = fixture.db.prepare("SELECT id FROM reception_bookings WHERE session_id = ? AND status = 'requested' LIMIT 1").get(session.id) as {
      id: number;
    };
    const other = await staff("canbo.xuan-hong@demo.dan-biet.vn");
    expect((await other.get(`/can-bo/tiep-cong-dan/phien/${session.id}`)).status).toBe(404);
    expect((await other.get(`/can-bo/tiep-cong-dan/phien/${held.id}`)).status).toBe(404);
    expect((await other.get("/can-bo/tiep-cong-dan/so?xa=xuan-bac")).status).toBe(404);
    expect((await other.get("/can-bo/tiep-cong-dan/so.csv?xa=xuan-bac")).status).toBe(404);
    const own = await other.get("/can-bo/tiep-cong-dan");
    expect(visibleText(own.html)).not.toContain("Xuân Bắc");
    const csrf = hiddenValue(own.html, "csrf");
    const refuse = await other.post(
      `/can-bo/tiep-cong-dan/phien/${session.id}`,
      new URLSearchParams({ csrf, intent: "refuse", bookingId: String(booking.id), reason: "x" }),
    );
    expect(refuse.status).toBe(404);
    const logged = await other.post(
      `/can-bo/tiep-cong-dan/phien/${held.id}?ghi`,
      new URLSearchParams({ csrf, kind: "feedback", people: "1", name1: "A", address1: "B", content: "C", outcome: "new_case" }),
    );
    expect(logged.status).toBe(404);
    const cancel = await other.post(
      "/can-bo/tiep-cong-dan",
      new URLSearchParams({ csrf, intent: "cancelSession", sessionId: String(session.id), reason: "x" }),
    );
    expect(cancel.status).toBe(404);
    const add = await other.post(
      "/can-bo/tiep-cong-dan",
      new URLSearchParams({
        csrf,
        intent: "addSession",
        communeId: "xuan-bac",
        date: "2027-01-05",
        startTime: "08:00",
        endTime: "10:00",
        receiverRole: "chairman",
        receiverName: "X",
        place: "Y",
        mode: "in_person",
        capacity: "5",
      }),
    );
    expect(add.status).toBe(403);
    expect((fixture.db.prepare("SELECT status FROM reception_bookings WHERE id = ?").get(booking.id) as { status: string }).status).toBe("requested");
    expect((fixture.db.prepare("SELECT status FROM reception_sessions WHERE id = ?").get(session.id) as { status: string }).status).toBe("scheduled");
  });

  it("the district's board shows the unit whose chairman does not receive; a commune official does not see the board", async () => {
    const district = await staff("huyen@demo.dan-biet.vn");
    const page = visibleText((await district.get("/can-bo/tiep-cong-dan")).html);
    expect(page).toContain("Đơn vị chưa đủ số ngày tiếp theo quy định");
    expect(page).toMatch(/Xuân Phong/);
    const official = visibleText((await (await staff("canbo.xuan-bac@demo.dan-biet.vn")).get("/can-bo/tiep-cong-dan")).html);
    expect(official).not.toContain("Đơn vị chưa đủ số ngày tiếp theo quy định");
  });

  it("staff add a one-off online session, which the public sees, and cancel it: its bookings are told why", async () => {
    const official = await staff("lanhdao.xuan-thanh@demo.dan-biet.vn");
    const csrf = hiddenValue((await official.get("/can-bo/tiep-cong-dan")).html, "csrf");
    const date = nextSession("xuan-thanh").date;
    const fields = {
      csrf,
      intent: "addSession",
      communeId: "xuan-thanh",
      date,
      startTime: "14:00",
      endTime: "16:30",
      receiverRole: "deputy",
      receiverName: "Phó Chủ tịch Trần Văn Bắc",
      place: "Trực tuyến",
      mode: "online",
      capacity: "3",
    };
    const noLink = await official.post("/can-bo/tiep-cong-dan", new URLSearchParams(fields));
    expect(noLink.status).toBe(400);
    expect(visibleText(noLink.html)).toContain("https://");
    const added = await official.post("/can-bo/tiep-cong-dan", new URLSearchParams({ ...fields, meetingUrl: "https://meet.example.vn/xt" }));
    expect(added.status).toBe(200);
    const session = fixture.db
      .prepare("SELECT id FROM reception_sessions WHERE commune_id = 'xuan-thanh' AND start_time = '14:00' AND mode = 'online'")
      .get() as { id: number };
    const pub = visibleText((await new Client(fixture.url).get(`/tiep-cong-dan/phien/${session.id}`)).html);
    expect(pub).toContain("https://meet.example.vn/xt");
    expect(pub).toContain("Phó Chủ tịch Trần Văn Bắc");
    const { res } = await bookAs(bookingFields(session.id, { email: "c@example.vn" }));
    expect(res.status).toBe(303);
    const cancel = await official.post(
      "/can-bo/tiep-cong-dan",
      new URLSearchParams({ csrf, intent: "cancelSession", sessionId: String(session.id), reason: "Lãnh đạo đi họp tỉnh đột xuất." }),
    );
    expect(cancel.status).toBe(200);
    const mail = await fixture.smtp.waitForMail((m) => m.to.includes("c@example.vn") && m.subject.includes("không được nhận"));
    expect(mail.text).toContain("Lãnh đạo đi họp tỉnh đột xuất.");
    expect(
      count(
        "SELECT count(*) AS n FROM audit_log WHERE action IN ('reception.session_added', 'reception.session_cancelled') AND target_id = ?",
        String(session.id),
      ),
    ).toBe(2);
  });
});

describe("assisted filing", () => {
  it("an official files the case of a logged visit, with a scanned letter; the receipt carries the code and access key", async () => {
    const session = nextSession("xuan-ngoc");
    const official = await staff("canbo.xuan-ngoc@demo.dan-biet.vn");
    const csrf = hiddenValue((await official.get(`/can-bo/tiep-cong-dan/phien/${session.id}`)).html, "csrf");
    const logged = await official.post(
      `/can-bo/tiep-cong-dan/phien/${session.id}?ghi`,
      new URLSearchParams({
        csrf,
        kind: "feedback",
        people: "1",
        name1: "Mai Văn Sơn",
        address1: "Xóm 1, Xuân Ngọc",
        content: "Cống thoát nước xóm 1 bị tắc.",
        outcome: "new_case",
      }),
    );
    expect(logged.status).toBe(200);
    const visitId = (fixture.db.prepare("SELECT id FROM reception_visits ORDER BY id DESC LIMIT 1").get() as { id: number }).id;
    expect(logged.html).toContain(`/can-bo/tiep-cong-dan/nop-ho-so?luot=${visitId}`);

    const form = await official.get(`/can-bo/tiep-cong-dan/nop-ho-so?luot=${visitId}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain("Mai Văn Sơn");
    const fields = {
      csrf: hiddenValue(form.html, "csrf"),
      idempotencyKey: hiddenValue(form.html, "idempotencyKey"),
      ...filingFields({ commune: "xuan-ngoc", fullName: "Mai Văn Sơn", title: "Cống thoát nước xóm 1 bị tắc", address: "Xóm 1, Xuân Ngọc" }),
    };
    const noChannel = await official.post(`/can-bo/tiep-cong-dan/nop-ho-so?luot=${visitId}`, formData({ ...fields, channel: "carrier-pigeon" }));
    expect(noChannel.status).toBe(400);
    expect(visibleText(noChannel.html)).toContain("Chọn cách người dân gửi");
    const filed = await official.post(
      `/can-bo/tiep-cong-dan/nop-ho-so?luot=${visitId}`,
      formData({ ...fields, channel: "letter" }, [{ name: "don.pdf", bytes: pdf(), type: "application/pdf" }]),
    );
    expect(filed.status).toBe(303);
    expect(filed.location).toMatch(/^\/bien-nhan\//);
    const receipt = visibleText((await official.get(filed.location!)).html);
    const code = /XT-\d{2}-\d{7}/.exec(receipt)![0];
    expect(receipt).toMatch(/[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}/);
    const row = fixture.db.prepare("SELECT id, channel, commune_id FROM cases WHERE code = ?").get(code) as { id: number; channel: string; commune_id: string };
    expect(row).toMatchObject({ channel: "letter", commune_id: "xuan-ngoc" });
    expect(count("SELECT count(*) AS n FROM attachments WHERE case_id = ?", row.id)).toBe(1);
    expect((fixture.db.prepare("SELECT case_code FROM reception_visits WHERE id = ?").get(visitId) as { case_code: string }).case_code).toBe(code);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'reception.assisted_filing' AND target_id = ?", code)).toBe(1);
    // The same kind of case everywhere else: it is in the unit's inbox.
    expect(visibleText((await official.get("/can-bo")).html)).toContain(code);
  });

  it("another commune's official cannot file from this unit's visit; a supervisor cannot file", async () => {
    const visit = fixture.db.prepare("SELECT id FROM reception_visits WHERE commune_id = 'xuan-bac' LIMIT 1").get() as { id: number };
    const other = await staff("canbo.xuan-hong@demo.dan-biet.vn");
    expect((await other.get(`/can-bo/tiep-cong-dan/nop-ho-so?luot=${visit.id}`)).status).toBe(404);
    const supervisor = await staff("giamsat@demo.dan-biet.vn");
    expect((await supervisor.get("/can-bo/tiep-cong-dan/nop-ho-so")).status).toBe(403);
  });
});

describe("group complaints and dialogues", () => {
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

  it("a group case with representatives, a dialogue with invitations and minutes with an absent filer; the public sees no names", async () => {
    const { code } = await fileByForm(fixture.portal, complaintFields({ email: "filer@example.vn", fullName: "Đinh Văn Phúc" }));
    const official = await staff("canbo.xuan-hong@demo.dan-biet.vn");
    // The staff case page leads to the case's group and dialogues.
    const casePage = await official.get(`/can-bo/ho-so/${code}`);
    expect(casePage.html).toContain(`href="/can-bo/tiep-cong-dan/ho-so/${code}"`);
    expect(visibleText(casePage.html)).toContain("Nhóm người gửi và đối thoại");
    const page = await official.get(`/can-bo/tiep-cong-dan/ho-so/${code}`);
    expect(page.status).toBe(200);
    const csrf = hiddenValue(page.html, "csrf");
    const post = (query: string, fields: Record<string, string>) =>
      official.post(`/can-bo/tiep-cong-dan/ho-so/${code}${query}`, new URLSearchParams({ csrf, ...fields }));

    const reps = { repName1: "Đinh Văn Phúc", repEmail1: "filer@example.vn", repName2: "Lê Văn Tâm", repEmail2: "tam@example.vn", repName3: "Phan Thị Yến" };
    const tooMany = await post("?nhom", { people: "8", ...reps });
    expect(tooMany.status).toBe(400);
    expect(visibleText(tooMany.html)).toContain("từ 1 đến 2 người đại diện");
    const group = await post("?nhom", { people: "12", coFilers: "Hộ ông Phúc\nHộ ông Tâm", ...reps });
    expect(group.status).toBe(200);
    expect(count("SELECT count(*) AS n FROM case_representatives r JOIN cases c ON c.id = r.case_id WHERE c.code = ?", code)).toBe(3);
    const district = visibleText((await (await staff("huyen@demo.dan-biet.vn")).get("/can-bo/tiep-cong-dan")).html);
    expect(district).toContain(code);
    expect(district).toContain("Hồ sơ đông người (12 người)");

    const soon = await post("", { intent: "schedule", startsAt: `${inDays(2)}T08:00`, place: "Hội trường UBND xã", officials: "Chủ tịch UBND xã" });
    expect(soon.status).toBe(400);
    expect(visibleText(soon.html)).toContain("ít nhất 5 ngày");
    const scheduled = await post("", {
      intent: "schedule",
      startsAt: `${inDays(8)}T08:00`,
      place: "Hội trường UBND xã Xuân Hồng",
      officials: "Chủ tịch UBND xã\nCán bộ địa chính",
      concerned: "Ban quản lý dự án",
      front: "Chủ tịch Ủy ban MTTQ xã",
    });
    expect(scheduled.status).toBe(200);
    const invitation = await fixture.smtp.waitForMail((m) => m.to.includes("tam@example.vn") && m.subject.includes("Giấy mời đối thoại"));
    expect(invitation.text).toContain("Hội trường UBND xã Xuân Hồng");
    const dialogue = fixture.db.prepare("SELECT d.id FROM dialogues d JOIN cases c ON c.id = d.case_id WHERE c.code = ?").get(code) as { id: number };
    const letters = visibleText((await official.get(`/can-bo/tiep-cong-dan/doi-thoai/${dialogue.id}/giay-moi`)).html);
    expect(letters).toContain("GIẤY MỜI");
    expect(letters).toContain("Kính gửi: Chủ tịch Ủy ban MTTQ xã");

    const participants = fixture.db.prepare("SELECT id, role FROM dialogue_participants WHERE dialogue_id = ? ORDER BY id").all(dialogue.id) as {
      id: number;
      role: string;
    }[];
    const attendance = Object.fromEntries(
      participants.flatMap((p, i) => [
        [`pid${i + 1}`, String(p.id)],
        ...(p.role === "filer" ? [[`reason${i + 1}`, "Không báo lý do"]] : [[`present${i + 1}`, "on"]]),
      ]),
    );
    const early = await post("", { intent: "minutes", dialogueId: String(dialogue.id), content: "Sớm quá.", ...attendance });
    expect(early.status).toBe(400);
    expect(visibleText(early.html)).toContain("Chưa đến ngày đối thoại");
    // The day comes (the clock of the running portal cannot be moved: the dialogue's date is moved instead).
    fixture.db.prepare("UPDATE dialogues SET starts_at = ? WHERE id = ?").run(`${inDays(0)}T00:01`, dialogue.id);
    const minutes = await post("", {
      intent: "minutes",
      dialogueId: String(dialogue.id),
      content: "Người đại diện nêu ý kiến; cơ quan giải thích căn cứ.",
      agreed: "Kiểm tra lại diện tích.",
      ...attendance,
    });
    expect(minutes.status).toBe(200);
    const after = visibleText((await official.get(`/can-bo/tiep-cong-dan/ho-so/${code}`)).html);
    expect(after).toContain("việc giải quyết vẫn tiếp tục");
    expect(
      count(
        "SELECT count(*) AS n FROM audit_log WHERE action IN ('reception.group_set', 'reception.dialogue_scheduled', 'reception.dialogue_minutes') AND target_id = ?",
        code,
      ),
    ).toBe(3);
    const pub = visibleText((await new Client(fixture.url).get(`/ho-so/${code}`)).html);
    expect(pub).toContain("Đã tổ chức đối thoại");
    expect(pub).not.toContain("Lê Văn Tâm");
    expect(pub).not.toContain("Đinh Văn Phúc");

    const other = await staff("canbo.xuan-bac@demo.dan-biet.vn");
    expect((await other.get(`/can-bo/tiep-cong-dan/ho-so/${code}`)).status).toBe(404);
    // Nor does a supervisor's view of the case offer the link (they may not use that page).
    const supervisorCase = await (await staff("giamsat@demo.dan-biet.vn")).get(`/can-bo/ho-so/${code}`);
    expect(supervisorCase.html).not.toContain(`href="/can-bo/tiep-cong-dan/ho-so/${code}"`);
    expect((await other.get(`/can-bo/tiep-cong-dan/doi-thoai/${dialogue.id}/giay-moi`)).status).toBe(404);
  });
});
