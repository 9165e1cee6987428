// Officials handle cases through the running portal: every check is on the server, every action is one transaction.
import { describe, expect, it } from "vitest";
import { totpCode, totpStep } from "~/services/staff/totp.server";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { complaintFields, filingFields, formData, png } from "../support/factories";
import { signInClient, usePortal } from "../support/portal-fixture";
import { runAccounts } from "../support/server";

// Read-write: the failure test adds (and drops) a trigger on the portal's database.
const fixture = usePortal({ smtp: true, demo: true, db: "readwrite" });

/** Signs in as the sign-in form posts it (going on to /can-bo), with the demo password unless another is given. */
function signIn(email: string, password?: string) {
  return signInClient(fixture.portal, email, password, { next: "/can-bo" });
}

async function official(commune: string) {
  const { client, res } = await signIn(`canbo.${commune}@demo.dan-biet.vn`);
  expect(res.status).toBe(303);
  return client;
}

async function fileCase(fields: Record<string, string>, files: { name: string; bytes: Buffer }[] = []) {
  const client = new Client(fixture.url);
  const form = await client.get("/gui-phan-anh");
  const page = await client.post(
    "/gui-phan-anh",
    formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...fields }, files),
  );
  expect(page.status).toBe(303);
  const receipt = visibleText((await client.get(page.location!)).html);
  return {
    resident: client,
    code: /XT-\d{2}-\d{7}/.exec(receipt)![0],
    accessKey: /[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}/.exec(receipt)![0],
  };
}

/** Posts one action from the case page, as the page's own form would. */
async function act(client: Client, code: string, fields: Record<string, string>) {
  const page = await client.get(`/can-bo/ho-so/${code}`);
  const csrf = page.status === 200 ? hiddenValue(page.html, "csrf") : hiddenValue((await client.get("/can-bo")).html, "csrf");
  return client.post(`/can-bo/ho-so/${code}`, new URLSearchParams({ csrf, ...fields }));
}

function snapshot(code: string) {
  const row = fixture.db.prepare("SELECT id, status, commune_id, assignee_user_id, due_on FROM cases WHERE code = ?").get(code) as Record<string, unknown> & {
    id: number;
  };
  const n = (sql: string) => (fixture.db.prepare(sql).get(row.id) as { n: number }).n;
  return {
    row,
    events: n("SELECT count(*) AS n FROM case_events WHERE case_id = ?"),
    outbox: n("SELECT count(*) AS n FROM outbox WHERE case_id = ?"),
    audit: (
      fixture.db
        .prepare("SELECT count(*) AS n FROM audit_log WHERE target_id = ? AND action LIKE 'case.%' AND action <> 'case.view_personal_data'")
        .get(code) as { n: number }
    ).n,
  };
}

describe("signing in", () => {
  it("an official signs in and sees only their commune's cases", async () => {
    const bac = await fileCase(filingFields({ commune: "xuan-bac", title: "Hồ sơ của Xuân Bắc" }));
    const hong = await fileCase(filingFields({ commune: "xuan-hong", title: "Hồ sơ của Xuân Hồng" }));
    const client = await official("xuan-bac");
    const inbox = visibleText((await client.get("/can-bo")).html);
    expect(inbox).toContain(bac.code);
    expect(inbox).not.toContain(hong.code);
    const cookie = client.cookieHeader();
    expect(cookie).toMatch(/staff=/);
  });

  it("the session cookie is httpOnly and SameSite, and a new one is issued at each sign-in", async () => {
    const a = await signIn("canbo.xuan-ninh@demo.dan-biet.vn");
    const b = await signIn("canbo.xuan-ninh@demo.dan-biet.vn");
    const cookieA = a.res.headers.getSetCookie().find((c) => c.startsWith("staff="))!;
    const cookieB = b.res.headers.getSetCookie().find((c) => c.startsWith("staff="))!;
    expect(cookieA).toMatch(/HttpOnly/);
    expect(cookieA).toMatch(/SameSite=Lax/);
    expect(cookieA.split(";")[0]).not.toBe(cookieB.split(";")[0]);
  });

  it("an unknown email and a wrong password get the same answer", async () => {
    const unknown = await signIn("khong-co@demo.dan-biet.vn", "mat-khau-bat-ky-123");
    const wrong = await signIn("canbo.xuan-phu@demo.dan-biet.vn", "mat-khau-sai-123456");
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.status).toBe(401);
    const message = (html: string) => /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)![0];
    expect(message(unknown.res.html)).toBe(message(wrong.res.html));
    expect(visibleText(wrong.res.html)).toContain("Thư điện tử hoặc mật khẩu không đúng.");
  });

  it("repeated failures lock the account for a while: even the right password is then refused", async () => {
    const email = "canbo.xuan-thuy@demo.dan-biet.vn";
    for (let i = 0; i < 5; i++) expect((await signIn(email, `sai-mat-khau-lan-${i}`)).res.status).toBe(401);
    const locked = await signIn(email);
    expect(locked.res.status).toBe(401);
    expect(locked.res.headers.get("set-cookie") ?? "").not.toContain("session");
    // The same answer as for an address with no account: a lock must not tell which addresses exist.
    const unknown = await signIn("khong-ai-ca@demo.dan-biet.vn", "mat-khau-bat-ky-123");
    const message = (html: string) => /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)![0];
    expect(message(locked.res.html)).toBe(message(unknown.res.html));
    expect(unknown.res.status).toBe(401);
    expect(visibleText(locked.res.html)).toContain("tài khoản tạm khóa một thời gian");
    const audit = fixture.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'signin.locked'").get() as { n: number };
    expect(audit.n).toBeGreaterThanOrEqual(1);
  });

  it("signing out everywhere ends the sessions on every device", async () => {
    const laptop = await official("xuan-tien");
    const phone = await official("xuan-tien");
    expect((await phone.get("/can-bo")).status).toBe(200);
    const page = await laptop.get("/can-bo/dang-xuat");
    const out = await laptop.post("/can-bo/dang-xuat", new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), everywhere: "on" }));
    expect(out.status).toBe(303);
    const after = await phone.get("/can-bo");
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/can-bo\/dang-nhap/);
  });

  it("an administrator must pass the second factor, and a code works only once", async () => {
    const secret = fixture.adminTotpSecret;
    const { client, res } = await signIn("quantri@demo.dan-biet.vn");
    expect(res.location).toBe("/can-bo/xac-thuc");
    expect((await client.get("/can-bo")).status).toBe(302);
    const page = await client.get("/can-bo/xac-thuc");
    const code = await totpCode(secret, totpStep(Date.now()));
    const ok = await client.post("/can-bo/xac-thuc", new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), code }));
    expect(ok.status).toBe(303);
    expect((await client.get("/can-bo/nhat-ky")).status).toBe(200);

    const again = await signIn("quantri@demo.dan-biet.vn");
    const page2 = await again.client.get("/can-bo/xac-thuc");
    const replay = await again.client.post("/can-bo/xac-thuc", new URLSearchParams({ csrf: hiddenValue(page2.html, "csrf"), code }));
    expect(replay.status).toBe(401);
  });

  describe("on a portal allowing three sign-in attempts per address in ten minutes", () => {
    const limited = usePortal({ env: { RATE_LIMIT_SIGNIN: "3/600" } });

    it("too many sign-in attempts from one address are refused before any password is checked", async () => {
      const client = new Client(limited.url);
      const form = await client.get("/can-bo/dang-nhap");
      const attempt = (email: string) =>
        client.post("/can-bo/dang-nhap", new URLSearchParams({ csrf: hiddenValue(form.html, "csrf"), email, password: "sai mat khau", next: "/can-bo" }));
      for (const email of ["a@x.vn", "b@x.vn", "c@x.vn"]) expect((await attempt(email)).status).not.toBe(429);
      const refused = await attempt("d@x.vn");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    });
  });

  it("a new administrator without a second factor must set one up before reaching any staff page", async () => {
    // Created from the shell as the README says, against the running portal's database.
    const created = runAccounts(fixture.portal, [
      "create",
      "--email",
      "qt2@demo.dan-biet.vn",
      "--name",
      "Quản trị hai",
      "--role",
      "admin",
      "--commune",
      "huyen-xuan-truong",
      "--password",
      "mat khau quan tri rat dai",
    ]);
    expect(created.status, created.stderr).toBe(0);
    const { client, res } = await signIn("qt2@demo.dan-biet.vn", "mat khau quan tri rat dai");
    expect(res.location).toMatch(/^\/can-bo\/thiet-lap-xac-thuc/);
    for (const pagePath of ["/can-bo", "/can-bo/quan-tri/tai-khoan", "/can-bo/nhat-ky"]) {
      const page = await client.get(pagePath);
      expect(page.status, pagePath).toBe(302);
      expect(page.location).toMatch(/^\/can-bo\/dang-nhap/);
    }
    expect((await client.get("/can-bo/thiet-lap-xac-thuc")).status).toBe(200);
  });

  it("a password reset link is mailed, works once, and ends the old sessions", async () => {
    const email = "canbo.xuan-phong@demo.dan-biet.vn";
    const old = await official("xuan-phong");
    const client = new Client(fixture.url);
    const form = await client.get("/can-bo/quen-mat-khau");
    const res = await client.post("/can-bo/quen-mat-khau", new URLSearchParams({ csrf: hiddenValue(form.html, "csrf"), email }));
    expect(visibleText(res.html)).toContain("liên kết đặt lại mật khẩu đã được gửi");
    const mail = await fixture.smtp.waitForMail((m) => m.to.includes(email));
    const link = /\/can-bo\/dat-lai-mat-khau\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
    const resetPage = await client.get(link);
    const done = await client.post(link, new URLSearchParams({ csrf: hiddenValue(resetPage.html, "csrf"), password: "mot cau mat khau moi that dai" }));
    expect(visibleText(done.html)).toContain("Đã đặt mật khẩu mới");
    expect((await old.get("/can-bo")).status).toBe(302);
    expect((await signIn(email, "mot cau mat khau moi that dai")).res.status).toBe(303);
    const reuse = await client.post(link, new URLSearchParams({ csrf: hiddenValue(resetPage.html, "csrf"), password: "mot cau mat khau khac nua" }));
    expect(visibleText(reuse.html)).toContain("Liên kết không còn dùng được");

    const unknown = await client.post(
      "/can-bo/quen-mat-khau",
      new URLSearchParams({ csrf: hiddenValue(form.html, "csrf"), email: "khong-ton-tai@demo.dan-biet.vn" }),
    );
    expect(visibleText(unknown.html)).toContain("liên kết đặt lại mật khẩu đã được gửi");
  });
});

describe("an official of commune A can never reach commune B's cases", () => {
  it("view, attachment, list filter, search, CSV export and every action are refused and write nothing", async () => {
    const target = await fileCase(filingFields({ commune: "xuan-bac", email: "b@example.vn", title: "Đường riêng của Xuân Bắc" }), [
      { name: "anh.png", bytes: await png() },
    ]);
    // The search that must find nothing for intruders does find the case for its own commune (ignoring diacritics, đ and NFD).
    const owner = await official("xuan-bac");
    for (const q of ["duong rieng cua xuan bac", "ĐƯỜNG RIÊNG", "Đường riêng".normalize("NFD"), target.code]) {
      expect(visibleText((await owner.get(`/can-bo?q=${encodeURIComponent(q)}`)).html), q).toContain(target.code);
    }
    const before = snapshot(target.code);
    const attachmentId = (
      fixture.db.prepare("SELECT a.id FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.code = ?").get(target.code) as { id: string }
    ).id;

    for (const intruder of [await official("xuan-hong"), (await signIn("lanhdao.xuan-hong@demo.dan-biet.vn")).client]) {
      expect((await intruder.get(`/can-bo/ho-so/${target.code}`)).status).toBe(404);
      expect((await intruder.get(`/tep/${attachmentId}`)).status).toBe(404);
      expect(visibleText((await intruder.get("/can-bo?commune=xuan-bac")).html)).not.toContain(target.code);
      expect(visibleText((await intruder.get(`/can-bo?q=${target.code}`)).html)).not.toContain(target.code);
      expect(visibleText((await intruder.get("/can-bo?q=duong rieng cua xuan bac")).html)).not.toContain(target.code);
      expect((await intruder.get("/can-bo/xuat-csv")).html).not.toContain(target.code);
      expect(visibleText((await intruder.get("/can-bo/han-giai-quyet")).html)).not.toContain("Xuân Bắc");

      const csrf = hiddenValue((await intruder.get("/can-bo")).html, "csrf");
      const forged: Record<string, string>[] = [
        { action: "accept" },
        { action: "refuse", reason: "other", note: "x" },
        { action: "transfer", toCommuneId: "xuan-hong", note: "lấy về" },
        { action: "start" },
        { action: "request_info", note: "x" },
        { action: "answer", note: "x", signedBy: "x" },
        { action: "close" },
        { action: "reopen", note: "x" },
        { action: "assign", assigneeUserId: "1" },
        { action: "extend", note: "x" },
        { action: "note", note: "x" },
        { action: "remark", note: "x" },
      ];
      for (const fields of forged) {
        const res = await intruder.post(`/can-bo/ho-so/${target.code}`, new URLSearchParams({ csrf, ...fields }));
        expect(res.status, JSON.stringify(fields)).toBe(404);
      }
    }
    expect(snapshot(target.code)).toEqual(before);
    const denied = fixture.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'attachment.denied'").get() as { n: number };
    expect(denied.n).toBeGreaterThanOrEqual(2);
  });

  it("a supervisor reads the case without the filer's personal data and cannot act", async () => {
    const target = await fileCase(filingFields({ commune: "xuan-bac", fullName: "Hoàng Văn Kín", phone: "0933444555" }));
    const { client } = await signIn("giamsat@demo.dan-biet.vn");
    const page = await client.get(`/can-bo/ho-so/${target.code}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("Hoàng Văn Kín");
    expect(page.html).not.toContain("0933444555");
    const before = snapshot(target.code);
    const res = await client.post(`/can-bo/ho-so/${target.code}`, new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), action: "accept" }));
    expect(res.status).toBe(403);
    expect(snapshot(target.code)).toEqual(before);
    const remark = await client.post(
      `/can-bo/ho-so/${target.code}`,
      new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), action: "remark", note: "Đề nghị xã trả lời đúng hạn." }),
    );
    expect(remark.status).toBe(303);
  });
});

describe("handling a case", () => {
  it("an extension and a reopening need a recorded reason; without one nothing is written", async () => {
    // A complaint: the law allows extending a complex one (feedback has no extension).
    const filed = await fileCase(complaintFields({ commune: "xuan-thuy", complainedBody: "UBND xã Xuân Thủy" }));
    const leader = (await signIn("lanhdao.xuan-thuy@demo.dan-biet.vn")).client;
    expect((await act(leader, filed.code, { action: "accept" })).status).toBe(303);
    const accepted = snapshot(filed.code);
    const noReason = await act(leader, filed.code, { action: "extend", note: "   " });
    expect(noReason.status).toBe(400);
    expect(snapshot(filed.code)).toEqual(accepted);
    expect((await act(leader, filed.code, { action: "extend", note: "Vụ việc phức tạp, phải đo đạc lại ranh giới." })).status).toBe(303);
    const extended = snapshot(filed.code);
    expect(String(extended.row.due_on) > String(accepted.row.due_on)).toBe(true);
    expect(visibleText((await leader.get(`/can-bo/ho-so/${filed.code}`)).html)).toContain("Vụ việc phức tạp, phải đo đạc lại ranh giới.");

    await act(leader, filed.code, { action: "answer", note: "UBND xã trả lời: đã kiểm tra, yêu cầu tháo dỡ.", signedBy: "Chủ tịch UBND xã" });
    await act(leader, filed.code, { action: "close", note: "Đã tháo dỡ xong, người dân không phản hồi qua điện thoại." });
    const closed = snapshot(filed.code);
    expect(closed.row.status).toBe("closed");
    expect((await act(leader, filed.code, { action: "reopen", note: "" })).status).toBe(400);
    expect(snapshot(filed.code)).toEqual(closed);
    expect((await act(leader, filed.code, { action: "reopen", note: "Hộ dân chưa tháo dỡ như đã hứa." })).status).toBe(303);
    expect(snapshot(filed.code).row.status).not.toBe("closed");
  });

  it("accept, request information, the resident answers, answer with a signed letter, close: each step mailed", async () => {
    const filed = await fileCase(filingFields({ commune: "xuan-chau", email: "nguoidan@example.vn" }));
    const officer = await official("xuan-chau");

    let res = await act(officer, filed.code, { action: "accept", note: "Đã thụ lý." });
    expect(res.status).toBe(303);
    expect(snapshot(filed.code).row.status).toBe("accepted");
    await fixture.smtp.waitForMail((m) => m.to.includes("nguoidan@example.vn") && m.subject.includes("thụ lý"));

    res = await act(officer, filed.code, { action: "request_info", note: "Đề nghị gửi sơ đồ thửa đất." });
    expect(snapshot(filed.code).row.status).toBe("info_requested");
    await fixture.smtp.waitForMail((m) => m.to.includes("nguoidan@example.vn") && m.subject.includes("bổ sung"));

    const resident = filed.resident;
    const lookup = await resident.get("/tra-cuu");
    await resident.post("/tra-cuu", new URLSearchParams({ csrf: hiddenValue(lookup.html, "csrf"), code: filed.code, accessKey: filed.accessKey }));
    const mine = await resident.get(`/tra-cuu/${filed.code}`);
    await resident.post(
      `/tra-cuu/${filed.code}`,
      formData({ csrf: hiddenValue(mine.html, "csrf"), idempotencyKey: hiddenValue(mine.html, "idempotencyKey"), body: "Sơ đồ gửi kèm." }, [
        { name: "so-do.png", bytes: await png() },
      ]),
    );
    expect(snapshot(filed.code).row.status).toBe("accepted");

    const answerPage = await officer.get(`/can-bo/ho-so/${filed.code}`);
    res = await officer.post(
      `/can-bo/ho-so/${filed.code}`,
      formData(
        {
          csrf: hiddenValue(answerPage.html, "csrf"),
          action: "answer",
          note: "UBND xã trả lời như sau: đã kiểm tra thực địa.",
          signedBy: "Nguyễn Văn Hùng, công chức địa chính",
        },
        [{ name: "van-ban.png", bytes: await png() }],
      ),
    );
    expect(res.status).toBe(303);
    expect(snapshot(filed.code).row.status).toBe("answered");
    await fixture.smtp.waitForMail((m) => m.to.includes("nguoidan@example.vn") && m.subject.includes("trả lời"));

    res = await act(officer, filed.code, { action: "close", note: "Người dân đồng ý qua điện thoại." });
    expect(snapshot(filed.code).row.status).toBe("closed");

    const view = visibleText((await resident.get(`/tra-cuu/${filed.code}`)).html);
    expect(view).toContain("UBND xã trả lời như sau");
    expect(view).toContain("van-ban.png");
    const audit = fixture.db
      .prepare("SELECT action FROM audit_log WHERE target_id = ? AND action LIKE 'case.%' AND action <> 'case.view_personal_data' ORDER BY id")
      .all(filed.code) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(["case.accept", "case.request_info", "case.answer", "case.close"]);
  });

  it("an action that fails half-way writes nothing: no status change, no event, no mail, no audit", async () => {
    const filed = await fileCase(filingFields({ commune: "xuan-kien", email: "loi@example.vn" }));
    const officer = await official("xuan-kien");
    const before = snapshot(filed.code);
    fixture.db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    try {
      const res = await act(officer, filed.code, { action: "accept" });
      expect(res.status).toBe(500);
    } finally {
      fixture.db.exec("DROP TRIGGER fail_outbox");
    }
    expect(snapshot(filed.code)).toEqual(before);
  });

  it("an action not allowed in the current state is refused with a message", async () => {
    const filed = await fileCase(filingFields({ commune: "xuan-dai" }));
    const officer = await official("xuan-dai");
    const before = snapshot(filed.code);
    const res = await act(officer, filed.code, { action: "close" });
    expect(res.status).toBe(400);
    expect(visibleText(res.html)).toContain("Không thể làm việc này ở tình trạng hiện tại");
    expect(snapshot(filed.code)).toEqual(before);
  });

  it("the district moves a triage case to a commune, which then sees it", async () => {
    const filed = await fileCase(filingFields({ commune: "unknown", title: "Không rõ xã nào" }));
    expect(snapshot(filed.code).row.commune_id).toBe("huyen-xuan-truong");
    const { client: district } = await signIn("huyen@demo.dan-biet.vn");
    const res = await act(district, filed.code, { action: "transfer", toCommuneId: "xuan-vinh", note: "Thuộc địa bàn Xuân Vinh." });
    expect(res.status).toBe(303);
    expect(snapshot(filed.code).row.commune_id).toBe("xuan-vinh");
    const vinh = await official("xuan-vinh");
    expect((await vinh.get(`/can-bo/ho-so/${filed.code}`)).status).toBe(200);
  });

  it("a leader assigns only officials of the case's own commune", async () => {
    const filed = await fileCase(filingFields({ commune: "xuan-ngoc" }));
    const { client: leader } = await signIn("lanhdao.xuan-ngoc@demo.dan-biet.vn");
    const outsider = fixture.db.prepare("SELECT id FROM users WHERE email = 'canbo.xuan-bac@demo.dan-biet.vn'").get() as { id: number };
    const bad = await act(leader, filed.code, { action: "assign", assigneeUserId: String(outsider.id) });
    expect(bad.status).toBe(400);
    const own = fixture.db.prepare("SELECT id FROM users WHERE email = 'canbo.xuan-ngoc@demo.dan-biet.vn'").get() as { id: number };
    const ok = await act(leader, filed.code, { action: "assign", assigneeUserId: String(own.id) });
    expect(ok.status).toBe(303);
    expect(snapshot(filed.code).row.assignee_user_id).toBe(own.id);
  });
});

describe("the audit log", () => {
  it("is append-only in the database itself", () => {
    expect(() => fixture.db.exec("UPDATE audit_log SET action = 'x'")).toThrow(/append-only/);
    expect(() => fixture.db.exec("DELETE FROM audit_log")).toThrow(/append-only/);
  });

  it("records views of personal data", async () => {
    const filed = await fileCase(filingFields({ commune: "xuan-tan" }));
    const officer = await official("xuan-tan");
    await officer.get(`/can-bo/ho-so/${filed.code}`);
    const row = fixture.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.view_personal_data' AND target_id = ?").get(filed.code) as {
      n: number;
    };
    expect(row.n).toBe(1);
  });
});

describe("staff pages", () => {
  it("are never cached and refuse anonymous visitors", async () => {
    const anonymous = new Client(fixture.url);
    for (const p of ["/can-bo", "/can-bo/han-giai-quyet", "/can-bo/xuat-csv", "/can-bo/nhat-ky"]) {
      const res = await anonymous.get(p);
      expect(res.status, p).toBe(302);
      expect(res.location).toMatch(/^\/can-bo\/dang-nhap/);
    }
    const officer = await official("xuan-hoa");
    const res = await officer.get("/can-bo");
    expect(res.headers.get("cache-control")).toContain("no-store");
  });

  it("the CSV export neutralises spreadsheet formulas and is written to the audit log", async () => {
    const filed = await fileCase(filingFields({ commune: "xuan-thanh", title: '=HYPERLINK("http://evil","x")' }));
    const officer = await official("xuan-thanh");
    const csv = (await officer.get("/can-bo/xuat-csv")).html;
    const line = csv.split("\r\n").find((l) => l.startsWith(filed.code))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    const audit = fixture.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'cases.export'").get() as { n: number };
    expect(audit.n).toBeGreaterThanOrEqual(1);
  });
});
