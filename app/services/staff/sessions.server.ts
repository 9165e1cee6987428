// Staff sessions: a random value in a signed httpOnly cookie, its hash in the `sessions` table, so that signing
// out everywhere and disabling an account end them at once; idle and absolute limits.
import { and, eq, gt, isNull } from "drizzle-orm";
import { redirect } from "@remix-run/node";
import { sessions, users } from "../../../db/schema";
import type { Role, StaffUser } from "~/domain/permissions";
import { isSecureOrigin } from "~/services/platform/config.server";
import { audit } from "~/services/platform/audit.server";
import { read, transaction } from "~/services/platform/database.server";
import { cookieValue } from "~/services/platform/request.server";
import { hmac, randomToken, safeEqual, sha256 } from "~/services/platform/secrets.server";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

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

/** A new session row and its cookie (after a password, or a completed second factor: a new id, no fixation). */
export async function createSession(userId: number, pendingSecondFactor: boolean, now: Date): Promise<string> {
  const raw = randomToken(32);
  await transaction((tx) =>
    tx.insert(sessions).values({
      id: sha256(raw),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
      pendingSecondFactor,
    }),
  );
  return sessionCookie(signedValue(raw), ABSOLUTE_TIMEOUT_MS / 1000);
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
  const row = (
    await read()
      .select({
        session: sessions,
        user: {
          id: users.id,
          role: users.role,
          communeId: users.communeId,
          email: users.email,
          fullName: users.fullName,
          totpEnabledAt: users.totpEnabledAt,
          disabledAt: users.disabledAt,
        },
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
  return {
    sessionId: id,
    user: { ...user, role: user.role as Role, totpEnabled: totpEnabledAt !== null },
    pendingSecondFactor: row.session.pendingSecondFactor,
  };
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

export async function signOut(session: StaffSession, everywhere: boolean, ip: string, now = new Date()): Promise<void> {
  const revoked = { revokedAt: now.toISOString() };
  if (everywhere)
    await transaction((tx) =>
      tx
        .update(sessions)
        .set(revoked)
        .where(and(eq(sessions.userId, session.user.id), isNull(sessions.revokedAt))),
    );
  else await transaction((tx) => tx.update(sessions).set(revoked).where(eq(sessions.id, session.sessionId)));
  await audit({ userId: session.user.id, action: everywhere ? "signout.everywhere" : "signout", ip }, now);
}

/** Ends every session of an account (disabled by an administrator, password changed). */
export async function revokeAllSessions(userId: number, now = new Date()): Promise<void> {
  await transaction((tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
  );
}
