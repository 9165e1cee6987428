// Tokens, keys and signatures, all derived from SESSION_SECRET with a purpose label so no two uses share a key.
import crypto from "node:crypto";
import { sessionSecret } from "./config.server";

// Derived once per purpose and secret: hkdf on every request was a measurable share of a page's CPU time.
const derivedKeys = new Map<string, Buffer>();

function keyFor(purpose: string): Buffer {
  const secret = sessionSecret();
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync("sha256", secret, "dan-biet", purpose, 32));
    derivedKeys.set(cacheKey, key);
  }
  return key;
}

export function hmac(purpose: string, value: string): string {
  return crypto.createHmac("sha256", keyFor(purpose)).update(value).digest("base64url");
}

export function sha256(value: string | Buffer): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

export function encrypt(purpose: string, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** Null when the secret changed or the value was tampered with. */
export function decrypt(purpose: string, sealed: string): string | null {
  try {
    const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
    const decipher = crypto.createDecipheriv("aes-256-gcm", keyFor(purpose), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

// No 0/O, 1/I/L: read aloud and typed from paper without mistakes. 16 symbols of 31 ≈ 79 bits.
const KEY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newAccessKey(): string {
  const chars = Array.from({ length: 16 }, () => KEY_ALPHABET[crypto.randomInt(KEY_ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

export function normaliseAccessKey(input: string): string {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .replace(/O/g, "0");
  return [0, 4, 8, 12].map((i) => compact.slice(i, i + 4)).join("-");
}
