// Supervision by the Fatherland Front and the People's Inspection Board: a supervision (its subject, period and
// members, its findings) and the formal recommendations it addresses to units, each answered and then settled.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { communes } from "./reference";
import { users } from "./staff";
import { disclosures } from "./disclosures";
import { RECOMMENDATION_STATES, RESPONSES, SUBJECT_KINDS } from "../../app/domain/supervision";

export const supervisions = sqliteTable(
  "supervisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The supervising body's unit (the supervisor's own: a commune, or the district). */
    supervisorUnitId: text("supervisor_unit_id")
      .notNull()
      .references(() => communes.id),
    openedBy: integer("opened_by")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    /** The theme, or a note on the subject. */
    subjectText: text("subject_text"),
    /** Tracking codes of the supervised cases (subject "case" or "cases"). */
    caseCodes: text("case_codes", { mode: "json" }).$type<string[]>(),
    disclosureId: integer("disclosure_id").references(() => disclosures.id),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    /** Names and roles of the supervision team (staff pages only: never public). */
    members: text("members").notNull(),
    findings: text("findings"),
    createdAt: createdAt(),
  },
  (t) => [index("supervisions_unit_idx").on(t.supervisorUnitId, t.createdAt)],
);

export const supervisionRecommendations = sqliteTable(
  "supervision_recommendations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    supervisionId: integer("supervision_id")
      .notNull()
      .references(() => supervisions.id),
    /** The unit the recommendation is addressed to. */
    unitId: text("unit_id")
      .notNull()
      .references(() => communes.id),
    body: text("body").notNull(),
    issuedOn: text("issued_on").notNull(),
    dueOn: text("due_on").notNull(),
    state: text("state", { enum: RECOMMENDATION_STATES }).notNull().default("open"),
    response: text("response", { enum: RESPONSES }),
    responseReasons: text("response_reasons"),
    responsePlan: text("response_plan"),
    answeredBy: integer("answered_by").references(() => users.id),
    answeredAt: text("answered_at"),
    answeredOn: text("answered_on"),
    settledBy: integer("settled_by").references(() => users.id),
    settledAt: text("settled_at"),
    settleNote: text("settle_note"),
    /** The day the overdue mail was queued: it goes once. */
    escalatedOn: text("escalated_on"),
    createdAt: createdAt(),
  },
  (t) => [index("recommendations_supervision_idx").on(t.supervisionId), index("recommendations_unit_idx").on(t.unitId, t.state, t.dueOn)],
);

/**
 * Social criticism (phản biện xã hội) of a draft in consultation: the supervisor's formal critique, filed under a
 * supervision of that disclosure, and the unit's answer — required before the final version is published.
 */
export const disclosureCritiques = sqliteTable(
  "disclosure_critiques",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    supervisionId: integer("supervision_id")
      .notNull()
      .references(() => supervisions.id),
    disclosureId: integer("disclosure_id")
      .notNull()
      .references(() => disclosures.id),
    body: text("body").notNull(),
    filedBy: integer("filed_by")
      .notNull()
      .references(() => users.id),
    filedAt: text("filed_at").notNull(),
    answer: text("answer"),
    answeredBy: integer("answered_by").references(() => users.id),
    answeredAt: text("answered_at"),
  },
  (t) => [index("critiques_disclosure_idx").on(t.disclosureId)],
);
