// Cases: the case itself, its filer's personal data (apart, so no public query selects it by accident), its
// timeline, attachments and rating.
import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { caseKinds, categories, communes, hamlets } from "./reference";
import { CASE_EVENT_TYPES, CASE_STATUSES, FINISHED_STATUSES, OPEN_STATUSES } from "../../app/domain/case-workflow";
import { CASE_STAGES } from "../../app/domain/deadlines";
import { CASE_KINDS } from "../../app/domain/filing";
import { FILING_CHANNELS } from "../../app/domain/reception";

/**
 * The cases whose clock runs (open, not paused), as literal SQL: the partial index cases_running_idx has these
 * words, and a query that repeats them exactly reads that index alone (the overdue board, "overdue now").
 */
export const RUNNING_CLOCKS = `status IN (${quoted(OPEN_STATUSES)}) AND paused_since IS NULL`;
/** RUNNING_CLOCKS as a query condition (over `cases` alone: its column names are not qualified). */
export const runningClocks = sql.raw(RUNNING_CLOCKS);

/** A list of constant strings as SQL literals (a partial index or generated column cannot take parameters). */
function quoted(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}

export const cases = sqliteTable(
  "cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    kindCode: text("kind_code", { enum: CASE_KINDS })
      .notNull()
      .references(() => caseKinds.code),
    categoryCode: text("category_code")
      .notNull()
      .references(() => categories.code),
    /** The unit handling it now: a commune, or the district (triage). */
    communeId: text("commune_id")
      .notNull()
      .references(() => communes.id),
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
    /** How the case reached the portal: filed online, or by staff on the resident's behalf (reception, phone, letter, hamlet head). */
    channel: text("channel", { enum: FILING_CHANNELS }).notNull().default("online"),
    /** Diacritic-free lowercase text of code, title and description for search (đ→d included). */
    searchText: text("search_text").notNull(),
    /** The same without the filer's identity (redacted text): what the public and supervisors search. Null: not yet computed. */
    publicSearchText: text("public_search_text"),
    /** A denunciation the filer says concerns an official or civil servant of the commune (routed to the district). */
    concernsOfficial: integer("concerns_official", { mode: "boolean" }).notNull().default(false),
    language: text("language", { enum: ["vi", "en"] })
      .notNull()
      .default("vi"),
    /** The project or plan the case is about, and the plan's row, when the resident picked one. */
    disclosureId: integer("disclosure_id"),
    planRowNo: integer("plan_row_no"),
    receivedAt: text("received_at").notNull(),
    /** Legal date (Asia/Ho_Chi_Minh) by which it must be accepted, refused or processed. */
    acceptDueOn: text("accept_due_on").notNull(),
    /** Set when a complaint was filed after its filing limit: that limit's last day (a flag for the official, not a refusal). */
    filingLimitPassedOn: text("filing_limit_passed_on"),
    /** Due date of the stage in progress (accept, resolve, second instance), paused days included. */
    dueOn: text("due_on").notNull(),
    /** The deadline stage dueOn belongs to ("process", "accept", "resolve", "resolve_second" …). */
    stage: text("stage", { enum: CASE_STAGES }).notNull(),
    /** Day (YYYY-MM-DD) the stage's clock started; pauses and extensions are applied from events. */
    stageStartedOn: text("stage_started_on").notNull(),
    complex: integer("complex", { mode: "boolean" }).notNull().default(false),
    extensionDays: integer("extension_days").notNull().default(0),
    /** Set while the clock is paused (information requested from the resident). */
    pausedSince: text("paused_since"),
    /** Finished pauses [from, to] (YYYY-MM-DD): those days do not count towards the stage's limit. */
    pauses: text("pauses", { mode: "json" })
      .$type<[string, string][]>()
      .notNull()
      .default(sql`'[]'`),
    assigneeUserId: integer("assignee_user_id"),
    /** The commune whose answer was contested: it keeps read access while the upper level handles the case. */
    firstInstanceCommuneId: text("first_instance_commune_id"),
    answeredAt: text("answered_at"),
    /** The due date of the stage that the answer closed, to count answers on time. */
    answeredDueOn: text("answered_due_on"),
    closedAt: text("closed_at"),
    /** The answer drafted by an official and waiting for a leader's approval (its "answer_drafted" event), if any. */
    answerDraftEventId: integer("answer_draft_event_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    /** HMAC of the browser and what was typed: the same filing sent again from the same browser (Back, resubmit) is one case. */
    repeatKey: text("repeat_key"),
    receiptTokenHash: text("receipt_token_hash").notNull(),
    accessKeyHash: text("access_key_hash").notNull(),
    /** AES-GCM ciphertext so the receipt can show the key again; the hash alone verifies look-ups. */
    accessKeyEncrypted: text("access_key_encrypted").notNull(),
    updatedAt: text("updated_at").notNull(),
    /** 1 when the case is finished: the inbox lists open cases first, then finished ones, each by due date. */
    finished: integer("finished").generatedAlwaysAs(sql.raw(`status IN (${quoted(FINISHED_STATUSES)})`), { mode: "virtual" }),
  },
  (t) => [
    uniqueIndex("cases_code_uq").on(t.code),
    uniqueIndex("cases_idempotency_uq").on(t.idempotencyKey),
    index("cases_repeat_idx").on(t.repeatKey, t.receivedAt),
    // Only the cases still without a redacted search key: the start-up backfill finds them without scanning cases.
    index("cases_missing_search_idx")
      .on(t.id)
      .where(sql`${t.publicSearchText} IS NULL`),
    uniqueIndex("cases_receipt_token_uq").on(t.receiptTokenHash),
    index("cases_commune_status_idx").on(t.communeId, t.status, t.dueOn),
    index("cases_due_idx").on(t.status, t.dueOn),
    index("cases_assignee_idx").on(t.assigneeUserId),
    index("cases_received_idx").on(t.receivedAt),
    index("cases_register_idx").on(t.publishConsent, t.status, t.answeredAt),
    index("cases_disclosure_idx").on(t.disclosureId),
    // Keyset pages of the inbox, in its order (open first, then by due date and id), whole district or one unit.
    index("cases_inbox_idx").on(t.finished, t.dueOn),
    index("cases_unit_inbox_idx").on(t.communeId, t.finished, t.dueOn),
    // The running clocks only (open, not paused): the overdue board and "overdue now" count these entries alone.
    index("cases_running_idx").on(t.communeId, t.dueOn, t.receivedAt, t.categoryCode, t.kindCode, t.status, t.pausedSince).where(sql.raw(RUNNING_CLOCKS)),
  ],
);

/** Personal data lives apart from the case so that no public query can select it by accident. */
export const caseContacts = sqliteTable("case_contacts", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
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
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    type: text("type", { enum: CASE_EVENT_TYPES }).notNull(),
    visibility: text("visibility", { enum: ["public", "internal"] }).notNull(),
    actor: text("actor", { enum: ["resident", "official", "system"] }).notNull(),
    actorUserId: integer("actor_user_id"),
    /** Text shown on the timeline (public events only show it to the resident and, if consented, to the public). */
    body: text("body"),
    meta: text("meta", { mode: "json" }).$type<Record<string, unknown>>(),
    idempotencyKey: text("idempotency_key"),
    createdAt: text("created_at").notNull(),
    /**
     * The unit the event is credited to (figures/creditedUnit): the receiver of a filing, transfer or contest, the
     * unit that acted otherwise, the unit whose answer was rated. Figures stay with it after the case moves on.
     */
    unitId: text("unit_id").references(() => communes.id),
    /** The deadline stage in force when the event happened, and its due date then (null while the clock was paused). */
    stage: text("stage", { enum: CASE_STAGES }),
    dueOn: text("due_on"),
  },
  (t) => [
    index("case_events_case_idx").on(t.caseId, t.id),
    uniqueIndex("case_events_idem_uq").on(t.idempotencyKey),
    index("case_events_unit_type_idx").on(t.unitId, t.type),
    // The supervision figures read events by type and date (escalations, take-overs, closures in a period).
    index("case_events_type_created_idx").on(t.type, t.createdAt),
  ],
);

export const attachments = sqliteTable(
  "attachments",
  {
    id: text("id").primaryKey(), // random UUID, also the file name on disk
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
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

/** Superseded by answerRatings (one rating per answer); kept, and copied there, so the migration stays additive. */
export const caseRatings = sqliteTable("case_ratings", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  score: integer("score").notNull(),
  comment: text("comment"),
  createdAt: text("created_at").notNull(),
});

/** The resident's rating of one answer: a contested case's first- and second-instance answers are rated apart. */
export const answerRatings = sqliteTable(
  "answer_ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** The "answered" event rated; its unit is the one the rating is credited to. */
    answerEventId: integer("answer_event_id")
      .notNull()
      .references(() => caseEvents.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    comment: text("comment"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("answer_ratings_answer_uq").on(t.answerEventId), index("answer_ratings_case_idx").on(t.caseId)],
);

/** Keys for the Open311 API (issued by an administrator; only the hash is kept). */

/**
 * `cases` read through the running clocks' index alone (with `runningClocks` as a condition): the planner would
 * otherwise pick cases_due_idx and read every open case's row.
 */
export const casesByRunningClock = sql`${cases} INDEXED BY cases_running_idx`;
