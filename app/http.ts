// HTTP for routes, in one place: a use case's refusals become responses (not found → 404, forbidden → 403, invalid →
// 400, unavailable → 503 with Retry-After), and document requests get their loader's and action's headers. This
// module is bundled for the browser too (route modules import it), so it imports nothing from the server.
import { ForbiddenError, InvalidError, NotFoundError, UnavailableError } from "~/domain/errors";

export const NO_STORE = { "Cache-Control": "private, no-store" } as const;

/** The response for a refusal, or null when the error is not one (a bug: it is logged and shown as 500). */
export function refusalResponse(error: unknown): Response | null {
  const text = (status: number, key: string, headers: Record<string, string> = {}) =>
    new Response(key, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE, ...headers } });
  if (error instanceof NotFoundError) return text(404, error.messageKey);
  if (error instanceof ForbiddenError) return text(403, error.messageKey);
  if (error instanceof InvalidError) return text(400, error.messageKey);
  if (error instanceof UnavailableError) return text(503, error.messageKey, { "Retry-After": String(error.retryAfterSeconds) });
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

/** Action headers (Retry-After on a 429) win over loader headers (Cache-Control) when an action ran. */
export function forwardHeaders({ loaderHeaders, actionHeaders }: { loaderHeaders: Headers; actionHeaders: Headers }): Headers {
  const headers = new Headers(loaderHeaders);
  actionHeaders.forEach((value, key) => headers.set(key, value));
  return headers;
}
