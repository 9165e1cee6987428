import type { ActionFunctionArgs, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import crypto from "node:crypto";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./nonce";
import type { RequestContext } from "~/services/platform/request.server";
import { errorFields, loggablePath, logger } from "~/services/platform/logger.server";
import { startDatabase as openDatabase, readOnlyStart } from "~/services/platform/database.server";
import { sessionSecret } from "~/services/platform/config.server";
import { isStorageError, StorageUnavailableError, sweepIncoming } from "~/services/platform/uploads.server";
import { sweepUnreferencedFiles } from "~/services/cases/attachments.server";
import { refreshMissingSearchTexts } from "~/services/cases/search-text.server";
import { contentSecurityPolicy, hashMarkedScripts } from "~/services/platform/csp.server";

// What server.mjs uses from the build besides the request handler: start-up, background jobs, the CSRF cookie.
export { stopDatabase } from "~/services/platform/database.server";
export { config as loadConfig } from "~/services/platform/config.server";
export { startMailWorker, stopMailWorker } from "~/services/platform/mail.server";
export { ensureCsrfCookie, isCrossSite } from "~/services/platform/request.server";
export { isPrivatePath, isPublicPath } from "~/domain/urls";
export { contentSecurityPolicy } from "~/services/platform/csp.server";
export { createPublicCache, publicDataVersion } from "~/services/platform/public-cache.server";
export { seedDemoData } from "~/services/demo/demo.server";
export { seedLargeData } from "~/services/demo/large-seed.server";
export { startDailyJobs, stopDailyJobs } from "~/services/cases/digest.server";
export { runAccountsCommand } from "~/services/staff/accounts-cli.server";

/**
 * Opens and migrates the database, gives cases filed before the redacted search key theirs, and removes what a crash
 * left among the files: interrupted uploads (raw originals, with their GPS) and files no committed case refers to.
 */
export async function startDatabase(): Promise<void> {
  await openDatabase();
  // Made (or read) now, so that a disk that cannot hold it stops the start with one line, not the first request.
  sessionSecret();
  const incoming = await sweepIncoming();
  // On a full disk (docs/decisions/014) these wait for the next start; the portal serves reads meanwhile.
  const unreferenced = await sweepUnreferencedFiles().catch(laterOnFullDisk("uploads.sweep"));
  await refreshMissingSearchTexts().catch(laterOnFullDisk("search.backfill"));
  if (incoming || unreferenced) logger.info({ event: "uploads.swept", incoming, unreferenced });
  const readOnly = readOnlyStart();
  if (readOnly)
    logger.warn({
      event: "start.read_only",
      code: readOnly,
      message: "The disk is full: public pages are served, filings are refused (503) until space is freed.",
    });
}

function laterOnFullDisk(event: string) {
  return (error: unknown): 0 => {
    if (!isStorageError(error) && !(error instanceof StorageUnavailableError)) throw error;
    logger.warn({ event: `${event}.skipped`, ...errorFields(error) });
    return 0;
  };
}
export { logger, loggablePath } from "~/services/platform/logger.server";

/**
 * Pages are rendered to a string, not streamed: React 18.3's streaming encoder flushes its whole 2 KB buffer when a
 * multi-byte character does not fit at its end, putting NUL bytes into Vietnamese text (docs/decisions/006).
 * Our pages use no Suspense streaming, so nothing is lost.
 *
 * Remix's inline scripts are allowed by their hashes, not by a nonce, so that a page is the same bytes for every
 * visitor and can be cached (docs/decisions/015): they are rendered with a random marker, hashed, and unmarked.
 */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const marker = crypto.randomBytes(16).toString("base64url");
  const markup = renderToString(
    <NonceContext.Provider value={marker}>
      <RemixServer context={remixContext} url={request.url} nonce={marker} />
    </NonceContext.Provider>,
  );
  const { html, hashes } = hashMarkedScripts(`<!DOCTYPE html>${markup}`, marker);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(hashes));
  return new Response(html, { status: responseStatusCode, headers: responseHeaders });
}

/**
 * Every error a loader, action or render throws, once, as one JSON line with the request's id (also sent to the
 * browser as X-Request-Id and shown on the error page) — never the request's body or query.
 */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  logger.error({
    event: "request.error",
    requestId: (context as RequestContext).requestId,
    method: request.method,
    path: loggablePath(request.url),
    ...errorFields(error),
  });
}
