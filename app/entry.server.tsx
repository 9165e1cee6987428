import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./nonce";
import type { RequestContext } from "~/services/platform/request.server";
import { errorFields, loggablePath, logger } from "~/services/platform/logger.server";
import { startDatabase as openDatabase } from "~/services/platform/database.server";
import { sweepIncoming } from "~/services/platform/uploads.server";
import { sweepUnreferencedFiles } from "~/services/cases/attachments.server";
import { refreshMissingSearchTexts } from "~/services/cases/search-text.server";

// What server.mjs uses from the build besides the request handler: start-up, background jobs, the CSRF cookie.
export { stopDatabase } from "~/services/platform/database.server";
export { config as loadConfig } from "~/services/platform/config.server";
export { startMailWorker, stopMailWorker } from "~/services/platform/mail.server";
export { ensureCsrfCookie, isCrossSite } from "~/services/platform/request.server";
export { isPrivatePath } from "~/domain/urls";
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
  await refreshMissingSearchTexts();
  const incoming = await sweepIncoming();
  const unreferenced = await sweepUnreferencedFiles();
  if (incoming || unreferenced) logger.info({ event: "uploads.swept", incoming, unreferenced });
}
export { logger, loggablePath } from "~/services/platform/logger.server";

/**
 * Pages are rendered to a string, not streamed: React 18.3's streaming encoder flushes its whole 2 KB buffer when a
 * multi-byte character does not fit at its end, putting NUL bytes into Vietnamese text (docs/decisions/006).
 * Our pages use no Suspense streaming, so nothing is lost.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = (loadContext as RequestContext).cspNonce;
  const markup = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${markup}`, { status: responseStatusCode, headers: responseHeaders });
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
