// Any address no other route serves: a 404 from a loader, so the root loader runs first and the not-found page is
// in the reader's language (a request no route matches at all would get the root error page without its data).
import { guard } from "~/http";
import { NotFoundError } from "~/domain/errors";

export const loader = guard(async () => {
  // The not-found page's own text; the error page does not repeat a detail equal to it.
  throw new NotFoundError("notFound.body");
});

export default function NotFound() {
  return null;
}
