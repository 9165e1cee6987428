import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CASE_STATUSES } from "../app/domain/case-workflow";
import { DISCLOSURE_STATUSES } from "../app/domain/disclosure";
import { ROLES } from "../app/domain/permissions";

// Timestamps are ISO-8601 UTC strings; calendar dates (deadlines, holidays) are YYYY-MM-DD in Asia/Ho_Chi_Minh.
const createdAt = () => text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** Administrative units as data: a merger sets valid_to + successor so open cases can be re-routed and history kept. */
export const communes = sqliteTable(
  "communes",
  {
    id: text("id").primaryKey(), // stable slug, e.g. "xuan-bac"
    name: text("name").notNull(),
    level: text("level", { enum: ["district", "commune", "town"] }).notNull(),
    parentId: text("parent_id"),
    validFrom: text("valid_from"),
    validTo: text("valid_to"),
    successorId: text("successor_id"),
    remoteArea: integer("remote_area", { mode: "boolean" }).notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("communes_level_idx").on(t.level, t.sortOrder)],
);

export const hamlets = sqliteTable(
  "hamlets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communeId: text("commune_id").notNull().references(() => communes.id),
    name: text("name").notNull(),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("hamlets_commune_name_uq").on(t.communeId, t.name)],
);

export const categories = sqliteTable("categories", {
  code: text("code").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});

export const caseKinds = sqliteTable("case_kinds", {
  code: text("code", { enum: ["feedback", "petition", "complaint", "denunciation"] }).primaryKey(),
  /** Denunciation: the filer's identity is shown only to handling officials. */
  confidentialIdentity: integer("confidential_identity", { mode: "boolean" }).notNull().default(false),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** Which extra contact/detail fields a kind requires, and from when (Law 136/2025 adds the ID number on 1/7/2026). */
export const kindFieldRules = sqliteTable(
  "kind_field_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kindCode: text("kind_code").notNull().references(() => caseKinds.code),
    field: text("field").notNull(),
    validFrom: text("valid_from"),
    validTo: text("valid_to"),
    source: text("source"),
  },
  (t) => [index("kind_field_rules_kind_idx").on(t.kindCode)],
);

/** Routing: first matching rule by priority decides whether a case goes to its commune or to the district triage. */
export const routingRules = sqliteTable("routing_rules", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  priority: integer("priority").notNull(),
  categoryCode: text("category_code"), // null = any
  projectLevel: text("project_level"), // null = any; "commune" | "district" | "unknown"
  locationScope: text("location_scope"), // null = any; "commune" | "multiple" | "unknown"
  routeTo: text("route_to", { enum: ["commune", "district"] }).notNull(),
  reason: text("reason").notNull(),
});

/** Legal time limits as data (domain.md §2): an administrator corrects these, not the code. */
export const deadlineRules = sqliteTable(
  "deadline_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kindCode: text("kind_code").notNull(),
    stage: text("stage").notNull(), // "process" | "accept" | "resolve" | "resolve_complex" | "appeal_file" | …
    categoryCode: text("category_code"), // null = any category
    length: integer("length").notNull(),
    unit: text("unit", { enum: ["calendar", "working"] }).notNull(),
    startEvent: text("start_event").notNull(),
    pausesOnInfoRequest: integer("pauses_on_info_request", { mode: "boolean" }).notNull().default(true),
    extensionAllowed: integer("extension_allowed", { mode: "boolean" }).notNull().default(false),
    source: text("source").notNull(),
  },
  (t) => [index("deadline_rules_kind_stage_idx").on(t.kindCode, t.stage)],
);

/** Public holidays and worked (swapped) Saturdays, per year, extendable by an administrator. */
export const calendarDays = sqliteTable("calendar_days", {
  date: text("date").primaryKey(), // YYYY-MM-DD
  kind: text("kind", { enum: ["holiday", "working_day"] }).notNull(),
  name: text("name").notNull(),
});

export const counters = sqliteTable("counters", {
  name: text("name").primaryKey(),
  value: integer("value").notNull(),
});

export const cases = sqliteTable(
  "cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    kindCode: text("kind_code").notNull().references(() => caseKinds.code),
    categoryCode: text("category_code").notNull().references(() => categories.code),
    /** The unit handling it now: a commune, or the district (triage). */
    communeId: text("commune_id").notNull().references(() => communes.id),
    /** Where the matter is; null when several communes or unknown. */
    locationCommuneId: text("location_commune_id").references(() => communes.id),
    locationScope: text("location_scope", { enum: ["commune", "multiple", "unknown"] }).notNull(),
    hamletId: integer("hamlet_id").references(() => hamlets.id),
    place: text("place").notNull(),
    latitude: real("latitude"),
    longitude: real("longitude"),
    projectLevel: text("project_level"),
    title: text("title").notNull(),
    description: text("description").notNull(),
    requestedOutcome: text("requested_outcome").notNull(),
    status: text("status", { enum: CASE_STATUSES }).notNull(),
    /** Status to return to when an information request is answered. */
    statusBeforeInfoRequest: text("status_before_info_request", { enum: CASE_STATUSES }),
    routingReason: text("routing_reason").notNull(),
    publishConsent: integer("publish_consent", { mode: "boolean" }).notNull(),
    /** Diacritic-free lowercase text of code, title and description for search (đ→d included). */
    searchText: text("search_text").notNull(),
    language: text("language", { enum: ["vi", "en"] }).notNull().default("vi"),
    /** The project or plan the case is about, and the plan's row, when the resident picked one. */
    disclosureId: integer("disclosure_id"),
    planRowNo: integer("plan_row_no"),
    receivedAt: text("received_at").notNull(),
    /** Legal date (Asia/Ho_Chi_Minh) by which it must be accepted, refused or processed. */
    acceptDueOn: text("accept_due_on").notNull(),
    /** Due date of the stage in progress (accept, resolve, second instance), paused days included. */
    dueOn: text("due_on").notNull(),
    /** The deadline stage dueOn belongs to ("process", "accept", "resolve", "resolve_second" …). */
    stage: text("stage").notNull(),
    /** Day (YYYY-MM-DD) the stage's clock started; pauses and extensions are applied from events. */
    stageStartedOn: text("stage_started_on").notNull(),
    complex: integer("complex", { mode: "boolean" }).notNull().default(false),
    extensionDays: integer("extension_days").notNull().default(0),
    /** Set while the clock is paused (information requested from the resident). */
    pausedSince: text("paused_since"),
    /** Finished pauses [from, to] (YYYY-MM-DD): those days do not count towards the stage's limit. */
    pauses: text("pauses", { mode: "json" }).$type<[string, string][]>().notNull().default(sql`'[]'`),
    assigneeUserId: integer("assignee_user_id"),
    answeredAt: text("answered_at"),
    /** The due date of the stage that the answer closed, to count answers on time. */
    answeredDueOn: text("answered_due_on"),
    closedAt: text("closed_at"),
    idempotencyKey: text("idempotency_key").notNull(),
    receiptTokenHash: text("receipt_token_hash").notNull(),
    accessKeyHash: text("access_key_hash").notNull(),
    /** AES-GCM ciphertext so the receipt can show the key again; the hash alone verifies look-ups. */
    accessKeyEncrypted: text("access_key_encrypted").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("cases_code_uq").on(t.code),
    uniqueIndex("cases_idempotency_uq").on(t.idempotencyKey),
    uniqueIndex("cases_receipt_token_uq").on(t.receiptTokenHash),
    index("cases_commune_status_idx").on(t.communeId, t.status, t.dueOn),
    index("cases_due_idx").on(t.status, t.dueOn),
    index("cases_assignee_idx").on(t.assigneeUserId),
    index("cases_received_idx").on(t.receivedAt),
    index("cases_register_idx").on(t.publishConsent, t.status, t.answeredAt),
    index("cases_disclosure_idx").on(t.disclosureId),
  ],
);

/** Personal data lives apart from the case so that no public query can select it by accident. */
export const caseContacts = sqliteTable("case_contacts", {
  caseId: integer("case_id").primaryKey().references(() => cases.id, { onDelete: "cascade" }),
  fullName: text("full_name").notNull(),
  phone: text("phone").notNull(),
  phoneDigits: text("phone_digits").notNull(),
  email: text("email"),
  address: text("address").notNull(),
  idNumber: text("id_number"),
  /** Kind-specific details: decision complained about, person denounced, dates… (JSON object). */
  details: text("details", { mode: "json" }).$type<Record<string, string>>().notNull(),
  confidential: integer("confidential", { mode: "boolean" }).notNull(),
  dataConsentAt: text("data_consent_at").notNull(),
  createdAt: createdAt(),
});

export const caseEvents = sqliteTable(
  "case_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    visibility: text("visibility", { enum: ["public", "internal"] }).notNull(),
    actor: text("actor", { enum: ["resident", "official", "system"] }).notNull(),
    actorUserId: integer("actor_user_id"),
    /** Text shown on the timeline (public events only show it to the resident and, if consented, to the public). */
    body: text("body"),
    meta: text("meta", { mode: "json" }).$type<Record<string, unknown>>(),
    idempotencyKey: text("idempotency_key"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.id), uniqueIndex("case_events_idem_uq").on(t.idempotencyKey)],
);

export const attachments = sqliteTable(
  "attachments",
  {
    id: text("id").primaryKey(), // random UUID, also the file name on disk
    caseId: integer("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    eventId: integer("event_id").references(() => caseEvents.id),
    displayName: text("display_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    latitude: real("latitude"),
    longitude: real("longitude"),
    uploadedBy: text("uploaded_by", { enum: ["resident", "official"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_case_idx").on(t.caseId)],
);

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    /** Extra mail headers, e.g. List-Unsubscribe on subscription mail. */
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>(),
    caseId: integer("case_id").references(() => cases.id),
    status: text("status", { enum: ["pending", "sent", "dead"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: text("sent_at"),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

// ---------------------------------------------------------------- staff (officials, supervisors, administrators)


export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(), // stored lowercased
    fullName: text("full_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** The unit the account belongs to: a commune, or the district. */
    communeId: text("commune_id").notNull().references(() => communes.id),
    passwordHash: text("password_hash").notNull(),
    totpSecret: text("totp_secret"), // AES-GCM sealed
    totpEnabledAt: text("totp_enabled_at"),
    lastTotpStep: integer("last_totp_step"),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: text("locked_until"),
    disabledAt: text("disabled_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_commune_idx").on(t.communeId, t.role)],
);

/** Server-side sessions so that sign-out everywhere and disabling an account end them at once. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(), // SHA-256 of the cookie's random value
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    /** Password checked, second factor still to come. */
    pendingSecondFactor: integer("pending_second_factor", { mode: "boolean" }).notNull().default(false),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const passwordResets = sqliteTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/** Append-only (triggers refuse UPDATE and DELETE): every sign-in, view of personal data, export and action. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    userId: integer("user_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_user_idx").on(t.userId, t.at)],
);

export const responseTemplates = sqliteTable(
  "response_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    categoryCode: text("category_code").references(() => categories.code), // null = any category
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("response_templates_category_idx").on(t.categoryCode)],
);

export const caseRatings = sqliteTable("case_ratings", {
  caseId: integer("case_id").primaryKey().references(() => cases.id, { onDelete: "cascade" }),
  score: integer("score").notNull(),
  comment: text("comment"),
  createdAt: text("created_at").notNull(),
});

/** Keys for the Open311 API (issued by an administrator; only the hash is kept). */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    keyHash: text("key_hash").notNull(),
    label: text("label").notNull(),
    createdBy: integer("created_by"),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash_uq").on(t.keyHash)],
);

// ---------------------------------------------------------------- public disclosures (Luật Thực hiện dân chủ ở cơ sở)

/** Kinds of disclosure with their legal minimum posting period (data: an administrator corrects it). */
export const disclosureTypes = sqliteTable("disclosure_types", {
  code: text("code").primaryKey(),
  minPostingDays: integer("min_posting_days").notNull(),
  /** Whether residents may be consulted (comment period) on this kind. */
  consultation: integer("consultation", { mode: "boolean" }).notNull(),
  /** Whether the law requires household names in the public plan table (otherwise they are masked). */
  publishNames: integer("publish_names", { mode: "boolean" }).notNull().default(false),
  source: text("source").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const disclosures = sqliteTable(
  "disclosures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    typeCode: text("type_code").notNull().references(() => disclosureTypes.code),
    communeId: text("commune_id").notNull().references(() => communes.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    /** Key figures shown at the top: [{ label, value }]. */
    keyFigures: text("key_figures", { mode: "json" }).$type<{ label: string; value: string }[]>().notNull(),
    status: text("status", { enum: DISCLOSURE_STATUSES }).notNull(),
    statusReason: text("status_reason"),
    postingFrom: text("posting_from"),
    postingTo: text("posting_to"),
    /** Consultation window, ISO instants (the end is exact: comments close at that moment, Vietnam time). */
    consultationFrom: text("consultation_from"),
    consultationTo: text("consultation_to"),
    consultationSummary: text("consultation_summary"),
    version: integer("version").notNull().default(1),
    previousId: integer("previous_id"),
    createdBy: integer("created_by").notNull(),
    publishedAt: text("published_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("disclosures_slug_uq").on(t.slug),
    index("disclosures_public_idx").on(t.status, t.communeId, t.publishedAt),
    index("disclosures_previous_idx").on(t.previousId),
    index("disclosures_unit_idx").on(t.communeId, t.id),
  ],
);

export const disclosureDocuments = sqliteTable(
  "disclosure_documents",
  {
    id: text("id").primaryKey(),
    disclosureId: integer("disclosure_id").notNull().references(() => disclosures.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("disclosure_documents_idx").on(t.disclosureId)],
);

export const disclosureComments = sqliteTable(
  "disclosure_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    disclosureId: integer("disclosure_id").notNull().references(() => disclosures.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    authorName: text("author_name").notNull(),
    authorPhone: text("author_phone").notNull(),
    /** The commenter agreed to show their name publicly (the phone never is). */
    showName: integer("show_name", { mode: "boolean" }).notNull(),
    hiddenAt: text("hidden_at"),
    hiddenReason: text("hidden_reason"),
    reply: text("reply"),
    replyBy: integer("reply_by"),
    repliedAt: text("replied_at"),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("disclosure_comments_idx").on(t.disclosureId, t.id), uniqueIndex("disclosure_comments_idem_uq").on(t.idempotencyKey)],
);

export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    /** A commune's disclosures, or the district's own ones and all communes' when null. */
    communeId: text("commune_id"),
    confirmTokenHash: text("confirm_token_hash").notNull(),
    unsubscribeTokenHash: text("unsubscribe_token_hash").notNull(),
    confirmedAt: text("confirmed_at"),
    unsubscribedAt: text("unsubscribed_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("subscriptions_commune_idx").on(t.communeId, t.confirmedAt), uniqueIndex("subscriptions_confirm_uq").on(t.confirmTokenHash), uniqueIndex("subscriptions_unsub_uq").on(t.unsubscribeTokenHash)],
);

/** Affected plots of a compensation–support–resettlement plan (Luật Đất đai 2024, Điều 87). */
export const planRows = sqliteTable(
  "plan_rows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    disclosureId: integer("disclosure_id").notNull().references(() => disclosures.id, { onDelete: "cascade" }),
    rowNo: integer("row_no").notNull(),
    householdName: text("household_name").notNull(),
    plotNumber: text("plot_number").notNull(),
    mapSheet: text("map_sheet").notNull(),
    landType: text("land_type").notNull(),
    areaRecovered: real("area_recovered").notNull(),
    /** Đồng per m² of the land recovered. */
    unitPrice: integer("unit_price").notNull(),
    /** Amounts in đồng: for the land, for the assets and crops on it, and support. */
    landCompensation: integer("land_compensation").notNull(),
    assetCompensation: integer("asset_compensation").notNull(),
    support: integer("support").notNull(),
    total: integer("total").notNull(),
    resettlement: text("resettlement").notNull(),
    /** The household's private code (given with the land-recovery notice): hash to verify, sealed to reprint. */
    householdCodeHash: text("household_code_hash").notNull(),
    householdCodeSealed: text("household_code_sealed").notNull(),
    /** The household's address as written in the plan (shown to the household only). */
    householdAddress: text("household_address").notNull().default(""),
  },
  (t) => [uniqueIndex("plan_rows_row_uq").on(t.disclosureId, t.rowNo), index("plan_rows_code_idx").on(t.householdCodeHash)],
);
