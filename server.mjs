// Production server: the cache of public pages first (docs/decisions/015), then Express + Remix's request handler,
// security headers (inline scripts allowed by hash), the CSRF cookie, compression, immutable caching of fingerprinted
// assets, and the background mail worker.
//   node server.mjs                 start (migrates the database first)
//   node server.mjs --demo          also load demo cases (npm run demo)
//   node server.mjs --migrate-only  migrate and exit (npm run db:migrate)
//   node server.mjs --seed-demo-only  migrate, load demo cases and exit (npm run db:seed)
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import crypto from "node:crypto";
import express from "express";
import http from "node:http";
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const build = await import(url.pathToFileURL(path.join(here, "build/index.js")).href);
const app = build.entry.module;
const args = new Set(process.argv.slice(2));
let config;
try {
  config = app.loadConfig(); // one zod schema for the environment: a bad value stops here with one clear line
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

if ((args.has("--demo") || args.has("--seed-demo-only")) && (config.PUBLIC_URL ?? "").startsWith("https://")) {
  // Demo accounts share a published password: never on a site people reach over https.
  console.error("Refusing --demo: PUBLIC_URL is https, so this looks like a real deployment. Start without --demo.");
  process.exit(1);
}
try {
  await app.startDatabase(); // opens, migrates and loads reference data before the first request
} catch (error) {
  // A disk too full to set the database up (a first start, a pending migration): one clear line, no stack trace.
  // With the data already in place a full disk does not stop the start: see docs/decisions/014.
  if (!/^(SQLITE_FULL|SQLITE_IOERR|SQLITE_READONLY|ENOSPC|EDQUOT|EROFS)/.test(String(error?.code ?? ""))) throw error;
  console.error(`Cannot start: the disk holding the data is full or read-only (${error.code}). Free some space, then start again.`);
  process.exit(1);
}
if (args.has("--migrate-only")) process.exit(0);
if (args.has("--demo") || args.has("--seed-demo-only")) {
  for (const line of await app.seedDemoData()) console.log(line);
  if (args.has("--seed-demo-only")) process.exit(0);
}

const publicUrl = config.PUBLIC_URL ?? "";
const secure = publicUrl.startsWith("https://");
const trustProxy = config.TRUST_PROXY;

const remix = createRequestHandler(build, config.NODE_ENV);
// Every answer's security headers, the same on a cache hit as from the application. Rendered pages replace the CSP
// with one naming their inline scripts' hashes (entry.server.tsx); everything else allows no inline script at all.
const BASE_CSP = app.contentSecurityPolicy();
function commonHeaders(req, res) {
  const given = trustProxy ? String(req.headers["x-request-id"] ?? "") : "";
  const requestId = /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID();
  res.setHeader("X-Request-Id", requestId);
  res.setHeader("Content-Security-Policy", BASE_CSP);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(self), interest-cohort=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return requestId;
}

const server = express();
server.disable("x-powered-by");
server.disable("etag"); // Remix's pages carry their own validators where they are public (the cache's ETag)
if (trustProxy) server.set("trust proxy", 1);

// A correlation id per request: in the log lines about it and on the error page; a proxy's own id is kept.
server.use((req, res, next) => {
  res.locals.requestId = commonHeaders(req, res);
  const started = performance.now();
  res.on("finish", () => {
    const ms = performance.now() - started;
    // One line for every failure or slow answer; the path without its query and secrets.
    if (res.statusCode >= 500 || ms > 1000)
      app.logger.warn({
        event: "request",
        requestId: res.locals.requestId,
        method: req.method,
        path: app.loggablePath(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(ms),
      });
  });
  // One person's pages are never cached, whatever their route says (a route's own headers may only add to this).
  if (app.isPrivatePath(req.path)) res.setHeader("Cache-Control", "private, no-store");
  next();
});
// Text answers compressed (public pages from the cache are stored compressed and skip this).
server.use(compression());

// Fingerprinted build assets never change; everything else in public/ is revalidated hourly.
server.use("/build", express.static(path.join(here, "public/build"), { immutable: true, maxAge: "1y", index: false }));
server.use(express.static(path.join(here, "public"), { maxAge: "1h", index: false }));

// Posts from other sites are refused before Remix sees them (Remix itself would answer 500).
const CROSS_SITE_PAGE = `<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><title>Không gửi được — Dân Biết</title>
<h1>Không gửi được</h1><p>Biểu mẫu này phải được gửi từ chính trang Dân Biết. Hãy mở lại trang và gửi lại.</p>
<p><a href="/">Về trang chủ</a></p></html>`;
server.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const crossSite = app.isCrossSite({ origin: req.headers.origin, secFetchSite: req.headers["sec-fetch-site"], host: req.headers.host });
  if (!crossSite) return next();
  res.status(403).type("html").send(CROSS_SITE_PAGE);
});

// Remix's answer written with setHeader, so that a rendered page's own CSP replaces the base one instead of adding a
// second policy (browsers enforce both).
function remixRequest(req, res) {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init = { method: req.method, headers: new Headers(), signal: controller.signal };
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) init.headers.append(name, v);
    else if (value !== undefined) init.headers.set(name, value);
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, init);
}

async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // A private page keeps its "private, no-store" whatever the route says.
  const keepCacheControl = res.hasHeader("Cache-Control");
  for (const [name, value] of response.headers) {
    if (name === "set-cookie" || (name === "cache-control" && keepCacheControl)) continue;
    res.setHeader(name, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

server.all("*", async (req, res, next) => {
  try {
    // Public pages carry no token (their anonymous forms are checked by origin, docs/decisions/013): no cookie either;
    // nor does Remix's route manifest, which is cached as immutable.
    let csrfCookie;
    if (!app.isPublicPath(req.path) && req.path !== "/__manifest") {
      const csrf = app.ensureCsrfCookie(req.headers.cookie);
      if (csrf.setCookie) res.append("Set-Cookie", csrf.setCookie);
      csrfCookie = csrf.value;
    }
    const context = { clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown", requestId: res.locals.requestId, csrfCookie };
    await sendResponse(res, await remix(remixRequest(req, res), context));
  } catch (error) {
    next(error);
  }
});

// Whatever fails before or around Remix (an address that cannot be decoded, a body Express refuses) gets a page of
// ours and a log line — never Express's own page, which shows a stack trace with server paths outside production.
const FAULT_PAGE = (status, requestId) => {
  const [title, text] =
    status < 500
      ? ["Địa chỉ không hợp lệ", "Địa chỉ hoặc nội dung gửi lên không đọc được. Hãy kiểm tra lại đường dẫn. (The address or request could not be read.)"]
      : ["Có lỗi xảy ra", "Hệ thống gặp lỗi. Hãy thử lại sau ít phút. (Something went wrong; please try again.)"];
  return `<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><title>${title} — Dân Biết</title>
<h1>${title}</h1><p>${text}</p><p>Mã yêu cầu: ${requestId}</p><p><a href="/">Về trang chủ</a></p></html>`;
};
// Express tells error handlers by their four parameters.
server.use((error, req, res, _next) => {
  const status = Number.isInteger(error?.status) && error.status >= 400 && error.status < 600 ? error.status : 500;
  if (status >= 500) app.logger.error({ event: "request.failed", requestId: res.locals.requestId, path: app.loggablePath(req.path), err: error });
  if (res.headersSent) return res.end();
  res.status(status).set("Cache-Control", "no-store").type("html").send(FAULT_PAGE(status, res.locals.requestId));
});

const port = config.PORT;
const host = config.HOST;
// Public pages are rendered with nothing of the visitor but the language: a fixed origin (no Host header can reach
// the page), no cookie but `lang`, no client address worth limiting (rendering them costs no rate-limited action).
const renderOrigin = publicUrl || "http://localhost";
const publicCache =
  config.PUBLIC_CACHE_MB > 0
    ? app.createPublicCache({
        maxBytes: config.PUBLIC_CACHE_MB * 1024 * 1024,
        ttlMs: config.PUBLIC_CACHE_TTL_S * 1000,
        render: (target, language, req) => {
          const headers = new Headers({ accept: String(req.headers.accept ?? "*/*") });
          if (language !== "vi") headers.set("cookie", `lang=${language}`);
          return remix(new Request(renderOrigin + target, { headers }), { clientIp: "public-cache", requestId: crypto.randomUUID() });
        },
        commonHeaders,
        onError: (error, req, res) => {
          const requestId = res.getHeader("X-Request-Id") ?? commonHeaders(req, res);
          app.logger.error({ event: "request.failed", requestId, path: app.loggablePath(req.url ?? "/"), err: error });
          if (res.headersSent) return res.end();
          res.writeHead(500, { "Cache-Control": "no-store", "Content-Type": "text/html; charset=utf-8" }).end(FAULT_PAGE(500, requestId));
        },
      })
    : null;

// The cache answers first, before Express and Remix; everything it does not take goes on to them.
const listener = http.createServer((req, res) => {
  if (publicCache?.handle(req, res)) return;
  server(req, res);
});
// An idle kept-alive connection is closed by the client (or the proxy in front) before the server does: a server
// that closes first can do it just as a client sends its next request on that socket, which then fails ("other side
// closed"). 65 s outlasts browsers' and undici's idle times and the 60 s of common load balancers.
listener.keepAliveTimeout = 65_000;
listener.headersTimeout = 66_000;
listener.listen(port, host, () => {
  app.logger.info({ event: "listening", url: `http://${host === "0.0.0.0" ? "localhost" : host}:${listener.address().port}` });
});
app.startMailWorker(config.MAIL_POLL_MS);
app.startDailyJobs();

function shutdown() {
  app.stopMailWorker();
  app.stopDailyJobs();
  listener.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
