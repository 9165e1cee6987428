// Staff accounts, their server-side sessions and password links, and the response templates they use.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { ROLES } from "../../app/domain/permissions";
import { caseKinds, categories, communes } from "./reference";
import { CASE_KINDS } from "../../app/domain/filing";

// ---------------------------------------------------------------- staff (officials, supervisors, administrators)

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(), // stored lowercased
    fullName: text("full_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** The unit the account belongs to: a commune, or the district. */
    communeId: text("commune_id")
      .notNull()
      .references(() => communes.id),
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
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
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
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/** Append-only (triggers refuse UPDATE and DELETE): every sign-in, view of personal data, export and action. */

export const responseTemplates = sqliteTable(
  "response_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    categoryCode: text("category_code").references(() => categories.code), // null = any category
    kindCode: text("kind_code", { enum: CASE_KINDS }).references(() => caseKinds.code), // null = any kind
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("response_templates_category_idx").on(t.categoryCode)],
);
