// Passwords of staff accounts: argon2id at OWASP's setting, no composition rules, a breach list; changing one's
// own password, and a one-time mailed link to choose one (reset, or a new account's welcome).
import argon2 from "argon2";
import { and, eq, isNull, ne } from "drizzle-orm";
import { passwordResets, sessions, users } from "../../../db/schema";
import { COMMON_PASSWORDS } from "../../../db/data/common-passwords";
import { cleanSingleLine } from "~/domain/text";
import { translator } from "~/i18n";
import { publicUrl } from "~/services/platform/config.server";
import { audit } from "~/services/platform/audit.server";
import { read, transaction, type Tx } from "~/services/platform/database.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { consume } from "~/services/platform/rate-limit.server";
import { randomToken, sha256 } from "~/services/platform/secrets.server";
import type { StaffSession } from "./sessions.server";

export const RESET_TTL_MS = 30 * 60 * 1000;
export const WELCOME_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// OWASP's argon2id setting: 19 MiB, 2 iterations, 1 lane (~16 ms here).
const ARGON = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
let dummyHash: Promise<string> | undefined;

/** Spends the time of a real check when there is no account, so the answer takes as long either way. */
export async function dummyVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomToken(16));
  await argon2.verify(await dummyHash, password).catch(() => false);
}

export function normaliseEmail(email: string): string {
  return cleanSingleLine(email).toLowerCase();
}

/** A message key when the password is not acceptable, or null. No composition rules; length and a breach list. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `error.passwordTooShort:${PASSWORD_MIN}`;
  if (password.length > PASSWORD_MAX) return `error.tooLong:${PASSWORD_MAX}`;
  const lower = password.toLowerCase();
  const keyboardRun = "01234567890123456789".includes(lower) || "98765432109876543210".includes(lower) || "qwertyuiopasdfghjklzxcvbnm".includes(lower);
  if (
    COMMON_PASSWORDS.has(lower) ||
    keyboardRun ||
    new Set(lower).size <= 2 ||
    (email && lower.includes(email.split("@")[0].toLowerCase()) && lower.length < 20)
  ) {
    return "error.passwordCommon";
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON);
}

export async function changePassword(session: StaffSession, current: string, next: string, ip: string, now = new Date()): Promise<string | null> {
  const user = (await read().select().from(users).where(eq(users.id, session.user.id)))[0];
  if (!(await argon2.verify(user.passwordHash, current).catch(() => false))) return "account.error.current";
  const problem = passwordProblem(next, user.email);
  if (problem) return problem;
  const hash = await hashPassword(next);
  await transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id));
    await tx
      .update(sessions)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), ne(sessions.id, session.sessionId)));
    await audit({ userId: user.id, action: "password.changed", ip }, now);
  });
  return null;
}

// ---------------------------------------------------------------- password reset

/** Always the same answer; a link is mailed only when the account exists and is active. */
export async function requestPasswordReset(emailInput: string, ip: string, now = new Date()): Promise<void> {
  const email = normaliseEmail(emailInput);
  const limited = await consume("passwordReset", ip);
  const user = limited.ok ? (await read().select().from(users).where(eq(users.email, email)))[0] : undefined;
  if (!user || user.disabledAt) {
    await audit({ userId: null, action: "password_reset.requested_unknown", ip, details: { email, throttled: !limited.ok } }, now);
    return;
  }
  await transaction(async (tx) => issuePasswordLink(tx, user, "reset", ip, now));
  nudgeMailWorker();
}

/** A one-time link to choose a password, mailed in the caller's transaction: after a reset request (30 minutes)
 * or to a newly invited account (7 days). */
export async function issuePasswordLink(
  tx: Tx,
  user: { id: number; email: string },
  purpose: "reset" | "welcome",
  ip: string,
  now = new Date(),
): Promise<void> {
  const token = randomToken(32);
  const ttl = purpose === "reset" ? RESET_TTL_MS : WELCOME_TTL_MS;
  const tr = translator("vi");
  const link = `${publicUrl()}/can-bo/dat-lai-mat-khau/${token}`;
  await tx.insert(passwordResets).values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(now.getTime() + ttl).toISOString() });
  await enqueueMail(
    tx,
    purpose === "reset"
      ? { to: user.email, subject: tr("mail.reset.subject"), text: tr("mail.reset.body", link, 30) }
      : { to: user.email, subject: tr("mail.welcome.subject"), text: tr("mail.welcome.body", link, 7) },
    now,
  );
  await audit({ userId: user.id, action: `password_link.${purpose}`, ip }, now);
}

export async function resetTokenValid(token: string, now = new Date()): Promise<boolean> {
  const row = (
    await read()
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, sha256(token)))
  )[0];
  return !!row && !row.usedAt && row.expiresAt > now.toISOString();
}

/** Sets the new password if the link is unused and fresh; ends every session of the account. */
export async function resetPassword(token: string, password: string, ip: string, now = new Date()): Promise<"ok" | "invalid-link" | string> {
  const row = (
    await read()
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, sha256(token)))
  )[0];
  if (!row || row.usedAt || row.expiresAt <= now.toISOString()) return "invalid-link";
  const user = (await read().select().from(users).where(eq(users.id, row.userId)))[0];
  const problem = passwordProblem(password, user.email);
  if (problem) return problem;
  const hash = await hashPassword(password);
  await transaction(async (tx) => {
    const claimed = await tx
      .update(passwordResets)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(passwordResets.tokenHash, row.tokenHash), isNull(passwordResets.usedAt)));
    if (claimed.changes !== 1) throw new Error("reset link used twice");
    await tx.update(users).set({ passwordHash: hash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx
      .update(sessions)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    await audit({ userId: user.id, action: "password_reset.completed", ip }, now);
  });
  return "ok";
}
