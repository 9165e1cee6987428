// One identifying case, walked through every surface the public can reach (HTML, the register and its search,
// Open311 JSON and XML, CSV, feeds, the disclosure page with its comments), and through a supervisor's eyes:
// none of what names the filer may appear, while the unit's own published contacts stay.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_MARKER } from "~/domain/redaction";
import { DISTRICT_ID } from "../../db/data/reference";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { complaintFields } from "../support/factories";
import { fileByForm, signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ demo: true, db: "readonly" });

const filer = { fullName: "Lều Thị Hiếm", phone: "0966 271 828", email: "leu.hiem@example.vn", idNumber: "036180009999" };
const place = "Thửa đất số 215, tờ bản đồ số 7, xóm 3";
const UNIT_PHONE = "0228 3750 168"; // Xuân Hồng's published phone in the demo's reference data
const OFFICIAL_PHONE = "0228 3750 199"; // an official's office phone, given in a signed answer
const COMMENT_PHONE = "0977 313 131";
const identifying = [
  filer.fullName,
  "Leu Thi Hiem",
  filer.phone,
  "0966271828",
  filer.email,
  filer.idNumber,
  "Thửa đất số 215",
  "thửa đất số 215",
  "tờ bản đồ số 7",
  "Xóm 3, xã Xuân Hồng, nhà bà Hiếm",
  COMMENT_PHONE,
  "0977313131",
];

const description = [
  `Tôi là ${filer.fullName}, CCCD ${filer.idNumber}, chủ ${place.toLowerCase()}.`,
  "Mức bồi thường đất lúa thấp hơn giá thị trường.",
  `Cần hỏi thêm xin gọi ${filer.phone} hoặc ${filer.email}; tôi đã gọi UBND xã số ${UNIT_PHONE}.`,
].join("\n");

function identityFields(overrides: Record<string, string> = {}) {
  return complaintFields({
    fullName: filer.fullName,
    phone: filer.phone,
    email: filer.email,
    idNumber: filer.idNumber,
    address: "Xóm 3, xã Xuân Hồng, nhà bà Hiếm",
    place,
    title: "Khiếu nại mức bồi thường đất lúa",
    description,
    publishConsent: "on",
    ...overrides,
  });
}

async function act(client: Client, code: string, fields: Record<string, string>) {
  const page = await client.get(`/can-bo/ho-so/${code}`);
  return client.post(`/can-bo/ho-so/${code}`, new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), ...fields }));
}

function expectNoIdentity(surface: string, body: string) {
  for (const secret of identifying) expect(body, `${surface} shows “${secret}”`).not.toContain(secret);
}

let complaint = "";
let denunciation = "";
let planSlug = "";

beforeAll(async () => {
  complaint = (await fileByForm(fixture.portal, identityFields())).code;
  denunciation = (
    await fileByForm(
      fixture.portal,
      identityFields({
        kind: "denunciation",
        category: "land",
        title: "Tố cáo cán bộ địa chính xã nhận tiền",
        accusedPerson: "Cán bộ địa chính xã Xuân Hồng",
        concernsOfficial: "on",
      }),
    )
  ).code;
  // A complaint is answered in the chairman's name: by the commune's leader.
  const { client: official } = await signInClient(fixture.portal, "lanhdao.xuan-hong@demo.dan-biet.vn");
  expect((await act(official, complaint, { action: "accept" })).status).toBe(303);
  const answer = `UBND xã đã gặp bà ${filer.fullName} (số ${filer.phone.replace(/ /g, "")}). Mức bồi thường đúng bảng giá. Thắc mắc xin gọi cán bộ địa chính ${OFFICIAL_PHONE}.`;
  expect((await act(official, complaint, { action: "answer", note: answer, signedBy: "Chủ tịch UBND xã Xuân Hồng" })).status).toBe(303);

  planSlug = (
    fixture.db.prepare("SELECT slug FROM disclosures WHERE type_code = 'compensation_plan' AND consultation_from IS NOT NULL ORDER BY id LIMIT 1").get() as {
      slug: string;
    }
  ).slug;
  const visitor = new Client(fixture.url);
  await visitor.get(`/cong-khai/${planSlug}`);
  const posted = await visitor.post(
    `/cong-khai/${planSlug}`,
    new URLSearchParams({
      body: `Tôi không đồng ý đơn giá, cần trao đổi xin gọi ${COMMENT_PHONE}.`,
      authorName: "Người góp ý",
      authorPhone: COMMENT_PHONE,
    }),
  );
  expect(posted.status).toBeLessThan(400);
});

describe("every public surface, with one identifying case", () => {
  it("the public case page shows the redacted text, the unit's phone, and no identity or plot", async () => {
    const res = await fetch(`${fixture.url}/ho-so/${complaint}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectNoIdentity("/ho-so/<code>", html);
    expect(visibleText(html)).toContain("Mức bồi thường đất lúa thấp hơn giá thị trường.");
    expect(visibleText(html)).toContain(UNIT_PHONE);
  });

  it("the register shows question and answer redacted, keeps the official's office phone, and its search ignores the filer's name", async () => {
    const html = await (await fetch(`${fixture.url}/ho-so`)).text();
    expect(html).toContain(complaint);
    expectNoIdentity("/ho-so", html);
    expect(visibleText(html)).toContain(OFFICIAL_PHONE);
    const byContent = await (await fetch(`${fixture.url}/ho-so?q=${encodeURIComponent("gia thi truong")}`)).text();
    expect(byContent).toContain(complaint);
    for (const q of [filer.fullName, "leu thi hiem", filer.idNumber]) {
      const found = await (await fetch(`${fixture.url}/ho-so?q=${encodeURIComponent(q)}`)).text();
      expect(found, `register search for “${q}”`).not.toContain(complaint);
    }
  });

  it("Open311 JSON and XML publish neither the place nor the identity", async () => {
    for (const path of [`requests/${complaint}.json`, `requests/${complaint}.xml`, `requests/${denunciation}.json`, "requests.json", "requests.xml"]) {
      const res = await fetch(`${fixture.url}/open311/v2/${path}`);
      expect(res.status, path).toBe(200);
      expectNoIdentity(`Open311 ${path}`, await res.text());
    }
    const [req] = await (await fetch(`${fixture.url}/open311/v2/requests/${complaint}.json`)).json();
    expect(req).toMatchObject({ address: null, lat: null, long: null });
    expect(req.description).toContain("Mức bồi thường đất lúa");
  });

  it("the statistics page and CSV, the disclosure list, page, feed and home page carry none of it", async () => {
    const paths = ["/", "/thong-ke", "/thong-ke/csv", "/cong-khai", "/cong-khai/tin.atom", "/cong-khai/tin.atom?xa=xuan-hong", `/cong-khai/${planSlug}`];
    for (const path of paths) {
      const res = await fetch(`${fixture.url}${path}`);
      expect(res.status, path).toBe(200);
      expectNoIdentity(path, await res.text());
    }
  });

  it("a phone typed in a consultation comment is not published; masked plan names keep the demo marker", async () => {
    const text = visibleText(await (await fetch(`${fixture.url}/cong-khai/${planSlug}`)).text());
    expect(text).toContain("Tôi không đồng ý đơn giá, cần trao đổi xin gọi […].");
    expect(text).toContain(`N. V. B. ${DEMO_MARKER}`);
    expect(text).not.toMatch(/D\. L\. M\./);
  });

  it("a denunciation's public page says denunciations are never published", async () => {
    const text = visibleText(await (await fetch(`${fixture.url}/ho-so/${denunciation}`)).text());
    expect(text).toContain("Đơn tố cáo không bao giờ được công khai");
    expect(text).not.toContain("Người gửi không đồng ý công khai");
    expectNoIdentity("/ho-so/<denunciation>", text);
  });
});

describe("a denunciation of a commune official", () => {
  it("goes to the district triage queue, with the box stored on the case", () => {
    const row = fixture.db.prepare("SELECT commune_id, routing_reason, concerns_official FROM cases WHERE code = ?").get(denunciation);
    expect(row).toEqual({ commune_id: DISTRICT_ID, routing_reason: "denunciation-of-commune-official", concerns_official: 1 });
  });
});

describe("what a supervisor sees", () => {
  it("the case's text redacted, and no filer in the inbox search", async () => {
    const { client } = await signInClient(fixture.portal, "giamsat@demo.dan-biet.vn");
    for (const code of [denunciation, complaint]) {
      const page = await client.get(`/can-bo/ho-so/${code}`);
      expect(page.status).toBe(200);
      expectNoIdentity(`supervisor's /can-bo/ho-so/${code}`, page.html);
      expect(visibleText(page.html)).toContain("Mức bồi thường đất lúa thấp hơn giá thị trường.");
    }
    for (const q of [filer.fullName, "Leu Thi Hiem", filer.phone, filer.email]) {
      const inbox = await client.get(`/can-bo?q=${encodeURIComponent(q)}`);
      expect(inbox.html, `supervisor's search for “${q}”`).not.toContain(denunciation);
      expect(inbox.html, `supervisor's search for “${q}”`).not.toContain(complaint);
    }
    expect((await client.get(`/can-bo?q=${encodeURIComponent("gia thi truong")}`)).html).toContain(denunciation);
  });

  it("district staff, who may see identities, find the denunciation by the filer's name or phone", async () => {
    const { client } = await signInClient(fixture.portal, "huyen@demo.dan-biet.vn");
    for (const q of ["leu thi hiem", filer.phone, "0966271828", filer.email]) {
      expect((await client.get(`/can-bo?q=${encodeURIComponent(q)}`)).html, `district search for “${q}”`).toContain(denunciation);
    }
    const page = await client.get(`/can-bo/ho-so/${denunciation}`);
    expect(visibleText(page.html)).toContain(filer.fullName);
  });
});
