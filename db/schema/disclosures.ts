// Public disclosures (Luật Thực hiện dân chủ ở cơ sở): types, disclosures and their versions, documents,
// comments, subscriptions and compensation plan tables.
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { DISCLOSURE_STATUSES, DISCLOSURE_TYPE_CODES } from "../../app/domain/disclosure";
import { communes } from "./reference";

// ---------------------------------------------------------------- public disclosures (Luật Thực hiện dân chủ ở cơ sở)

/** Kinds of disclosure with their legal minimum posting period (data: an administrator corrects it). */
export const disclosureTypes = sqliteTable("disclosure_types", {
  code: text("code", { enum: DISCLOSURE_TYPE_CODES }).primaryKey(),
  minPostingDays: integer("min_posting_days").notNull(),
  /** Whether residents may be consulted (comment period) on this kind. */
  consultation: integer("consultation", { mode: "boolean" }).notNull(),
  /** The shortest consultation the law allows for this kind, in calendar days (both first and last day counted). */
  minConsultationDays: integer("min_consultation_days").notNull().default(30),
  /** The legal basis of that minimum. */
  consultationSource: text("consultation_source").notNull().default(""),
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
    typeCode: text("type_code", { enum: DISCLOSURE_TYPE_CODES })
      .notNull()
      .references(() => disclosureTypes.code),
    communeId: text("commune_id")
      .notNull()
      .references(() => communes.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    /** Key figures shown at the top: [{ label, value }]. */
    keyFigures: text("key_figures", { mode: "json" }).$type<{ label: string; value: string }[]>().notNull(),
    status: text("status", { enum: DISCLOSURE_STATUSES }).notNull(),
    statusReason: text("status_reason"),
    postingFrom: text("posting_from"),
    postingTo: text("posting_to"),
    /** A re-posted document: the day it was signed, from which its posting period was allowed to count. */
    postingSignedOn: text("posting_signed_on"),
    /** Why this version replaces the previous one; its posting period restarted at its publication. */
    versionReason: text("version_reason"),
    /** Consultation window, ISO instants (the end is exact: comments close at that moment, Vietnam time). */
    consultationFrom: text("consultation_from"),
    consultationTo: text("consultation_to"),
    consultationSummary: text("consultation_summary"),
    /** When the consultation was closed (before the announced end only with a reason, shown publicly). */
    consultationClosedAt: text("consultation_closed_at"),
    consultationCloseReason: text("consultation_close_reason"),
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
    disclosureId: integer("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
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
    disclosureId: integer("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
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
  (t) => [
    index("subscriptions_commune_idx").on(t.communeId, t.confirmedAt),
    uniqueIndex("subscriptions_confirm_uq").on(t.confirmTokenHash),
    uniqueIndex("subscriptions_unsub_uq").on(t.unsubscribeTokenHash),
  ],
);

/** Affected plots of a compensation–support–resettlement plan (Luật Đất đai 2024, Điều 87). */
export const planRows = sqliteTable(
  "plan_rows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    disclosureId: integer("disclosure_id")
      .notNull()
      .references(() => disclosures.id, { onDelete: "cascade" }),
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
