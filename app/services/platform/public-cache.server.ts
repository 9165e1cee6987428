// The cache of rendered public pages (docs/decisions/015): one rendering serves every visitor of a language, is kept
// only while the public data version it was rendered at is current (a row bumped by triggers in the same transaction
// as any change a public page shows), and never outlives the Vietnamese day it was rendered on (due dates, "overdue")
// or its time to live (consultation periods that close at a given minute). server.mjs asks it first, before Express.
import { LRUCache } from "lru-cache";
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { isPublicPath } from "~/domain/urls";
import { sqliteClient } from "./database.server";
import { LANGUAGE_COOKIE } from "./request.server";

/** What a browser and a CDN may do with a public page: keep it briefly, revalidate it with the ETag. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=5, stale-while-revalidate=30";
/** The language is a cookie, so a shared cache must key on it; the body differs by encoding. */
const VARY = "Accept-Encoding, Cookie";
/** Cookies that may come with a request served from the cache: neither changes what a public page shows but its language. */
const SHAREABLE_COOKIES = new Set([LANGUAGE_COOKIE, "csrf"]);
/** A rendering bigger than this is sent but not kept (one page must not push out hundreds). */
const MAX_ENTRY_BYTES = 2_000_000;
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

interface Stored {
  status: number;
  headers: [string, string][];
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  version: number;
  day: number;
  expires: number;
}

/** A rendering not to keep (not 200, Set-Cookie, private): sent as it is to the one request and its waiters. */
interface Passing {
  status: number;
  headers: [string, string][];
  identity: Buffer;
}

export interface PublicCacheOptions {
  maxBytes: number;
  ttlMs: number;
  /** Renders a path (with query) in a language through Remix, with no cookie but the language. */
  render: (url: string, language: string, req: IncomingMessage) => Promise<Response>;
  /** The headers every answer carries (security headers); called on hits as on misses. */
  commonHeaders: (req: IncomingMessage, res: ServerResponse) => void;
  /** Called when a miss fails before anything was sent (Express's error page takes over). */
  onError: (error: unknown, req: IncomingMessage, res: ServerResponse) => void;
}

let versionStatement: { get(): unknown } | undefined;
let versionThisTurn: number | undefined;

/**
 * The public data version, read from the database (committed writes only: the reader connection), once per turn of
 * the event loop: a read costs a WAL read transaction (microseconds, but per hit), and every request answered in
 * this turn was received before the read, so none of them can have been sent after a commit the read misses.
 */
export function publicDataVersion(): number {
  if (versionThisTurn === undefined) {
    versionStatement ??= sqliteClient("reader").prepare("SELECT version FROM public_version WHERE id = 1").pluck();
    versionThisTurn = Number(versionStatement.get() ?? 0);
    setImmediate(() => (versionThisTurn = undefined));
  }
  return versionThisTurn;
}

const vietnamDay = (now: number) => Math.floor((now + VIETNAM_OFFSET_MS) / DAY_MS);

/** The cache key of a request, or null when it must go to the application (method, path, cookies). */
export function publicCacheKey(method: string | undefined, url: string | undefined, cookieHeader: string | undefined): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url) return null;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  if (!isPublicPath(pathname)) return null;
  try {
    decodeURIComponent(pathname);
  } catch {
    return null; // an address that cannot be decoded gets the application's 400 page
  }
  let language = "vi";
  if (cookieHeader) {
    for (const part of cookieHeader.split(";")) {
      const eq = part.indexOf("=");
      const name = (eq < 0 ? part : part.slice(0, eq)).trim();
      if (!name) continue;
      // A staff session, a resident's case grant or anything we do not know: the application answers.
      if (!SHAREABLE_COOKIES.has(name)) return null;
      if (name === LANGUAGE_COOKIE && part.slice(eq + 1).trim() === "en") language = "en";
    }
  }
  return `${language} ${url}`;
}

function acceptedEncoding(header: string | string[] | undefined): "br" | "gzip" | null {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  if (/\bbr\b(?!;q=0(?:[^.]|$))/.test(value)) return "br";
  if (/\bgzip\b(?!;q=0(?:[^.]|$))/.test(value)) return "gzip";
  return null;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t.replace(/^W\//, "") === etag.replace(/^W\//, "");
  });
}

export function createPublicCache(options: PublicCacheOptions) {
  const lru = new LRUCache<string, Stored>({
    maxSize: options.maxBytes,
    sizeCalculation: (e) => e.identity.length + e.gzip.length + e.br.length + 512,
  });
  const inFlight = new Map<string, Promise<Stored | Passing>>();
  const stats = { hits: 0, misses: 0, renders: 0 };

  function fresh(entry: Stored, version: number, now: number): boolean {
    return entry.version === version && entry.day === vietnamDay(now) && entry.expires > now;
  }

  async function renderAndStore(key: string, url: string, language: string, req: IncomingMessage): Promise<Stored | Passing> {
    const now = Date.now();
    // Read before rendering: a change committed while the page renders leaves the entry already out of date.
    const version = publicDataVersion();
    stats.renders++;
    const response = await options.render(url, language, req);
    const identity = Buffer.from(await response.arrayBuffer());
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "cache-control" && name !== "set-cookie" && name !== "vary") headers.push([name, value]);
    });
    const cacheControl = response.headers.get("cache-control") ?? "";
    const keep = response.status === 200 && !response.headers.has("set-cookie") && !/no-store|private/.test(cacheControl) && identity.length <= MAX_ENTRY_BYTES;
    if (!keep) {
      if (cacheControl) headers.push(["cache-control", cacheControl]);
      for (const cookie of response.headers.getSetCookie()) headers.push(["set-cookie", cookie]);
      return { status: response.status, headers, identity };
    }
    const entry: Stored = {
      status: 200,
      headers,
      identity,
      gzip: zlib.gzipSync(identity, { level: 6 }),
      br: zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
      etag: `W/"${crypto.createHash("sha1").update(identity).digest("base64url")}"`,
      version,
      day: vietnamDay(now),
      expires: now + options.ttlMs,
    };
    lru.set(key, entry);
    return entry;
  }

  /** `how`: HIT (kept), MISS (this request rendered it), SHARED (it waited for another request's rendering). */
  function send(req: IncomingMessage, res: ServerResponse, page: Stored | Passing, how: "HIT" | "MISS" | "SHARED") {
    options.commonHeaders(req, res);
    res.setHeader("X-Cache", how);
    for (const [name, value] of page.headers) {
      if (name === "set-cookie") res.appendHeader(name, value);
      else res.setHeader(name, value);
    }
    if (!("etag" in page)) {
      if (!res.hasHeader("cache-control")) res.setHeader("Cache-Control", "no-store");
      res.statusCode = page.status;
      res.setHeader("Content-Length", page.identity.length);
      res.end(req.method === "HEAD" ? undefined : page.identity);
      return;
    }
    res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
    res.setHeader("Vary", VARY);
    res.setHeader("ETag", page.etag);
    if (matchesEtag(req.headers["if-none-match"], page.etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const encoding = acceptedEncoding(req.headers["accept-encoding"]);
    const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity;
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.statusCode = 200;
    res.setHeader("Content-Length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /** Answers the request when it is a public page (from the cache, or rendered once for all who wait); false otherwise. */
  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const key = publicCacheKey(req.method, req.url, req.headers.cookie);
    if (key === null) return false;
    const now = Date.now();
    const entry = lru.get(key);
    if (entry && fresh(entry, publicDataVersion(), now)) {
      stats.hits++;
      send(req, res, entry, "HIT");
      return true;
    }
    stats.misses++;
    let pending = inFlight.get(key);
    const how = pending ? "SHARED" : "MISS";
    if (!pending) {
      const space = key.indexOf(" ");
      pending = renderAndStore(key, key.slice(space + 1), key.slice(0, space), req).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    pending.then(
      (page) => send(req, res, page, how),
      (error) => options.onError(error, req, res),
    );
    return true;
  }

  return {
    handle,
    stats: () => ({ ...stats, entries: lru.size, bytes: lru.calculatedSize }),
    clear: () => lru.clear(),
  };
}

export type PublicCache = ReturnType<typeof createPublicCache>;
