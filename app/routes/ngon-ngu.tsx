import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { sameSitePath } from "~/domain/urls";
import { parseLanguage } from "~/i18n";
import { languageCookie } from "~/services/platform/request.server";
import { guard } from "~/http";

/** Switches the language (a link, so it works without JavaScript) and returns to the page it came from. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  // Only a path of this site, as the browser would read it: never an open redirect.
  const target = sameSitePath(url.searchParams.get("back"));
  return redirect(target, { headers: { "Set-Cookie": languageCookie(parseLanguage(url.searchParams.get("lang"))) } });
});
