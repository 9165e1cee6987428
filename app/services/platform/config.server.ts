// Configuration from the environment (README: "Configuration"): one zod schema, parsed once at start-up by
// server.mjs (through the build's `loadConfig`) and by the app; a bad value stops the start with one clear line.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const blankIsUnset = (v: unknown) => (v === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());
// `prefault`, not `default`: zod 4 returns a default as it is, without the schema's transforms ("5/600" would stay a
// string), while a prefault is parsed like a value from the environment.
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) => z.preprocess(blankIsUnset, schema.prefault(fallback as never));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** "count/seconds", e.g. "5/600". */
const rateLimit = z
  .string()
  .regex(/^\d{1,6}\/\d{1,7}$/, 'must be "count/seconds", e.g. 5/600')
  .transform((v) => {
    const [count, seconds] = v.split("/").map(Number);
    return { limit: count, windowMs: seconds * 1000 };
  })
  .refine((v) => v.limit > 0 && v.windowMs > 0, "count and seconds must be above 0");

const httpUrl = z
  .string()
  .url()
  .refine((v) => /^https?:\/\//.test(v), "must start with http:// or https://")
  .transform((v) => v.replace(/\/$/, ""));

export const configSchema = z.object({
  NODE_ENV: withDefault(z.enum(["production", "development", "test"]), "production"),
  PORT: withDefault(int(0, 65_535), 3000),
  HOST: withDefault(z.string(), "0.0.0.0"),
  /** A SQLite file (optionally `file:`-prefixed). */
  DATABASE_URL: withDefault(z.string(), "./data/dan-biet.db"),
  MIGRATIONS_DIR: optional(z.string()),
  DB_BUSY_TIMEOUT_MS: withDefault(int(0, 120_000), 5000),
  UPLOAD_DIR: withDefault(z.string(), "./data/uploads"),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/\S+$/, "must be smtp://user:pass@host:port or smtps://…")),
  MAIL_DIR: withDefault(z.string(), "./data/mail"),
  /** SMTP connect and greeting timeout; a silent socket is given three times this. */
  SMTP_TIMEOUT_MS: withDefault(int(100, 300_000), 10_000),
  MAIL_POLL_MS: withDefault(int(50, 3_600_000), 5000),
  SESSION_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  PUBLIC_URL: optional(httpUrl),
  RATE_LIMIT_FILING: withDefault(rateLimit, "5/600"),
  RATE_LIMIT_LOOKUP: withDefault(rateLimit, "20/600"),
  RATE_LIMIT_SIGNIN: withDefault(rateLimit, "30/900"),
  TRUST_PROXY: withDefault(z.enum(["0", "1"]), "0").transform((v) => v === "1"),
  /** The cache of rendered public pages (docs/decisions/015): its size cap in MB (0 turns it off) and entry lifetime. */
  PUBLIC_CACHE_MB: withDefault(int(0, 4096), 64),
  PUBLIC_CACHE_TTL_S: withDefault(int(1, 86_400), 60),
  LOG_LEVEL: withDefault(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]), "info"),
});

export type Config = z.output<typeof configSchema>;

/** One line per bad variable, e.g. `RATE_LIMIT_FILING: must be "count/seconds", e.g. 5/600 (got "lots")`. */
export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const got = env[name];
    return `${name}: ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got.length > 60 ? `${got.slice(0, 60)}…` : got)})`}`;
  });
  throw new ConfigError(`Configuration error — ${lines.join("; ")}`);
}

let cached: Config | undefined;

/** The configuration of this process; parsed on first use (tests set the environment before importing). */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Parses the environment again (a test that changes a variable mid-run). */
export function reloadConfig(): Config {
  cached = undefined;
  return config();
}

export function port(): number {
  return config().PORT;
}

export function databaseFile(): string {
  return config().DATABASE_URL.replace(/^file:/, "");
}

export function databaseBusyTimeoutMs(): number {
  return config().DB_BUSY_TIMEOUT_MS;
}

export function migrationsDir(): string | undefined {
  return config().MIGRATIONS_DIR;
}

export function uploadDir(): string {
  return config().UPLOAD_DIR;
}

export function smtpTimeoutMs(): number {
  return config().SMTP_TIMEOUT_MS;
}

export function mailDir(): string {
  return config().MAIL_DIR;
}

export function smtpUrl(): string | undefined {
  return config().SMTP_URL;
}

export function publicUrl(): string {
  return config().PUBLIC_URL ?? `http://localhost:${port()}`;
}

export function isSecureOrigin(): boolean {
  return publicUrl().startsWith("https://");
}

/** Filings allowed per client per window. */
export function filingRateLimit() {
  return config().RATE_LIMIT_FILING;
}

export function lookupRateLimit() {
  return config().RATE_LIMIT_LOOKUP;
}

/** Sign-in attempts per client address (before any password is hashed). */
export function signInRateLimit() {
  return config().RATE_LIMIT_SIGNIN;
}

let cachedSecret: string | undefined;

/** The stored secret, or undefined when there is none (or only what an older version left half-written). */
function readSecretFile(file: string): string | undefined {
  try {
    const value = fs.readFileSync(file, "utf8").trim();
    if (value.length >= 16) return value;
    // An empty file from before writes were atomic: replaced, since no session can have been signed with it safely.
    fs.rmSync(file, { force: true });
    return undefined;
  } catch {
    return undefined;
  }
}

/** SESSION_SECRET, or one generated on first start and kept beside the database so restarts keep sessions. */
export function sessionSecret(): string {
  if (cachedSecret) return cachedSecret;
  const fromEnv = config().SESSION_SECRET;
  if (fromEnv) return (cachedSecret = fromEnv);
  const file = path.join(path.dirname(path.resolve(databaseFile())), "session-secret");
  const stored = readSecretFile(file);
  if (stored) return (cachedSecret = stored);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole under a temporary name, then linked into place: a full disk or a crash never leaves an empty
  // secret (which would sign sessions with nothing), and of two processes starting at once the first link wins.
  const generated = crypto.randomBytes(32).toString("base64url");
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, generated, { mode: 0o600 });
    try {
      fs.linkSync(temp, file);
      cachedSecret = generated;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      cachedSecret = readSecretFile(file); // another process wrote it first
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
  if (!cachedSecret) throw new Error(`The session secret in ${file} is unreadable or too short: remove the file, or set SESSION_SECRET.`);
  return cachedSecret!;
}
