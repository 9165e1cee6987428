// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits) for the staff second factor, with
// otplib (its default plugins: @noble/hashes for the HMAC, @scure/base for base32).
import { generate, generateSecret, generateURI, verify } from "otplib";

const PERIOD_SECONDS = 30;
const ISSUER = "Dân Biết";

/** A new secret: 20 random bytes, base32 (what authenticator apps take). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The RFC 6238 time step of a moment (ms since the epoch): the counter the code of that moment is made from. */
export function totpStep(now: number): number {
  return Math.floor(now / 1000 / PERIOD_SECONDS);
}

/** The code of a time step (tests, and anyone checking an authenticator against the server). */
export async function totpCode(secret: string, step: number): Promise<string> {
  return generate({ secret, epoch: step * PERIOD_SECONDS, period: PERIOD_SECONDS, algorithm: "sha1", digits: 6 });
}

/**
 * The time step the code matched, within one step either side of now (clock drift), or null. Callers refuse a step
 * already used (replay), comparing it with the last step they accepted.
 */
export async function verifyTotp(secret: string, code: string, now = Date.now()): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  // otplib throws on a token that is not six digits: that is a wrong code here, not an error.
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: now / 1000,
    period: PERIOD_SECONDS,
    algorithm: "sha1",
    digits: 6,
    // One period either side: the previous, current and next steps, as authenticator clocks drift.
    epochTolerance: PERIOD_SECONDS,
  });
  // The functional verify() types its result for TOTP or HOTP; a TOTP match carries the absolute RFC 6238 step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** The otpauth:// address an authenticator app reads (as a QR code or typed in). */
export function otpauthUri(secret: string, account: string): string {
  return generateURI({ issuer: ISSUER, label: account, secret, algorithm: "sha1", digits: 6, period: PERIOD_SECONDS });
}
