// Signing in: throttled per client and per address before any password is hashed, the same answer for an
// unknown address and a wrong password, an account locked for a growing time after repeated failures.
import argon2 from "argon2";
import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { requiresSecondFactor } from "~/domain/permissions";
import { audit } from "~/services/platform/audit.server";
import { read, transaction } from "~/services/platform/database.server";
import { consume } from "~/services/platform/rate-limit.server";
import { createSession } from "./sessions.server";
import { dummyVerify, normaliseEmail } from "./passwords.server";

export const MAX_FAILURES_BEFORE_LOCK = 5;

// ---------------------------------------------------------------- sign-in

export type SignInResult =
  | { outcome: "signedIn"; setCookie: string; next: "home" | "second-factor" | "setup-second-factor" }
  | { outcome: "refused"; reason: "credentials" | "throttled"; retryAfterSeconds?: number };

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
    await dummyVerify(password);
    await audit({ userId: null, action: "signin.failed", ip, details: { email } }, now);
    return { outcome: "refused", reason: "credentials" };
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    // Answered as a wrong password (and after as long a wait): a different answer would tell which addresses have an
    // account. The message says a lock is possible; the audit log says it happened.
    await dummyVerify(password);
    await audit({ userId: user.id, action: "signin.locked", ip }, now);
    return { outcome: "refused", reason: "credentials" };
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
        .where(eq(users.id, user.id)),
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
