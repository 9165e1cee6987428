// The plan table through the running portal, as a browser without JavaScript posts it: the CSV upload, its
// row-level errors, the household look-up, and the checks every staff post passes on the server.
import { describe, expect, it } from "vitest";
import { PLAN_TEMPLATE_HEADER } from "~/domain/plan-table";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ demo: true, db: "readonly" });

/** A demo account signed in, as the sign-in form posts it (going on to /can-bo). */
async function signIn(email: string) {
  const { client, res } = await signInClient(fixture.portal, email, undefined, { next: "/can-bo" });
  expect(res.status).toBe(303);
  return client;
}

async function createDraft(client: Client): Promise<number> {
  const page = await client.get("/can-bo/cong-khai");
  const res = await client.post(
    "/can-bo/cong-khai",
    new URLSearchParams({
      csrf: hiddenValue(page.html, "csrf"),
      intent: "create",
      typeCode: "compensation_plan",
      communeId: "xuan-hong",
      title: "Phương án bồi thường mở rộng chợ Xuân Hồng",
      summary: "Dự thảo cho 2 hộ.",
      body: "Căn cứ Luật Đất đai 2024.",
      keyFigures: "",
    }),
  );
  expect(res.status).toBe(303);
  return Number(/\/can-bo\/cong-khai\/(\d+)/.exec(res.location!)![1]);
}

function upload(client: Client, id: number, csrf: string, csv: string | Blob) {
  const form = new FormData();
  form.append("csrf", csrf);
  form.append("intent", "import-plan");
  form.append("planCsv", new Blob([csv], { type: "text/csv" }), "bang.csv");
  return client.post(`/can-bo/cong-khai/${id}`, form);
}

const rowCount = (id: number) => (fixture.db.prepare("select count(*) as n from plan_rows where disclosure_id = ?").get(id) as { n: number }).n;

describe("a commune leader imports the table from the staff page", () => {
  it("a bad row is named with its line and column, nothing is stored; the corrected file is imported", async () => {
    const leader = await signIn("lanhdao.xuan-hong@demo.dan-biet.vn");
    const id = await createDraft(leader);
    const csrf = hiddenValue((await leader.get(`/can-bo/cong-khai/${id}`)).html, "csrf");
    const good = "1,Lê Văn Một,Xóm 1,10,3,Đất trồng lúa,100,100000,10000000,0,0,10000000,Không";
    const bad = await upload(leader, id, csrf, `${PLAN_TEMPLATE_HEADER}\n${good}\n2,Lê Thị Hai,Xóm 1,11,3,Đất trồng lúa,50,100000,5000000,0,0,4000000,Không\n`);
    expect(bad.status).toBe(400);
    const text = visibleText(bad.html);
    expect(text).toContain("Bảng có lỗi, chưa nhập dòng nào");
    expect(text).toContain("Dòng 3, cột “Tổng cộng (đồng)”: không bằng bồi thường đất + bồi thường tài sản + hỗ trợ");
    expect(rowCount(id)).toBe(0);

    const empty = await upload(leader, id, csrf, "");
    expect(empty.status).toBe(400);
    expect(visibleText(empty.html)).toContain("Tệp không có dòng số liệu nào");
    // Saved by an old spreadsheet in a Windows code page: refused with how to save it, not read as mojibake.
    const legacy = await upload(leader, id, csrf, new Blob([new Uint8Array([0x53, 0x54, 0x54, 0x2c, 0xc4, 0xe9, 0x0a])]) as never);
    expect(legacy.status).toBe(400);
    expect(visibleText(legacy.html)).toContain("Tệp không phải CSV UTF-8");
    const none = new FormData();
    none.append("csrf", csrf);
    none.append("intent", "import-plan");
    expect(visibleText((await leader.post(`/can-bo/cong-khai/${id}`, none)).html)).toContain("Hãy chọn tệp CSV của bảng");

    const ok = await upload(
      leader,
      id,
      csrf,
      `\uFEFF${PLAN_TEMPLATE_HEADER}\r\n${good}\r\n2,Lê Thị Hai,Xóm 1,11,3,Đất trồng lúa,50,100000,5000000,0,0,5000000,Không\r\n`,
    );
    expect(ok.status).toBe(303);
    const page = visibleText((await leader.get(ok.location!)).html);
    expect(page).toContain("Đã nhập 2 dòng.");
    expect(page).toContain("Lê Thị Hai");
    expect(page).toMatch(/HX-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);
    expect(rowCount(id)).toBe(2);

    const template = await leader.get("/can-bo/cong-khai/mau-bang.csv");
    expect(template.headers.get("Content-Type")).toContain("text/csv");
    expect(template.html).toContain(PLAN_TEMPLATE_HEADER);
    const codes = await leader.get(`/can-bo/cong-khai/${id}/ma-ho.csv`);
    expect(codes.status).toBe(200);
    expect(codes.headers.get("Content-Disposition")).toContain("attachment");
  });

  it("another commune's leader, an official, a post without CSRF token and the public cannot import or read codes", async () => {
    const leader = await signIn("lanhdao.xuan-hong@demo.dan-biet.vn");
    const id = await createDraft(leader);
    const csv = `${PLAN_TEMPLATE_HEADER}\n1,Lê Văn Một,Xóm 1,10,3,Đất trồng lúa,100,100000,10000000,0,0,10000000,Không\n`;
    for (const email of ["lanhdao.xuan-bac@demo.dan-biet.vn", "canbo.xuan-hong@demo.dan-biet.vn"]) {
      const other = await signIn(email);
      const csrf = hiddenValue((await other.get("/can-bo")).html, "csrf");
      const res = await upload(other, id, csrf, csv);
      expect([403, 404]).toContain(res.status);
      expect((await other.get(`/can-bo/cong-khai/${id}/ma-ho.csv`)).status).toBe(404);
    }
    expect((await upload(leader, id, "forged", csv)).status).toBe(403);
    const anonymous = new Client(fixture.url);
    const refused = await anonymous.get(`/can-bo/cong-khai/${id}/ma-ho.csv`);
    expect(refused.location).toContain("/can-bo/dang-nhap");
    expect(refused.html).not.toContain("HX-");
    expect(rowCount(id)).toBe(0);
  });
});

describe("a household opens its own row", () => {
  it("with the code from its notice; the public page shows initials only", async () => {
    const match = /\/cong-khai\/(\S+) — mã hộ mẫu \(dòng 1\): (HX-\S+)/.exec(fixture.portal.output());
    expect(match).not.toBeNull();
    const [, slug, code] = match!;
    const resident = new Client(fixture.url);
    const publicPage = visibleText((await resident.get(`/cong-khai/${slug}`)).html);
    expect(publicPage).toContain("Bảng bồi thường, hỗ trợ, tái định cư");
    // The demo marker stays as it is, not masked into letters ("D. L. M.").
    expect(publicPage).toContain("N. V. B. (dữ liệu mẫu)");
    expect(publicPage).not.toContain("D. L. M.");
    expect(publicPage).not.toContain("Nguyễn Văn Bình");
    expect(publicPage).not.toContain(code);

    const form = await resident.get(`/cong-khai/${slug}/ho-gia-dinh`);
    const wrong = await resident.post(`/cong-khai/${slug}/ho-gia-dinh`, new URLSearchParams({ csrf: hiddenValue(form.html, "csrf"), code: "HX-2222-2222" }));
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.html)).toContain("Không tìm thấy mã này trong phương án");
    const found = await resident.post(
      `/cong-khai/${slug}/ho-gia-dinh`,
      new URLSearchParams({ csrf: hiddenValue(form.html, "csrf"), code: code.toLowerCase() }),
    );
    expect(found.status).toBe(200);
    expect(found.headers.get("Cache-Control")).toContain("no-store");
    const text = visibleText(found.html);
    expect(text).toContain("Nguyễn Văn Bình");
    expect(text).toContain("51.100.000");
    expect(found.html).toMatch(/href="\/gui-phan-anh\?cong-khai=\d+&amp;dong=1"/);
    expect((await resident.post(`/cong-khai/${slug}/ho-gia-dinh`, new URLSearchParams({ code }))).status).toBe(403);
  });
});
