// What a person sees when a form post was refused before (or instead of) its use case, for every form.
import { json } from "@remix-run/node";
import type { FormRejection } from "./forms.server";

/** What a 503 says was not received: a resident's case (the filing form) or, on every other form, what was sent. */
export type RejectionSubject = "case" | "post";

/** The message key, status and headers of a refusal (for pages whose action data has its own shape). */
export function rejectionInfo(
  rejection: FormRejection,
  subject: RejectionSubject = "post",
): { key: string; init: { status: number; headers?: Record<string, string> } } {
  switch (rejection.outcome) {
    case "forbidden":
      return { key: "error.csrf", init: { status: 403 } };
    case "tooLarge":
      return { key: `error.requestTooLarge:${Math.max(1, Math.floor((rejection.limitBytes ?? 0) / 1024 / 1024))}`, init: { status: 413 } };
    case "rateLimited":
      return {
        key: `error.rateLimited:${Math.ceil(rejection.retryAfterSeconds / 60)}`,
        init: { status: 429, headers: { "Retry-After": String(rejection.retryAfterSeconds) } },
      };
    case "unavailable":
      // Said plainly: nothing was received; what was typed is on the page to send again later.
      return {
        key: `${rejection.reason === "storage" ? "error.unavailableStorage" : "error.unavailable"}${subject === "post" ? "Post" : ""}`,
        init: { status: 503, headers: { "Retry-After": String(rejection.retryAfterSeconds) } },
      };
  }
}

export function rejectionResponse<V>(rejection: FormRejection, fallback: V, subject: RejectionSubject = "post") {
  const { key, init } = rejectionInfo(rejection, subject);
  return json({ values: (rejection.values as V | undefined) ?? fallback, errors: { form: key } }, init);
}

/**
 * A body written as it is made: each part is encoded and sent before the next is asked for (pull), so a slow
 * reader holds back the reading of rows instead of letting them pile up in memory.
 */
export function streamedBody(parts: AsyncIterator<string> | AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = Symbol.asyncIterator in parts ? parts[Symbol.asyncIterator]() : parts;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
