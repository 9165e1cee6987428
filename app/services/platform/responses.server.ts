// What a person sees when a form post was refused before (or instead of) its use case, for every form.
import { json } from "@remix-run/node";
import type { FormRejection } from "./forms.server";

export function rejectionResponse<V>(rejection: FormRejection, fallback: V) {
  const values = (rejection.values as V | undefined) ?? fallback;
  switch (rejection.outcome) {
    case "forbidden":
      return json({ values, errors: { form: "error.csrf" } }, { status: 403 });
    case "tooLarge":
      return json({ values, errors: { form: `error.requestTooLarge:${Math.max(1, Math.floor((rejection.limitBytes ?? 0) / 1024 / 1024))}` } }, { status: 413 });
    case "rateLimited":
      return json(
        { values, errors: { form: `error.rateLimited:${Math.ceil(rejection.retryAfterSeconds / 60)}` } },
        { status: 429, headers: { "Retry-After": String(rejection.retryAfterSeconds) } },
      );
    case "unavailable":
      // Said plainly: nothing was received; what was typed is on the page to send again later.
      return json({ values, errors: { form: "error.unavailable" } }, { status: 503, headers: { "Retry-After": String(rejection.retryAfterSeconds) } });
  }
}
