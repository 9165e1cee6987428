// Limits on public posts and sign-in, per client (address, e-mail, account or API key), with rate-limiter-flexible.
// Each limit allows `points` attempts per window of `durationSeconds` (a fixed window starting at a key's first
// attempt; refused attempts count too). In memory: one server process serves the district today
// (docs/decisions/003-rate-limits-in-memory.md); the store is chosen in limiterStore() only.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import net from "node:net";
import { filingRateLimit, lookupRateLimit, signInRateLimit } from "./config.server";

/**
 * The key a client address is counted under. An IPv6 client usually holds a whole /64 and could count each of its
 * addresses apart — and grow the counters' memory without bound — so IPv6 addresses count by their /64. Other keys
 * (IPv4, IPv4-mapped IPv6, e-mails, ids) are kept as they are.
 */
export function limitKey(key: string): string {
  if (!net.isIPv6(key) || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(key)) return key;
  const [head, tail = ""] = key.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = key.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

export interface LimitResult {
  ok: boolean;
  /** Seconds until the window of a refused key ends (at least 1); 0 when allowed. */
  retryAfterSeconds: number;
  /** Attempts left in the window after this one (0 when this one used the last). */
  remaining?: number;
}

export interface LimitSpec {
  points: number;
  durationSeconds: number;
  /** Keeps the keys of different limits apart in a shared store. */
  keyPrefix: string;
}

const perWindow = (keyPrefix: string, { limit, windowMs }: { limit: number; windowMs: number }): LimitSpec => ({
  keyPrefix,
  points: limit,
  durationSeconds: Math.max(1, Math.ceil(windowMs / 1000)),
});

/** Every limit of the portal. Read when used, so the environment (RATE_LIMIT_*) is read after start-up checks. */
const LIMITS = {
  /** A resident filing a case, per client (RATE_LIMIT_FILING). */
  filing: () => perWindow("file", filingRateLimit()),
  /** A resident answering an information request, per client. */
  infoResponse: () => ({ keyPrefix: "info", points: 20, durationSeconds: 600 }),
  /** Every look-up attempt, valid or not, per client address (RATE_LIMIT_LOOKUP). */
  lookup: () => perWindow("lookup", lookupRateLimit()),
  /**
   * Wrong phone numbers tried on one case's code, from any address: a phone number has few bits and codes are
   * sequential, so the per-address limit alone lets many addresses walk them. The access key is not limited this way.
   */
  lookupPhonePerCase: () => ({ keyPrefix: "lookup-phone", points: 5, durationSeconds: 3600 }),
  /** A household looking up its row of a plan table, per client address (RATE_LIMIT_LOOKUP). */
  household: () => perWindow("household", lookupRateLimit()),
  /** Comments on a disclosure, per client address. */
  comment: () => ({ keyPrefix: "comment", points: 10, durationSeconds: 600 }),
  /** Subscriptions to new disclosures, per client address. */
  subscribe: () => ({ keyPrefix: "subscribe", points: 5, durationSeconds: 600 }),
  /** Sign-in attempts per client address, before any password is hashed (RATE_LIMIT_SIGNIN). */
  signInAddress: () => perWindow("signin-ip", signInRateLimit()),
  /** Sign-in attempts per e-mail address. */
  signInEmail: () => ({ keyPrefix: "signin-email", points: 10, durationSeconds: 15 * 60 }),
  /** Second-factor codes per account. */
  totp: () => ({ keyPrefix: "totp", points: 10, durationSeconds: 15 * 60 }),
  /** Password-reset requests per client address. */
  passwordReset: () => ({ keyPrefix: "reset", points: 5, durationSeconds: 15 * 60 }),
  /** Open311 requests per API key. */
  open311: () => ({ keyPrefix: "open311", points: 120, durationSeconds: 60 }),
} satisfies Record<string, () => LimitSpec>;

export type LimitName = keyof typeof LIMITS;

/**
 * Where the counters live. In this process's memory today: limits reset on restart and each process counts alone.
 * Several servers behind one address need one shared store, and this is the one place to change: rate-limiter-flexible
 * has RateLimiterPostgres, RateLimiterSQLite and RateLimiterDrizzle (a table beside ours, written through the same
 * database), each taking the same options plus a store client; pass an `insuranceLimiter: new RateLimiterMemory(…)`
 * so a database hiccup does not refuse every resident.
 */
function limiterStore(spec: LimitSpec): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSeconds, execEvenly: false });
}

/** One limiter per (prefix, points, duration), created when first used. */
const limiters = new Map<string, RateLimiterAbstract>();

function limiterFor(spec: LimitSpec): RateLimiterAbstract {
  const id = `${spec.keyPrefix}\u0000${spec.points}\u0000${spec.durationSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = limiterStore(spec);
    limiters.set(id, limiter);
  }
  return limiter;
}

/** Counts one attempt for `key` (client address, e-mail, account id…) against a limit; refused once it is used up. */
export async function consume(limit: LimitName | LimitSpec, key: string): Promise<LimitResult> {
  const spec = typeof limit === "string" ? LIMITS[limit]() : limit;
  try {
    const res = await limiterFor(spec).consume(limitKey(key));
    return { ok: true, retryAfterSeconds: 0, remaining: res.remainingPoints };
  } catch (refused) {
    // A refusal is a RateLimiterRes; anything else is the store failing, and is not hidden.
    if (!(refused instanceof RateLimiterRes)) throw refused;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) };
  }
}

/** Whether `key` has used up a limit, without counting an attempt. */
export async function isExhausted(limit: LimitName, key: string): Promise<LimitResult> {
  const res = await limiterFor(LIMITS[limit]()).get(limitKey(key));
  if (!res || res.remainingPoints > 0) return { ok: true, retryAfterSeconds: 0 };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}
