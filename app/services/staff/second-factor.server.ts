// The TOTP second factor: required for administrators, chosen by others; each code is accepted once.
import { eq } from "drizzle-orm";
import { sessions, users } from "../../../db/schema";
import { audit } from "~/services/platform/audit.server";
import { read, transaction } from "~/services/platform/database.server";
import { consume } from "~/services/platform/rate-limit.server";
import { decrypt, encrypt } from "~/services/platform/secrets.server";
import { verifyTotp } from "./totp.server";
import { createSession, type StaffSession } from "./sessions.server";

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
      .where(eq(users.id, session.user.id)),
  );
  await transaction((tx) => tx.update(sessions).set({ revokedAt: now.toISOString() }).where(eq(sessions.id, session.sessionId)));
  await audit({ userId: session.user.id, action: "totp.enabled", ip }, now);
  return createSession(session.user.id, false, now);
}
