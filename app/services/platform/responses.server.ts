// Mapping a form outcome that refused the post to the response a person sees (shared by every resident form).
import { json } from "@remix-run/node";
import type { FormRejection } from "~/services/cases/forms.server";
import { MAX_REQUEST_BYTES } from "~/domain/uploads";

export function rejectionResponse<V>(rejection: FormRejection, fallback: V) {
  const values = (rejection.values as V | undefined) ?? fallback;
  switch (rejection.outcome) {
    case "forbidden":
      return json({ values, errors: { form: "error.csrf" } }, { status: 403 });
    case "tooLarge":
      return json(
        { values, errors: { form: `error.requestTooLarge:${Math.floor(MAX_REQUEST_BYTES / 1024 / 1024)}` } },
        { status: 413 },
      );
    case "rateLimited":
      return json(
        { values, errors: { form: `error.rateLimited:${Math.ceil(rejection.retryAfterSeconds / 60)}` } },
        { status: 429, headers: { "Retry-After": String(rejection.retryAfterSeconds) } },
      );
  }
}
