import type { LoaderFunctionArgs } from "@remix-run/node";
import { readCaseFilters } from "~/domain/case-filters";
import { vnDate } from "~/domain/dates";
import { requireAdminOperation } from "~/services/staff/context.server";
import { exportCasesCsvParts } from "~/services/cases/inbox.server";
import { streamedBody } from "~/services/platform/responses.server";
import type { RequestContext } from "~/services/platform/request.server";
import { guard } from "~/http";

/** The inbox's filtered list as CSV (no personal data), streamed as it is read; every export is written to the audit log. */
export const loader = guard(async ({ request, context }: LoaderFunctionArgs) => {
  const session = await requireAdminOperation(request, "export");
  const parts = await exportCasesCsvParts(session.user, readCaseFilters(new URL(request.url)), (context as RequestContext).clientIp ?? "unknown");
  return new Response(streamedBody(parts), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ho-so-${vnDate(new Date())}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
