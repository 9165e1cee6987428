// The supervision forms: each through handleForm (CSRF token, bounded body, its one schema), then the use case.
import { openSupervisionSchema, supervisionActionSchema } from "~/domain/supervision-forms";
import type { StaffUser } from "~/domain/permissions";
import { handleForm, type FormOutcome } from "~/services/platform/forms.server";
import type { RequestContext } from "~/services/platform/request.server";
import { actOnSupervision, openSupervision } from "./supervision.server";

export function submitOpenSupervision(
  request: Request,
  context: RequestContext | undefined,
  user: StaffUser,
): Promise<FormOutcome<{ outcome: "done"; id: number }>> {
  return handleForm(request, openSupervisionSchema, { csrf: "token" }, async ({ data }) => ({
    outcome: "done" as const,
    id: await openSupervision({ user, ip: context?.clientIp }, data),
  }));
}

export function submitSupervisionAction(
  request: Request,
  context: RequestContext | undefined,
  user: StaffUser,
  supervisionId: number,
): Promise<FormOutcome<{ outcome: "done"; intent: string }>> {
  return handleForm(request, supervisionActionSchema, { csrf: "token" }, async ({ data }) => {
    await actOnSupervision({ user, ip: context?.clientIp }, supervisionId, data);
    return { outcome: "done" as const, intent: data.intent };
  });
}
