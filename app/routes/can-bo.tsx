// The staff area's layout route: every page under /can-bo gets its CSRF token here (the public pages, served to
// everyone from one cache, carry none). Signing in is checked by each page, since sign-in itself lives here too.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { NO_STORE, guard } from "~/http";
import { csrfToken, type RequestContext } from "~/services/platform/request.server";

export const loader = guard(async ({ request, context }: LoaderFunctionArgs) => {
  return json({ csrf: csrfToken(request, context as RequestContext) }, { headers: NO_STORE });
});

export default function StaffArea() {
  return <Outlet />;
}
