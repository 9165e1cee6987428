import type { LoaderFunctionArgs } from "@remix-run/node";
import { serveCaseAttachment } from "~/services/cases/attachment-access.server";
import type { RequestContext } from "~/services/platform/request.server";
import { guard } from "~/http";

/** An attachment, to those allowed to see its case only, always as a download. */
export const loader = guard(async ({ request, params, context }: LoaderFunctionArgs) => {
  return serveCaseAttachment(request, params.id ?? "", (context as RequestContext).clientIp ?? "unknown");
});
