// Production server: Express + Remix's request handler, security headers with a per-request CSP nonce,
// the CSRF cookie, immutable caching of fingerprinted assets, and the background mail worker.
//   node server.mjs                 start (migrates the database first)
//   node server.mjs --demo          also load demo cases (npm run demo)
//   node server.mjs --migrate-only  migrate and exit (npm run db:migrate)
//   node server.mjs --seed-demo-only  migrate, load demo cases and exit (npm run db:seed)
import { createRequestHandler } from "@remix-run/express";
import crypto from "node:crypto";
import express from "express";
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

const server = express();
server.disable("x-powered-by");
if (trustProxy) server.set("trust proxy", 1);

// A correlation id per request: in the log lines about it and on the error page; a proxy's own id is kept.
server.use((req, res, next) => {
  const given = trustProxy ? String(req.headers["x-request-id"] ?? "") : "";
  res.locals.requestId = /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID();
  res.setHeader("X-Request-Id", res.locals.requestId);
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
  next();
});

server.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(self), interest-cohort=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // One person's pages are never cached, whatever their route says (a route's own headers may only add to this).
  if (app.isPrivatePath(req.path)) res.setHeader("Cache-Control", "no-store");
  next();
});

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

server.all(
  "*",
  (req, res, next) => {
    const csrf = app.ensureCsrfCookie(req.headers.cookie);
    if (csrf.setCookie) res.append("Set-Cookie", csrf.setCookie);
    res.locals.csrfCookie = csrf.value;
    next();
  },
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      requestId: res.locals.requestId,
      cspNonce: res.locals.nonce,
      csrfCookie: res.locals.csrfCookie,
    }),
  }),
);

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
const listener = server.listen(port, host, () => {
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
