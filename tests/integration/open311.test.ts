// Open311 GeoReport v2 conformance against the running portal, in JSON and XML.
import { beforeAll, describe, expect, it } from "vitest";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { filingFields, formData } from "../support/factories";
import { signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ demo: true, db: "readonly" });
let apiKey = "";
const base = () => `${fixture.url}/open311/v2`;

beforeAll(async () => {
  // An administrator issues a key in the admin screen (second factor included).
  const { client: admin } = await signInClient(fixture.portal, "quantri@demo.dan-biet.vn", undefined, { totpSecret: fixture.adminTotpSecret });
  const page = await admin.get("/can-bo/quan-tri/tai-khoan");
  const issued = await admin.post(
    "/can-bo/quan-tri/tai-khoan",
    new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), intent: "issue-api-key", label: "Cổng dịch vụ công tỉnh" }),
  );
  apiKey = /(db_[A-Za-z0-9_-]{40,})/.exec(visibleText(issued.html))![1];
});

const get = (path: string) => fetch(`${base()}/${path}`);
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${base()}/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
    body: new URLSearchParams(fields),
  });

/** A valid request as another system would send it. */
function validRequest(over: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    api_key: apiKey,
    service_code: "construction",
    address_string: "Ngõ 3, xóm 2, xã Xuân Hòa",
    description: "Một hộ dân xây tường lấn ra đường làng.",
    first_name: "Trịnh",
    last_name: "Văn Mười",
    phone: "0911222333",
    email: "muoi@example.vn",
    "attribute[kind]": "feedback",
    "attribute[commune]": "xuan-hoa",
    "attribute[requested_outcome]": "Đề nghị kiểm tra.",
    "attribute[filer_address]": "Xóm 2, Xuân Hòa",
    "attribute[data_consent]": "yes",
    ...over,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

async function expectError(res: Response, status: number, format: "json" | "xml", fragment?: string) {
  expect(res.status).toBe(status);
  const text = await res.text();
  if (format === "json") {
    const body = JSON.parse(text);
    expect(Array.isArray(body)).toBe(true);
    expect(body[0]).toMatchObject({ code: expect.any(Number), description: expect.any(String) });
    if (fragment) expect(JSON.stringify(body)).toContain(fragment);
  } else {
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><errors><error><code>\d+<\/code><description>/);
    if (fragment) expect(text).toContain(fragment);
  }
}

describe("discovery", () => {
  it("is published in XML and JSON with the required fields and content types", async () => {
    const json = await get("discovery.json");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const d = await json.json();
    expect(d).toMatchObject({ changeset: expect.any(String), contact: expect.any(String), key_service: expect.any(String) });
    expect(d.endpoints[0]).toMatchObject({
      specification: "http://wiki.open311.org/GeoReport_v2",
      type: "production",
      formats: ["text/xml", "application/json"],
    });
    const xml = await get("discovery.xml");
    expect(xml.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    const text = await xml.text();
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><discovery><changeset>/);
    expect(text).toContain("<formats><format>text/xml</format><format>application/json</format></formats>");
  });

  it("an address without a format extension is refused", async () => {
    await expectError(await get("discovery"), 400, "xml");
  });
});

describe("services", () => {
  it("lists the categories as services, with metadata and type", async () => {
    const list = await (await get("services.json")).json();
    expect(list.map((s: { service_code: string }) => s.service_code)).toEqual(["land", "construction", "compensation", "other"]);
    expect(list[0]).toMatchObject({ service_name: "Đất đai", metadata: true, type: "realtime", group: "Dân Biết", keywords: expect.stringContaining("Land") });
    const xml = await (await get("services.xml")).text();
    expect(xml).toContain("<services><service><service_code>land</service_code>");
  });

  it("defines each service's attributes with unique positive orders", async () => {
    const def = await (await get("services/compensation.json")).json();
    expect(def.service_code).toBe("compensation");
    const codes = def.attributes.map((a: { code: string }) => a.code);
    expect(codes).toEqual(expect.arrayContaining(["kind", "commune", "requested_outcome", "filer_address", "data_consent", "project_level"]));
    const orders = def.attributes.map((a: { order: number }) => a.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(orders.every((o: number) => o > 0)).toBe(true);
    const kind = def.attributes.find((a: { code: string }) => a.code === "kind");
    expect(kind).toMatchObject({ variable: true, datatype: "singlevaluelist", required: true });
    expect(kind.values).toContainEqual({ key: "complaint", name: "Khiếu nại" });
    const xml = await (await get("services/land.xml")).text();
    expect(xml).toContain("<service_definition><service_code>land</service_code><attributes><attribute><variable>true</variable>");
    expect(xml).toContain("<values><value><key>feedback</key><name>Phản ánh</name></value>");
  });

  it("an unknown service is 404, an unknown jurisdiction is 404, an empty jurisdiction is ignored", async () => {
    await expectError(await get("services/taxes.json"), 404, "json", "taxes");
    await expectError(await get("services.xml?jurisdiction_id=hanoi.gov.vn"), 404, "xml");
    expect((await get("services.json?jurisdiction_id=")).status).toBe(200);
    expect((await get("services.json?jurisdiction_id=xuantruong.namdinh.gov.vn")).status).toBe(200);
  });
});

describe("POST requests", () => {
  it("files a case through the same rules as the web form and answers with the id, never with a token too", async () => {
    const res = await post("requests.json", validRequest());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toHaveLength(1);
    expect(body[0].service_request_id).toMatch(/^XT-\d{2}-\d{7}$/);
    expect(body[0]).not.toHaveProperty("token");
    expect(body[0].service_notice).toContain(`/ho-so/${body[0].service_request_id}`);
    const row = fixture.db
      .prepare("SELECT c.commune_id, c.category_code, p.full_name FROM cases c JOIN case_contacts p ON p.case_id = c.id WHERE c.code = ?")
      .get(body[0].service_request_id);
    expect(row).toEqual({ commune_id: "xuan-hoa", category_code: "construction", full_name: "Trịnh Văn Mười" });

    const xml = await (await post("requests.xml", validRequest({ lat: "20.31", long: "106.35", address_string: undefined }))).text();
    expect(xml).toMatch(/<service_requests><request><service_request_id>XT-\d{2}-\d{7}<\/service_request_id><service_notice>/);
  });

  it("a denunciation of a commune official, ticked by the sending system, goes to the district triage queue", async () => {
    const res = await post(
      "requests.json",
      validRequest({
        "attribute[kind]": "denunciation",
        "attribute[id_number]": "036080004321",
        "attribute[accused_person]": "Cán bộ địa chính xã Xuân Hòa",
        "attribute[concerns_official]": "yes",
      }),
    );
    expect(res.status).toBe(201);
    const [filed] = await res.json();
    const row = fixture.db.prepare("SELECT commune_id, concerns_official FROM cases WHERE code = ?").get(filed.service_request_id);
    expect(row).toEqual({ commune_id: "huyen-xuan-truong", concerns_official: 1 });
  });

  it("refuses a body over 64 KB with 413 while it streams (declared or chunked), and stores nothing", async () => {
    const big = "description=" + "x".repeat(200 * 1024);
    await expectError(await post("requests.json", { ...validRequest(), description: "x".repeat(200 * 1024) }), 413, "json", "too large");
    // Chunked: no length declared, so only reading it bounded can refuse it.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode(big.slice(i * 10_240, (i + 1) * 10_240)));
        controller.close();
      },
    });
    const chunked = await fetch(`${base()}/requests.json`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: chunks,
      duplex: "half",
    } as RequestInit);
    await expectError(chunked, 413, "json", "too large");
  });

  it("refuses a missing or wrong api_key with 403", async () => {
    await expectError(await post("requests.json", validRequest({ api_key: undefined })), 403, "json");
    await expectError(await post("requests.xml", validRequest({ api_key: "db_wrong" })), 403, "xml");
  });

  it("refuses a request without a location, or with lat but no long", async () => {
    await expectError(await post("requests.json", validRequest({ address_string: undefined })), 400, "json", "location");
    await expectError(await post("requests.json", validRequest({ address_string: undefined, lat: "20.3" })), 400, "json", "lat and long");
  });

  it("refuses an unknown service with 404 and a missing one with 400", async () => {
    await expectError(await post("requests.json", validRequest({ service_code: "taxes" })), 404, "json");
    await expectError(await post("requests.json", validRequest({ service_code: undefined })), 400, "json");
  });

  it("says which required attributes are missing, several errors at once", async () => {
    const res = await post("requests.json", validRequest({ "attribute[kind]": "complaint", "attribute[data_consent]": undefined, phone: undefined }));
    expect(res.status).toBe(400);
    const errors = await res.json();
    const text = JSON.stringify(errors);
    for (const param of ["attribute[complained_decision]", "attribute[id_number]", "attribute[data_consent]", "phone"]) expect(text).toContain(param);
    expect(errors.length).toBeGreaterThanOrEqual(4);
  });

  it("refuses a description over 4000 characters", async () => {
    await expectError(await post("requests.json", validRequest({ description: "x".repeat(4001) })), 400, "json", "4000");
  });
});

describe("GET requests", () => {
  let published = "";
  let privateCode = "";

  beforeAll(async () => {
    const client = new Client(fixture.url);
    const fileOne = async (fields: Record<string, string>) => {
      const form = await client.get("/gui-phan-anh");
      const res = await client.post(
        "/gui-phan-anh",
        formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...fields }),
      );
      return /XT-\d{2}-\d{7}/.exec(visibleText((await client.get(res.location!)).html))![0];
    };
    published = await fileOne(
      filingFields({
        publishConsent: "on",
        fullName: "Mai Thị Kín",
        phone: "0977888999",
        email: "kin@example.vn",
        address: "Ngõ Kín",
        description: "Gọi tôi: 0977888999, Mai Thị Kín.",
      }),
    );
    privateCode = await fileOne(filingFields({ fullName: "Hồ Văn Riêng", description: "Nội dung riêng tư không công khai" }));
  });

  it("returns one request in the standard shape, in both formats, with time zones on every datetime", async () => {
    const [req] = await (await get(`requests/${published}.json`)).json();
    expect(req).toMatchObject({ service_request_id: published, status: "open", service_code: "land", agency_responsible: "Xuân Bắc", media_url: null });
    for (const key of ["requested_datetime", "updated_datetime", "expected_datetime"]) expect(req[key]).toMatch(/(Z|[+-]\d{2}:\d{2})$/);
    expect(req.description).toContain("[…]");
    const xml = await (await get(`requests/${published}.xml`)).text();
    expect(xml).toContain(`<service_requests><request><service_request_id>${published}</service_request_id>`);
    await expectError(await get("requests/XT-26-9999999.json"), 404, "json");
  });

  it("never returns personal data, and no text without consent", async () => {
    const list = await (await get(`requests.json?service_request_id=${published},${privateCode}`)).text();
    for (const secret of ["Mai Thị Kín", "0977888999", "kin@example.vn", "Ngõ Kín", "Hồ Văn Riêng", "Nội dung riêng tư", "/tep/"])
      expect(list).not.toContain(secret);
    const parsed = JSON.parse(list);
    expect(parsed.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([published, privateCode].sort());
    expect(parsed.find((r: { service_request_id: string }) => r.service_request_id === privateCode).description).toBeNull();
  });

  it("service_request_id overrides every other filter", async () => {
    const list = await (await get(`requests.json?service_request_id=${published}&service_code=compensation&status=closed`)).json();
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([published]);
  });

  it("filters by service_code and status; empty parameters behave as absent", async () => {
    const land = await (await get("requests.json?service_code=land")).json();
    expect(land.length).toBeGreaterThan(0);
    expect(land.every((r: { service_code: string }) => r.service_code === "land")).toBe(true);
    const closed = await (await get("requests.json?status=closed")).json();
    expect(closed.every((r: { status: string }) => r.status === "closed")).toBe(true);
    const all = await (await get("requests.json")).json();
    const withEmpty = await (await get("requests.json?service_code=&status=&start_date=&end_date=")).json();
    expect(withEmpty.length).toBe(all.length);
  });

  it("filters by date range; a range over 90 days or a datetime without a time zone is refused", async () => {
    const now = new Date();
    const inRange = await (
      await get(
        `requests.json?start_date=${encodeURIComponent(new Date(now.getTime() - 86_400_000).toISOString())}&end_date=${encodeURIComponent(new Date(now.getTime() + 60_000).toISOString())}`,
      )
    ).json();
    expect(inRange.map((r: { service_request_id: string }) => r.service_request_id)).toContain(published);
    const before = await (await get("requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z")).json();
    expect(before).toEqual([]);
    await expectError(await get("requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400, "json", "90 days");
    await expectError(await get("requests.xml?start_date=2026-01-01"), 400, "xml", "time zone");
    await expectError(await get("requests.json?status=pending"), 400, "json");
  });
});

describe("tokens", () => {
  it("an unknown token is 404 (services are realtime and issue no tokens)", async () => {
    await expectError(await get("tokens/abc123.json"), 404, "json");
    await expectError(await get("tokens/abc123.xml"), 404, "xml");
  });
});
