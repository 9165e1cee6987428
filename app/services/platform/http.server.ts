// The one place where a use case's refusals become HTTP: not found → 404, forbidden → 403, invalid → 400, a busy
// database or a full disk → 503 with Retry-After. Loaders and actions are wrapped in `guard`, so no route maps an
// error by hand and no error reaches the browser as a stack trace.
import { ForbiddenError, InvalidError, NotFoundError } from "~/domain/errors";
import { DatabaseBusyError } from "./database.server";
import { StorageUnavailableError } from "./uploads.server";

export const NO_STORE = { "Cache-Control": "private, no-store" } as const;

/** The response for a refusal, or null when the error is not one (a bug: it is logged and shown as 500). */
export function refusalResponse(error: unknown): Response | null {
  const text = (status: number, key: string, headers: Record<string, string> = {}) =>
    new Response(key, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE, ...headers } });
  if (error instanceof NotFoundError) return text(404, error.messageKey);
  if (error instanceof ForbiddenError) return text(403, error.messageKey);
  if (error instanceof InvalidError) return text(400, error.messageKey);
  if (error instanceof DatabaseBusyError || error instanceof StorageUnavailableError) {
    return text(503, error instanceof DatabaseBusyError ? "error.busy" : "error.storageFull", { "Retry-After": String(error.retryAfterSeconds) });
  }
  return null;
}

/** Wraps a loader or action: refusals are thrown as responses (the error boundary shows them in the layout). */
export function guard<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (error instanceof Response) throw error;
      const response = refusalResponse(error);
      if (response) throw response;
      throw error;
    }
  };
}
