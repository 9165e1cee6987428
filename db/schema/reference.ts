// Reference data: administrative units (as data, with mergers), hamlets, categories, kinds and their required
// fields, routing and time-limit rules, the holiday calendar, counters.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    /** The unit's published contacts: they stay in public text, where other phone numbers are removed. */
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
  },
  (t) => [index("communes_level_idx").on(t.level, t.sortOrder)],
);

export const hamlets = sqliteTable(
  "hamlets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communeId: text("commune_id")
      .notNull()
      .references(() => communes.id),
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
    kindCode: text("kind_code")
      .notNull()
      .references(() => caseKinds.code),
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
