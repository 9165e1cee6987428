// Staff accounts: argon2id passwords, server-side sessions in a signed httpOnly cookie (revocable), lock-out after
// repeated failures, password reset by a one-time emailed link, and a TOTP second factor (required for admins).
import argon2 from "argon2";
import { and,eq,gt,isNull,ne } from "drizzle-orm";
import { redirect } from "@remix-run/node";
import crypto from "node:crypto";
import { passwordResets,sessions,users } from "../../../db/schema";
import { COMMON_PASSWORDS } from "../../../db/data/common-passwords";
import { requiresSecondFactor,type Role,type StaffUser } from "~/domain/permissions";
import { cleanSingleLine } from "~/domain/text";
import { translator } from "~/i18n";
import { isSecureOrigin,publicUrl } from "~/services/platform/config.server";
import { audit } from "~/services/platform/audit.server";
import { read,transaction,type Tx } from "~/services/platform/database.server";
import { enqueueMail,nudgeMailWorker } from "~/services/platform/mail.server";
import { consume } from "~/services/platform/rate-limit.server";
import { cookieValue } from "~/services/platform/request.server";
import { decrypt,encrypt,hmac,randomToken,safeEqual,sha256 } from "~/services/platform/secrets.server";
import { verifyTotp } from "./totp.server";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILURES_BEFORE_LOCK = 5;
export const RESET_TTL_MS = 30 * 60 * 1000;
export const WELCOME_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// OWASP's argon2id setting: 19 MiB, 2 iterations, 1 lane (~16 ms here).
const ARGON = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
let dummyHash: Promise<string> | undefined;

export function normaliseEmail(email: string): string {
  return cleanSingleLine(email).toLowerCase();
}

/** A message key when the password is not acceptable, or null. No composition rules; length and a breach list. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `error.passwordTooShort:${PASSWORD_MIN}`;
  if (password.length > PASSWORD_MAX) return `error.tooLong:${PASSWORD_MAX}`;
  const lower = password.toLowerCase();
  const keyboardRun = "01234567890123456789".includes(lower) || "98765432109876543210".includes(lower) || "qwertyuiopasdfghjklzxcvbnm".includes(lower);
  if (COMMON_PASSWORDS.has(lower) || keyboardRun || new Set(lower).size <= 2 || (email && lower.includes(email.split("@")[0].toLowerCase()) && lower.length < 20)) {
    return "error.passwordCommon";
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON);
}

// ---------------------------------------------------------------- cookie

const COOKIE = () => (isSecureOrigin() ? "__Host-staff" : "staff");

function sessionCookie(value: string, maxAgeSeconds: number): string {
  const secure = isSecureOrigin() ? "; Secure" : "";
  return `${COOKIE()}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/** The cookie holds a random value and its signature; the table holds only the value's hash. */
function signedValue(raw: string): string {
  return `${raw}.${hmac("staff-session", raw)}`;
}

function readSessionId(request: Request): string | null {
  const value = cookieValue(request, COOKIE());
  if (!value) return null;
  const [raw, signature] = value.split(".");
  if (!raw || !signature || !safeEqual(hmac("staff-session", raw), signature)) return null;
  return sha256(raw);
}

export function clearSessionCookie(): string {
  return sessionCookie("", 0);
}

// ---------------------------------------------------------------- sign-in

export type SignInResult =
  | { outcome: "signedIn"; setCookie: string; next: "home" | "second-factor" | "setup-second-factor" }
  | { outcome: "refused"; reason: "credentials" | "locked" | "throttled"; retryAfterSeconds?: number };

async function createSession(userId: number, pendingSecondFactor: boolean, now: Date): Promise<string> {
  const raw = randomToken(32);
  await transaction((tx) =>
    tx
    .insert(sessions)
    .values({
      id: sha256(raw),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
      pendingSecondFactor,
    })
    );
  return sessionCookie(signedValue(raw), ABSOLUTE_TIMEOUT_MS / 1000);
}

/**
 * Same answer and similar time for an unknown email and a wrong password. Throttled per client before hashing
 * (argon2 is deliberately slow); an account locks for a growing time after repeated failures.
 */
export async function signIn(emailInput: string, password: string, ip: string, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const perIp = await consume("signInAddress", ip);
  const perEmail = await consume("signInEmail", email);
  if (!perIp.ok || !perEmail.ok) {
    await audit({ userId: null, action: "signin.throttled", ip, details: { email } }, now);
    return { outcome: "refused", reason: "throttled", retryAfterSeconds: Math.max(perIp.retryAfterSeconds, perEmail.retryAfterSeconds) };
  }
  const user = (await read().select().from(users).where(eq(users.email, email)))[0];
  if (!user || user.disabledAt) {
    dummyHash ??= hashPassword(randomToken(16));
    await argon2.verify(await dummyHash, password).catch(() => false);
    await audit({ userId: null, action: "signin.failed", ip, details: { email } }, now);
    return { outcome: "refused", reason: "credentials" };
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    await audit({ userId: user.id, action: "signin.locked", ip }, now);
    const retry = Math.ceil((new Date(user.lockedUntil).getTime() - now.getTime()) / 1000);
    return { outcome: "refused", reason: "locked", retryAfterSeconds: retry };
  }
  const ok = await argon2.verify(user.passwordHash, password).catch(() => false);
  if (!ok) {
    const failures = user.failedSignIns + 1;
    // 5 failures: 1 minute, then doubling up to an hour.
    const lockMs = failures >= MAX_FAILURES_BEFORE_LOCK ? Math.min(60_000 * 2 ** (failures - MAX_FAILURES_BEFORE_LOCK), 3_600_000) : 0;
    await transaction((tx) =>
      tx
      .update(users)
      .set({ failedSignIns: failures, lockedUntil: lockMs ? new Date(now.getTime() + lockMs).toISOString() : user.lockedUntil })
      .where(eq(users.id, user.id))
      );
    await audit({ userId: user.id, action: "signin.failed", ip, details: { failures } }, now);
    return { outcome: "refused", reason: "credentials" };
  }
  await transaction((tx) => tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id)));
  const needsSecond = requiresSecondFactor(user.role) || user.totpEnabledAt !== null;
  const setCookie = await createSession(user.id, needsSecond, now);
  await audit({ userId: user.id, action: needsSecond ? "signin.password_ok" : "signin.ok", ip }, now);
  return {
    outcome: "signedIn",
    setCookie,
    next: !needsSecond ? "home" : user.totpEnabledAt ? "second-factor" : "setup-second-factor",
  };
}

// ---------------------------------------------------------------- sessions

export interface StaffSession {
  sessionId: string;
  user: StaffUser & { email: string; fullName: string; totpEnabled: boolean };
  pendingSecondFactor: boolean;
}

/** The live session of this request, or null (expired, idle too long, revoked, or account disabled). */
export async function currentSession(request: Request, now = new Date()): Promise<StaffSession | null> {
  const id = readSessionId(request);
  if (!id) return null;
  const row = (await read()
    .select({
      session: sessions,
      user: { id: users.id, role: users.role, communeId: users.communeId, email: users.email, fullName: users.fullName, totpEnabledAt: users.totpEnabledAt, disabledAt: users.disabledAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toISOString())))
    )[0];
  if (!row || row.user.disabledAt) return null;
  if (now.getTime() - new Date(row.session.lastSeenAt).getTime() > IDLE_TIMEOUT_MS) return null;
  // Touch at most once a minute: a write per request would cost an fsync each.
  if (now.getTime() - new Date(row.session.lastSeenAt).getTime() > 60_000) {
    await transaction((tx) => tx.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id)));
  }
  const { totpEnabledAt, disabledAt: _d, ...user } = row.user;
  return { sessionId: id, user: { ...user, role: user.role as Role, totpEnabled: totpEnabledAt !== null }, pendingSecondFactor: row.session.pendingSecondFactor };
}

/** Every staff loader and action starts here: a full session (second factor done), or the sign-in page. */
export async function requireStaff(request: Request): Promise<StaffSession> {
  const session = await currentSession(request);
  if (!session || session.pendingSecondFactor) {
    const url = new URL(request.url);
    throw redirect(`/can-bo/dang-nhap?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return session;
}

/** A session that has passed the password but still owes the second factor. */
export async function requirePendingSession(request: Request): Promise<StaffSession> {
  const session = await currentSession(request);
  if (!session) throw redirect("/can-bo/dang-nhap");
  if (!session.pendingSecondFactor) throw redirect("/can-bo");
  return session;
}

/** Setting up the second factor: an administrator owing it at sign-in, or anyone signed in who opts in. */
export async function requireSecondFactorSetup(request: Request): Promise<StaffSession> {
  const session = await currentSession(request);
  if (!session) throw redirect("/can-bo/dang-nhap");
  if (session.user.totpEnabled) throw redirect(session.pendingSecondFactor ? "/can-bo/xac-thuc" : "/can-bo/tai-khoan");
  return session;
}

/** Changing one's own password needs the current one; other sessions end, this one continues. */
export async function changePassword(session: StaffSession, current: string, next: string, ip: string, now = new Date()): Promise<string | null> {
  const user = (await read().select().from(users).where(eq(users.id, session.user.id)))[0];
  if (!(await argon2.verify(user.passwordHash, current).catch(() => false))) return "account.error.current";
  const problem = passwordProblem(next, user.email);
  if (problem) return problem;
  const hash = await hashPassword(next);
  await transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id));
    await tx.update(sessions).set({ revokedAt: now.toISOString() }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), ne(sessions.id, session.sessionId)));
    await audit({ userId: user.id, action: "password.changed", ip }, now);
  });
  return null;
}

export async function signOut(session: StaffSession, everywhere: boolean, ip: string, now = new Date()): Promise<void> {
  const revoked = { revokedAt: now.toISOString() };
  if (everywhere) await transaction((tx) => tx.update(sessions).set(revoked).where(and(eq(sessions.userId, session.user.id), isNull(sessions.revokedAt))));
  else await transaction((tx) => tx.update(sessions).set(revoked).where(eq(sessions.id, session.sessionId)));
  await audit({ userId: session.user.id, action: everywhere ? "signout.everywhere" : "signout", ip }, now);
}

/** Ends every session of an account (disabled by an administrator, password changed). */
export async function revokeAllSessions(userId: number, now = new Date()): Promise<void> {
  await transaction((tx) => tx.update(sessions).set({ revokedAt: now.toISOString() }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))));
}

// ---------------------------------------------------------------- second factor

/** Checks a TOTP code for a pending session; a code is accepted once only. Returns a fresh session cookie. */
export async function completeSecondFactor(session: StaffSession, code: string, ip: string, now = new Date()): Promise<string | null> {
  const user = (await read().select().from(users).where(eq(users.id, session.user.id)))[0];
  const secret = user?.totpSecret ? decrypt("totp", user.totpSecret) : null;
  const limited = await consume("totp", String(session.user.id));
  const step = secret && limited.ok ? await verifyTotp(secret, code, now.getTime()) : null;
  if (step === null || (user.lastTotpStep !== null && step <= user.lastTotpStep)) {
    await audit({ userId: session.user.id, action: "signin.second_factor_failed", ip }, now);
    return null;
  }
  await transaction((tx) => tx.update(users).set({ lastTotpStep: step }).where(eq(users.id, user.id)));
  // A new session id once fully signed await in (no fixation of the half-authenticated one).
  await transaction((tx) => tx.update(sessions).set({ revokedAt: now.toISOString() }).where(eq(sessions.id, session.sessionId)));
  await audit({ userId: session.user.id, action: "signin.ok", ip, details: { secondFactor: true } }, now);
  return createSession(user.id, false, now);
}

/** Stores a new TOTP secret once the user proves their authenticator shows the right code. */
export async function enableSecondFactor(session: StaffSession, secret: string, code: string, ip: string, now = new Date()): Promise<string | null> {
  const step = await verifyTotp(secret, code, now.getTime());
  if (step === null) return null;
  await transaction((tx) =>
    tx
    .update(users)
    .set({ totpSecret: encrypt("totp", secret), totpEnabledAt: now.toISOString(), lastTotpStep: step })
    .where(eq(users.id, session.user.id))
    );
  await transaction((tx) => tx.update(sessions).set({ revokedAt: now.toISOString() }).where(eq(sessions.id, session.sessionId)));
  await audit({ userId: session.user.id, action: "totp.enabled", ip }, now);
  return createSession(session.user.id, false, now);
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
export async function issuePasswordLink(tx: Tx, user: { id: number; email: string }, purpose: "reset" | "welcome", ip: string, now = new Date()): Promise<void> {
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
  const row = (await read().select().from(passwordResets).where(eq(passwordResets.tokenHash, sha256(token))))[0];
  return !!row && !row.usedAt && row.expiresAt > now.toISOString();
}

/** Sets the new password if the link is unused and fresh; ends every session of the account. */
export async function resetPassword(token: string, password: string, ip: string, now = new Date()): Promise<"ok" | "invalid-link" | string> {
  const row = (await read().select().from(passwordResets).where(eq(passwordResets.tokenHash, sha256(token))))[0];
  if (!row || row.usedAt || row.expiresAt <= now.toISOString()) return "invalid-link";
  const user = (await read().select().from(users).where(eq(users.id, row.userId)))[0];
  const problem = passwordProblem(password, user.email);
  if (problem) return problem;
  const hash = await hashPassword(password);
  await transaction(async (tx) => {
    const claimed = await tx
      .update(passwordResets)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(passwordResets.tokenHash, row.tokenHash), isNull(passwordResets.usedAt)))
      ;
    if (claimed.changes !== 1) throw new Error("reset link used twice");
    await tx.update(users).set({ passwordHash: hash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.update(sessions).set({ revokedAt: now.toISOString() }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    await audit({ userId: user.id, action: "password_reset.completed", ip }, now);
  });
  return "ok";
}

// ---------------------------------------------------------------- accounts

export interface NewAccount {
  email: string;
  fullName: string;
  role: Role;
  communeId: string;
  password: string;
}

export async function createAccount(account: NewAccount, actorUserId: number | null, ip = "cli"): Promise<number> {
  const email = normaliseEmail(account.email);
  const problem = passwordProblem(account.password, email);
  if (problem) throw new Error(problem);
  const hash = await hashPassword(account.password);
  return transaction(async (tx) => {
    const id = (await tx
      .insert(users)
      .values({ email, fullName: cleanSingleLine(account.fullName), role: account.role, communeId: account.communeId, passwordHash: hash })
      .returning({ id: users.id })
      )[0].id;
    await audit({ userId: actorUserId, action: "account.created", targetType: "user", targetId: id, ip, details: { role: account.role, communeId: account.communeId } });
    return id;
  });
}

export function generatePassword(): string {
  // 4 groups of 5 from an unambiguous alphabet: ~100 bits, easy to type once.
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  return Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => alphabet[crypto.randomInt(alphabet.length)]).join("")).join("-");
}
