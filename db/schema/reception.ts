// Citizen reception (tiếp công dân): the duty rules as data, each unit's reception sessions (weekly rules and the
// sessions they give, one-off sessions, cancellations), residents' bookings, and the reception log (sổ tiếp công
// dân) with the people of each visit kept apart from the entry, so no query selects them by accident.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  BOOKING_STATUSES,
  DIALOGUE_ROLES,
  DIALOGUE_STATUSES,
  RECEIVER_ROLES,
  SESSION_MODES,
  SESSION_STATUSES,
  VISIT_CHANNELS,
  VISIT_OUTCOMES,
} from "../../app/domain/reception";
import { CASE_KINDS } from "../../app/domain/filing";
import { createdAt } from "./columns";
import { cases } from "./cases";
import { communes } from "./reference";
import { users } from "./staff";

/** The chairman's minimum of reception days per period, per level, with its source and dates in force (domain.md §7). */
export const receptionDutyRules = sqliteTable("reception_duty_rules", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  level: text("level", { enum: ["commune", "district"] }).notNull(),
  receiverRole: text("receiver_role", { enum: RECEIVER_ROLES }).notNull(),
  period: text("period", { enum: ["week", "month"] }).notNull(),
  minDays: integer("min_days").notNull(),
  validFrom: text("valid_from"),
  validTo: text("valid_to"),
  source: text("source").notNull(),
});

const sessionFields = {
  communeId: text("commune_id")
    .notNull()
    .references(() => communes.id),
  receiverRole: text("receiver_role", { enum: RECEIVER_ROLES }).notNull(),
  /** The receiver's name and title as announced (a public official's name, not personal data of a resident). */
  receiverName: text("receiver_name").notNull(),
  place: text("place").notNull(),
  mode: text("mode", { enum: SESSION_MODES }).notNull(),
  meetingUrl: text("meeting_url"),
  /** HH:MM, Vietnam time. */
  startTime: text("start_time").notNull(),
  endTime: text("end_time").notNull(),
  /** Bookings a session takes (a group is one booking). */
  capacity: integer("capacity").notNull(),
};

/** "Every Thursday morning": the rule gives one session per week (holidays left out) up to a horizon. */
export const receptionRules = sqliteTable(
  "reception_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ...sessionFields,
    weekday: integer("weekday").notNull(),
    validFrom: text("valid_from").notNull(),
    validTo: text("valid_to"),
    /** The last date up to which its sessions have been written (the daily job moves it on). */
    generatedTo: text("generated_to"),
    createdAt: createdAt(),
  },
  (t) => [index("reception_rules_commune_idx").on(t.communeId)],
);

export const receptionSessions = sqliteTable(
  "reception_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ...sessionFields,
    date: text("date").notNull(),
    /** The weekly rule that gave it; null for a one-off session. */
    ruleId: integer("rule_id").references(() => receptionRules.id),
    status: text("status", { enum: SESSION_STATUSES }).notNull().default("scheduled"),
    cancelReason: text("cancel_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("reception_sessions_date_idx").on(t.date, t.communeId),
    index("reception_sessions_commune_idx").on(t.communeId, t.date),
    uniqueIndex("reception_sessions_rule_date_uq").on(t.ruleId, t.date),
  ],
);

export const receptionBookings = sqliteTable(
  "reception_bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** What the resident keeps to see, print or cancel the booking (random, not guessable). */
    code: text("code").notNull(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => receptionSessions.id),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    email: text("email"),
    matter: text("matter").notNull(),
    people: integer("people").notNull().default(1),
    caseCode: text("case_code"),
    status: text("status", { enum: BOOKING_STATUSES }).notNull().default("requested"),
    statusReason: text("status_reason"),
    reminderSentAt: text("reminder_sent_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [uniqueIndex("reception_bookings_code_uq").on(t.code), index("reception_bookings_session_idx").on(t.sessionId, t.status)],
);

/** One line of the reception log (Decree 154/2026 Form 03/TCD). */
export const receptionVisits = sqliteTable(
  "reception_visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sessionId: integer("session_id")
      .notNull()
      .references(() => receptionSessions.id),
    communeId: text("commune_id")
      .notNull()
      .references(() => communes.id),
    bookingId: integer("booking_id").references(() => receptionBookings.id),
    channel: text("channel", { enum: VISIT_CHANNELS }).notNull(),
    kindCode: text("kind_code", { enum: CASE_KINDS }).notNull(),
    /** Everyone who came about the matter (the log's "number of people with the same matter"). */
    people: integer("people").notNull(),
    content: text("content").notNull(),
    /** Bodies that already handled the matter, as told. */
    handledBefore: text("handled_before").notNull().default(""),
    outcome: text("outcome", { enum: VISIT_OUTCOMES }).notNull(),
    outcomeBody: text("outcome_body"),
    outcomeDocument: text("outcome_document"),
    outcomeReason: text("outcome_reason"),
    caseCode: text("case_code"),
    followUp: text("follow_up").notNull().default(""),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("reception_visits_session_idx").on(t.sessionId), index("reception_visits_commune_idx").on(t.communeId, t.createdAt)],
);

/** The person of a visit, or a group's representatives: the identities the log keeps and supervisors never read. */
export const receptionVisitors = sqliteTable(
  "reception_visitors",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitId: integer("visit_id")
      .notNull()
      .references(() => receptionVisits.id),
    name: text("name").notNull(),
    address: text("address").notNull(),
    idNumber: text("id_number"),
    isRepresentative: integer("is_representative", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("reception_visitors_visit_idx").on(t.visitId)],
);

/** A case filed by several people about the same matter: how many, who (names or households), kept with the case. */
export const caseGroups = sqliteTable("case_groups", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  people: integer("people").notNull(),
  /** Names or households of the co-filers, as the group's document lists them. */
  coFilers: text("co_filers").notNull().default(""),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});

/** A group's representatives (at most five): they receive the case's mail with the filer. */
export const caseRepresentatives = sqliteTable(
  "case_representatives",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    address: text("address").notNull().default(""),
  },
  (t) => [index("case_representatives_case_idx").on(t.caseId)],
);

/** A dialogue meeting about a case (Law on Complaints Art. 30, 39): scheduled, then held with its minutes. */
export const dialogues = sqliteTable(
  "dialogues",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    communeId: text("commune_id")
      .notNull()
      .references(() => communes.id),
    /** YYYY-MM-DDTHH:MM, Vietnam time. */
    startsAt: text("starts_at").notNull(),
    place: text("place").notNull(),
    status: text("status", { enum: DIALOGUE_STATUSES }).notNull().default("scheduled"),
    /** What each side said, points agreed, points still disputed (the minutes, Form 14). */
    content: text("content"),
    agreed: text("agreed"),
    disputed: text("disputed"),
    /** The filer stayed away without a valid reason and the rule in force lets handling continue. */
    continuesWithoutFiler: integer("continues_without_filer", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    heldAt: text("held_at"),
  },
  (t) => [index("dialogues_case_idx").on(t.caseId)],
);

export const dialogueParticipants = sqliteTable(
  "dialogue_participants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dialogueId: integer("dialogue_id")
      .notNull()
      .references(() => dialogues.id, { onDelete: "cascade" }),
    role: text("role", { enum: DIALOGUE_ROLES }).notNull(),
    name: text("name").notNull(),
    email: text("email"),
    /** Null until the minutes are recorded. */
    attended: integer("attended", { mode: "boolean" }),
    absenceReason: text("absence_reason"),
    absenceValid: integer("absence_valid", { mode: "boolean" }),
  },
  (t) => [index("dialogue_participants_dialogue_idx").on(t.dialogueId)],
);
