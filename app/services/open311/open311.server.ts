// Open311 GeoReport v2 at /open311/v2/: discovery, services, service definitions, requests (GET and POST),
// one request, and tokens. Filing goes through the same schema and use case as the web form. GET never returns
// personal data: no name, phone, email, filer address, ID number or attachment; text only with consent, redacted.
import { and, asc, desc, eq, gte, inArray, isNull, lte, notInArray, sql, type SQL } from "drizzle-orm";
import * as t from "../../../db/schema";
import { OPEN_STATUSES } from "~/domain/case-workflow";
import { vnDate } from "~/domain/dates";
import { parseFiling, type FilingValues } from "~/domain/filing";
import { echoed, endOfVnDay, MAX_RESULTS, open311Status, requestFiltersSchema, resolveRequestQuery, w3cDatetime, type Open311Error } from "~/domain/open311";
import { publicCaseText } from "~/domain/redaction";
import { translator } from "~/i18n";
import { publicUrl } from "~/services/platform/config.server";
import { audit } from "~/services/platform/audit.server";
import { fileCase } from "~/services/cases/filing.server";
import { read, transaction } from "~/services/platform/database.server";
import { consume } from "~/services/platform/rate-limit.server";
import {
  categoryLabels,
  communeName,
  filingReference,
  publishedContacts,
  reference,
  selectableCommunes,
  type Reference,
} from "~/services/reference/reference.server";
import { randomToken, sha256 } from "~/services/platform/secrets.server";
import type { CaseKind } from "~/domain/filing";
import type { CaseEventType, CaseStatus } from "~/domain/case-workflow";
import { translateMessage } from "~/i18n";
import { identityColumns } from "~/services/cases/identity.server";

export const JURISDICTION_ID = "xuantruong.namdinh.gov.vn";

export type Open311Result =
  | { status: number; root: string; body: unknown }
  | { status: number; errors: Open311Error[] }
  /** A list read in batches as it is written (bounded memory): each batch's items, in order. */
  | { status: number; root: string; batches: AsyncIterable<unknown[]> };

const fail = (status: number, description: string, code = status): Open311Result => ({ status, errors: [{ code, description }] });

/** Single-jurisdiction endpoint: jurisdiction_id is optional, but an unknown one is 404. */
export function checkJurisdiction(params: URLSearchParams | FormData): Open311Result | null {
  const value = params.get("jurisdiction_id");
  if (typeof value === "string" && value.trim() !== "" && value.trim() !== JURISDICTION_ID) return fail(404, `unknown jurisdiction_id: ${echoed(value)}`);
  return null;
}

// ---------------------------------------------------------------- discovery and services

export function discovery(): Open311Result {
  const base = `${publicUrl()}/open311/v2`;
  return {
    status: 200,
    root: "discovery",
    body: {
      changeset: "2026-11-25T00:00:00+07:00",
      contact: "Bộ phận Tiếp công dân, UBND huyện Xuân Trường — " + publicUrl(),
      key_service: `${publicUrl()}/can-bo (an administrator issues API keys)`,
      endpoints: [
        {
          specification: "http://wiki.open311.org/GeoReport_v2",
          url: base,
          changeset: "2026-11-25T00:00:00+07:00",
          type: "production",
          formats: ["text/xml", "application/json"],
        },
      ],
    },
  };
}

export async function services(): Promise<Open311Result> {
  const ref = await reference();
  return {
    status: 200,
    root: "services",
    body: ref.categories.map((c) => ({
      service_code: c.code,
      service_name: c.nameVi,
      description: `${c.nameVi} (${c.nameEn}): phản ánh, kiến nghị, khiếu nại, tố cáo về lĩnh vực này.`,
      metadata: true,
      type: "realtime",
      keywords: [c.nameVi, c.nameEn].join(", "),
      group: "Dân Biết",
    })),
  };
}

interface Attribute {
  variable: boolean;
  code: string;
  datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

async function attributes(serviceCode: string): Promise<Attribute[]> {
  const ref = await reference();
  const tr = translator("vi");
  const list: Omit<Attribute, "order">[] = [
    {
      variable: true,
      code: "kind",
      datatype: "singlevaluelist",
      required: true,
      datatype_description: "",
      description: "Loại việc (kind of submission)",
      values: ref.kinds.map((k) => ({ key: k.code, name: tr(`kind.${k.code}`) })),
    },
    {
      variable: true,
      code: "commune",
      datatype: "singlevaluelist",
      required: true,
      datatype_description: "",
      description: "Xã, thị trấn nơi xảy ra việc (commune of the matter)",
      values: [
        ...selectableCommunes(ref, vnDate(new Date())).map((c) => ({ key: c.id, name: c.name })),
        { key: "multiple", name: "Liên quan nhiều xã" },
        { key: "unknown", name: "Không rõ" },
      ],
    },
    {
      variable: true,
      code: "title",
      datatype: "string",
      required: false,
      datatype_description: "≤ 200 ký tự",
      description: "Tiêu đề ngắn (short title); defaults to the start of the description",
    },
    {
      variable: true,
      code: "requested_outcome",
      datatype: "text",
      required: true,
      datatype_description: "≤ 3000 ký tự",
      description: "Đề nghị cơ quan làm gì (what is asked for)",
    },
    {
      variable: true,
      code: "filer_address",
      datatype: "string",
      required: true,
      datatype_description: "≤ 300 ký tự",
      description: "Địa chỉ nơi ở của người gửi (the filer's address; never published)",
    },
    {
      variable: true,
      code: "data_consent",
      datatype: "singlevaluelist",
      required: true,
      datatype_description: "",
      description: "Người gửi đồng ý cho dùng thông tin cá nhân để giải quyết (consent to processing, Decree 13/2023)",
      values: [{ key: "yes", name: "Đồng ý" }],
    },
    {
      variable: true,
      code: "publish_consent",
      datatype: "singlevaluelist",
      required: false,
      datatype_description: "",
      description: "Đồng ý công khai nội dung không kèm thông tin cá nhân (consent to publish without personal data)",
      values: [
        { key: "yes", name: "Đồng ý" },
        { key: "no", name: "Không" },
      ],
    },
  ];
  if (serviceCode === "compensation") {
    list.push({
      variable: true,
      code: "project_level",
      datatype: "singlevaluelist",
      required: true,
      datatype_description: "",
      description: "Dự án do cấp nào thực hiện (who runs the project)",
      values: (["commune", "district", "unknown"] as const).map((k) => ({ key: k, name: tr(`file.projectLevel.${k}`) })),
    });
  }
  list.push(
    {
      variable: true,
      code: "id_number",
      datatype: "string",
      required: false,
      datatype_description: "12 chữ số",
      description: "Số căn cước; bắt buộc với khiếu nại, tố cáo (ID number; required for complaints and denunciations)",
    },
    {
      variable: true,
      code: "complained_decision",
      datatype: "string",
      required: false,
      datatype_description: "",
      description: "Khiếu nại: quyết định, hành vi bị khiếu nại (required for complaints)",
    },
    {
      variable: true,
      code: "complained_body",
      datatype: "string",
      required: false,
      datatype_description: "",
      description: "Khiếu nại: cơ quan, người ra quyết định (required for complaints)",
    },
    {
      variable: true,
      code: "decision_known_on",
      datatype: "datetime",
      required: false,
      datatype_description: "YYYY-MM-DD",
      description: "Khiếu nại: ngày biết quyết định (required for complaints)",
    },
    {
      variable: true,
      code: "accused_person",
      datatype: "string",
      required: false,
      datatype_description: "",
      description: "Tố cáo: người, cơ quan bị tố cáo (required for denunciations)",
    },
    {
      variable: true,
      code: "concerns_official",
      datatype: "singlevaluelist",
      required: false,
      datatype_description: "",
      description: "Tố cáo: người bị tố cáo là cán bộ, công chức của xã (the denunciation concerns a commune official; sent to the district)",
      values: [
        { key: "yes", name: "Có" },
        { key: "no", name: "Không" },
      ],
    },
  );
  return list.map((a, i) => ({ ...a, order: i + 1 }));
}

export async function serviceDefinition(code: string): Promise<Open311Result> {
  if (!(await reference()).categories.some((c) => c.code === code)) return fail(404, `unknown service_code: ${echoed(code)}`);
  return { status: 200, root: "service_definition", body: { service_code: code, attributes: await attributes(code) } };
}

// ---------------------------------------------------------------- reading requests

const requestColumns = {
  id: t.cases.id,
  code: t.cases.code,
  kindCode: t.cases.kindCode,
  categoryCode: t.cases.categoryCode,
  communeId: t.cases.communeId,
  status: t.cases.status,
  title: t.cases.title,
  description: t.cases.description,
  requestedOutcome: t.cases.requestedOutcome,
  publishConsent: t.cases.publishConsent,
  receivedAt: t.cases.receivedAt,
  updatedAt: t.cases.updatedAt,
  dueOn: t.cases.dueOn,
  pausedSince: t.cases.pausedSince,
  identity: identityColumns,
};

type RequestRow = { [K in keyof typeof requestColumns]: unknown } & {
  id: number;
  code: string;
  kindCode: CaseKind;
  categoryCode: string;
  communeId: string;
  status: CaseStatus;
  title: string;
  description: string;
  requestedOutcome: string;
  publishConsent: boolean;
  receivedAt: string;
  updatedAt: string;
  dueOn: string;
  pausedSince: string | null;
  identity: { fullName: string; phone: string; email: string | null; idNumber: string | null };
};

function toServiceRequest(ref: Reference, row: RequestRow, lastEvent: Map<number, CaseEventType>) {
  const tr = translator("vi", categoryLabels(ref, "vi"));
  const text = publicCaseText(row, row.identity, publishedContacts(ref));
  const open = open311Status(row.status) === "open";
  const last = lastEvent.get(row.id);
  return {
    service_request_id: row.code,
    status: open311Status(row.status),
    status_notes: `${tr(`status.${row.status}`)}${last ? ` — ${tr(`event.${last}`)}` : ""}`,
    service_name: tr(`category.${row.categoryCode}`),
    service_code: row.categoryCode,
    // The text only with the resident's consent, never their contact details (the same policy as /ho-so).
    description: text ? text.description.slice(0, 4000) : null,
    agency_responsible: communeName(ref, row.communeId),
    service_notice: `${tr(`kind.${row.kindCode}`)}. Theo dõi: ${publicUrl()}/ho-so/${row.code}`,
    requested_datetime: w3cDatetime(row.receivedAt),
    updated_datetime: w3cDatetime(row.updatedAt),
    expected_datetime: open && !row.pausedSince ? endOfVnDay(row.dueOn) : null,
    // Never the place nor its coordinates: a plot and sheet number, with the public plan table, name the household.
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

async function lastPublicEvents(caseIds: number[]): Promise<Map<number, CaseEventType>> {
  if (!caseIds.length) return new Map();
  const rows = await read()
    .select({ caseId: t.caseEvents.caseId, type: t.caseEvents.type })
    .from(t.caseEvents)
    .where(and(inArray(t.caseEvents.caseId, caseIds), eq(t.caseEvents.visibility, "public")))
    .orderBy(asc(t.caseEvents.id));
  return new Map(rows.map((r) => [r.caseId, r.type]));
}

export async function listRequests(params: URLSearchParams, now = new Date()): Promise<Open311Result> {
  const parsed = requestFiltersSchema.safeParse(
    Object.fromEntries(["service_request_id", "service_code", "start_date", "end_date", "status"].map((k) => [k, params.get(k) ?? undefined])),
  );
  if (!parsed.success) return { status: 400, errors: parsed.error.issues.map((i) => ({ code: 400, description: i.message })) };
  const query = resolveRequestQuery(parsed.data, now);
  const where =
    "ids" in query && query.ids
      ? inArray(t.cases.code, query.ids)
      : and(
          gte(t.cases.receivedAt, query.start!),
          lte(t.cases.receivedAt, query.end!),
          query.serviceCodes ? inArray(t.cases.categoryCode, query.serviceCodes) : undefined,
          query.statuses && query.statuses.length === 1
            ? query.statuses[0] === "open"
              ? inArray(t.cases.status, [...OPEN_STATUSES])
              : notInArray(t.cases.status, [...OPEN_STATUSES])
            : undefined,
        );
  const ref = await reference();
  // Newest first, read REQUEST_BATCH at a time after the last one sent (received_at, id): never all in memory at once.
  async function* batches() {
    let after: { receivedAt: string; id: number } | null = null;
    for (let sent = 0; sent < MAX_RESULTS;) {
      const seek = after ? sql`(${t.cases.receivedAt}, ${t.cases.id}) < (${after.receivedAt}, ${after.id})` : undefined;
      const rows = await requestBatch(and(where, seek), Math.min(REQUEST_BATCH, MAX_RESULTS - sent));
      if (!rows.length) return;
      const last = rows[rows.length - 1];
      after = { receivedAt: last.receivedAt, id: last.id };
      sent += rows.length;
      const events = await lastPublicEvents(rows.map((r) => r.id));
      yield rows.map((r) => toServiceRequest(ref, r, events));
    }
  }
  return { status: 200, root: "service_requests", batches: batches() };
}

const REQUEST_BATCH = 200;

const requestBatch = async (where: SQL | undefined, limit: number) =>
  (await read()
    .select(requestColumns)
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(where)
    .orderBy(desc(t.cases.receivedAt), desc(t.cases.id))
    .limit(limit)) as RequestRow[];

export async function getRequest(id: string): Promise<Open311Result> {
  const rows = (await read()
    .select(requestColumns)
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(eq(t.cases.code, id))) as RequestRow[];
  if (!rows.length) return fail(404, `unknown service_request_id: ${echoed(id)}`);
  const events = await lastPublicEvents([rows[0].id]);
  const ref = await reference();
  return { status: 200, root: "service_requests", body: rows.map((r) => toServiceRequest(ref, r, events)) };
}

/** Our services are realtime: POST answers with the service_request_id at once and issues no tokens. */
export function getToken(token: string): Open311Result {
  return fail(404, `unknown token: ${echoed(token)}`);
}

// ---------------------------------------------------------------- filing through the API

export async function verifyApiKey(key: string | null): Promise<{ id: number; label: string } | null> {
  if (!key) return null;
  const row = (
    await read()
      .select()
      .from(t.apiKeys)
      .where(and(eq(t.apiKeys.keyHash, sha256(key)), isNull(t.apiKeys.revokedAt)))
  )[0];
  if (!row) return null;
  await transaction((tx) => tx.update(t.apiKeys).set({ lastUsedAt: new Date().toISOString() }).where(eq(t.apiKeys.id, row.id)));
  return { id: row.id, label: row.label };
}

const FIELD_TO_PARAM: Record<string, string> = {
  kind: "attribute[kind]",
  commune: "attribute[commune]",
  title: "attribute[title]",
  requestedOutcome: "attribute[requested_outcome]",
  address: "attribute[filer_address]",
  dataConsent: "attribute[data_consent]",
  projectLevel: "attribute[project_level]",
  idNumber: "attribute[id_number]",
  complainedDecision: "attribute[complained_decision]",
  complainedBody: "attribute[complained_body]",
  decisionKnownOn: "attribute[decision_known_on]",
  accusedPerson: "attribute[accused_person]",
  description: "description",
  fullName: "first_name / last_name",
  phone: "phone",
  email: "email",
  place: "address_string / lat+long",
  category: "service_code",
};

export async function createRequest(form: URLSearchParams, ip: string, now = new Date()): Promise<Open311Result> {
  const apiKey = await verifyApiKey(form.get("api_key"));
  if (!apiKey) return fail(403, "api_key is missing or not valid");
  const limited = await consume("open311", String(apiKey.id));
  if (!limited.ok) return fail(429, "too many requests for this api_key; retry later", 429);

  const serviceCode = form.get("service_code")?.trim();
  if (!serviceCode) return fail(400, "service_code is required");
  const ref = await reference();
  if (!ref.categories.some((c) => c.code === serviceCode)) return fail(404, `unknown service_code: ${echoed(serviceCode)}`);

  const lat = form.get("lat")?.trim() || undefined;
  const long = form.get("long")?.trim() || undefined;
  const addressString = form.get("address_string")?.trim() || undefined;
  const addressId = form.get("address_id")?.trim() || undefined;
  if ((lat && !long) || (long && !lat)) return fail(400, "lat and long must be given together");
  const latitude = lat ? Number(lat) : null;
  const longitude = long ? Number(long) : null;
  if (lat && (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude!) > 90 || Math.abs(longitude!) > 180)) {
    return fail(400, "lat/long must be WGS84 decimal degrees");
  }
  if (!lat && !addressString && !addressId) return fail(400, "a location is required: lat and long, address_string or address_id");

  const attr = (code: string) => form.get(`attribute[${code}]`) ?? undefined;
  const description = form.get("description") ?? "";
  if (description.length > 4000) return fail(400, "description may not exceed 4000 characters");
  const name = [form.get("first_name"), form.get("last_name")].filter((v) => v && v.trim()).join(" ");
  const values: FilingValues = {
    kind: attr("kind"),
    category: serviceCode,
    commune: attr("commune"),
    place: addressString ?? (addressId ? `address_id ${addressId}` : `${latitude}, ${longitude}`),
    projectLevel: attr("project_level"),
    title: attr("title") || description.split("\n")[0].slice(0, 200),
    description,
    requestedOutcome: attr("requested_outcome"),
    fullName: name,
    phone: form.get("phone") ?? undefined,
    email: form.get("email") ?? undefined,
    address: attr("filer_address"),
    idNumber: attr("id_number"),
    complainedDecision: attr("complained_decision"),
    complainedBody: attr("complained_body"),
    decisionKnownOn: attr("decision_known_on")?.slice(0, 10),
    accusedPerson: attr("accused_person"),
    concernsOfficial: attr("concerns_official") === "yes" ? "on" : undefined,
    dataConsent: attr("data_consent") === "yes" ? "on" : undefined,
    truthConfirmed: "on", // the sending system attests the filer's confirmation (README: Open311)
    publishConsent: attr("publish_consent") === "yes" ? "on" : undefined,
    idempotencyKey: randomToken(18),
  };
  const today = vnDate(now);
  const parsed = parseFiling(values, filingReference(ref, today));
  if (!parsed.success) {
    const tr = translator("vi");
    const errors = parsed.errors;
    return {
      status: 400,
      errors: Object.entries(errors).map(([field, message]) => ({
        code: 400,
        description: `${FIELD_TO_PARAM[field] ?? field}: ${translateMessage(tr, message ?? "error.required")}`,
      })),
    };
  }
  const filed = await fileCase(parsed.data, [], { language: "vi", now, location: latitude !== null ? { latitude, longitude: longitude! } : undefined });
  await audit({ userId: null, action: "open311.request_created", targetType: "case", targetId: filed.code, ip, details: { apiKey: apiKey.label } }, now);
  return {
    status: 201,
    root: "service_requests",
    body: [{ service_request_id: filed.code, service_notice: `Đã tiếp nhận; hạn thụ lý và tiến độ: ${publicUrl()}/ho-so/${filed.code}`, account_id: null }],
  };
}

// ---------------------------------------------------------------- keys (administrators)

export async function issueApiKey(adminUserId: number, label: string, ip: string): Promise<string> {
  const key = `db_${randomToken(32)}`;
  await transaction(async (tx) => {
    const id = (
      await tx
        .insert(t.apiKeys)
        .values({ keyHash: sha256(key), label, createdBy: adminUserId })
        .returning({ id: t.apiKeys.id })
    )[0].id;
    await audit({ userId: adminUserId, action: "api_key.issued", targetType: "api_key", targetId: id, ip, details: { label } });
  });
  return key;
}

export async function revokeApiKey(adminUserId: number, id: number, ip: string): Promise<void> {
  await transaction(async (tx) => {
    await tx.update(t.apiKeys).set({ revokedAt: new Date().toISOString() }).where(eq(t.apiKeys.id, id));
    await audit({ userId: adminUserId, action: "api_key.revoked", targetType: "api_key", targetId: id, ip });
  });
}

export async function listApiKeys() {
  return await read()
    .select({ id: t.apiKeys.id, label: t.apiKeys.label, createdAt: t.apiKeys.createdAt, lastUsedAt: t.apiKeys.lastUsedAt, revokedAt: t.apiKeys.revokedAt })
    .from(t.apiKeys)
    .orderBy(desc(t.apiKeys.id));
}
