// Configuration from the environment (README: "Configuration"); read lazily so tests can set it per run.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

function env(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v === "" ? undefined : v;
}

export function port(): number {
  return Number(env("PORT") ?? 3000);
}

export function databaseFile(): string {
  return env("DATABASE_URL")?.replace(/^file:/, "") ?? "./data/dan-biet.db";
}

export function uploadDir(): string {
  return env("UPLOAD_DIR") ?? "./data/uploads";
}

export function mailDir(): string {
  return env("MAIL_DIR") ?? "./data/mail";
}

export function smtpUrl(): string | undefined {
  return env("SMTP_URL");
}

export function publicUrl(): string {
  return (env("PUBLIC_URL") ?? `http://localhost:${port()}`).replace(/\/$/, "");
}

export function isSecureOrigin(): boolean {
  return publicUrl().startsWith("https://");
}

/** A limit per client per window, from "count/seconds" (e.g. "5/600"), or the default. */
function rateLimit(name: string, fallback: { count: number; seconds: number }): { limit: number; windowMs: number } {
  const [count, seconds] = (env(name) ?? "").split("/").map(Number);
  return { limit: count || fallback.count, windowMs: (seconds || fallback.seconds) * 1000 };
}

/** Filings allowed per client per window. */
export function filingRateLimit() {
  return rateLimit("RATE_LIMIT_FILING", { count: 5, seconds: 600 });
}

export function lookupRateLimit() {
  return rateLimit("RATE_LIMIT_LOOKUP", { count: 20, seconds: 600 });
}

/** Sign-in attempts per client address (before any password is hashed). */
export function signInRateLimit() {
  return rateLimit("RATE_LIMIT_SIGNIN", { count: 30, seconds: 900 });
}

let cachedSecret: string | undefined;

/** SESSION_SECRET, or one generated on first start and kept beside the database so restarts keep sessions. */
export function sessionSecret(): string {
  if (cachedSecret) return cachedSecret;
  const fromEnv = env("SESSION_SECRET");
  if (fromEnv) return (cachedSecret = fromEnv);
  const file = path.join(path.dirname(path.resolve(databaseFile())), "session-secret");
  try {
    cachedSecret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
      cachedSecret = generated;
    } catch {
      cachedSecret = fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
  return cachedSecret!;
}
