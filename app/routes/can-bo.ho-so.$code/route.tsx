import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, useTranslatedErrors } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import type { FormValues } from "~/services/platform/forms.server";
import { requireStaff } from "~/services/staff/sessions.server";
import { submitStaffAction } from "~/services/cases/forms.server";
import type { RequestContext } from "~/services/platform/request.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { staffCaseView } from "~/services/cases/staff-view.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { STAFF_ACTIONS, staffActionSchema } from "~/domain/case-forms";
import { variantSpecs } from "~/domain/form-schema";
import { ActionPanels } from "./action-panels";
import { CaseSummary } from "./case-summary";
import { ContactSection } from "./contact";
import { StaffTimeline } from "./timeline";

export const meta = pageMeta<{ view: { case: { code: string } } }>((t, data) => t("title.staff.case", data.view.case.code), { noindex: true });
export const headers = forwardHeaders;

export const loader = guard(async ({ request, params, context }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  const url = new URL(request.url);
  const view = await staffCaseView(session.user, params.code ?? "", (context as RequestContext).clientIp ?? "unknown");
  const templateId = Number(url.searchParams.get("mau"));
  const template = view.templates.find((tpl) => tpl.id === templateId) ?? null;
  // What each action's form requires, from the one schema the server validates with.
  const actionFields = Object.fromEntries(STAFF_ACTIONS.map((a) => [a, variantSpecs(staffActionSchema, "action", a)]));
  return json(
    { staff: await staffHeader(session), view, template, actionFields, done: STAFF_ACTIONS.find((a) => a === url.searchParams.get("da-luu")) ?? null },
    { headers: NO_STORE },
  );
});

export const action = guard(async ({ request, params, context }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const outcome = await submitStaffAction(request, context as RequestContext, session.user, params.code ?? "");
  switch (outcome.outcome) {
    case "done":
      // A transfer moves the case out of this unit's hands: back to the inbox, which says where it went.
      return outcome.stillVisible
        ? redirect(`/can-bo/ho-so/${params.code}?da-luu=${outcome.action}`, 303)
        : redirect(`/can-bo?da-chuyen=${encodeURIComponent(params.code ?? "")}`, 303);
    case "invalid":
      return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
    default:
      return rejectionResponse<FormValues>(outcome, {});
  }
});

export default function StaffCase() {
  const { staff, view, template, actionFields, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const c = view.case;
  const errors = useTranslatedErrors(result && "errors" in result ? result.errors : undefined);
  const failed = result && "values" in result ? result.values : undefined;
  return (
    <StaffPage staff={staff} title={`${t("case.title", c.code)}: ${c.title}`}>
      {done ? (
        <p className="panel panel--success" role="status">
          {t("staffCase.done", t(`action.${done}`))}
        </p>
      ) : null}
      <ErrorSummary
        errors={errors}
        order={["note", "signedBy", "reason", "toCommuneId", "assigneeUserId", "attachments"]}
        anchors={failed?.action ? { note: `note-${failed.action}`, signedBy: `signedBy-${failed.action}` } : {}}
      />

      <div className="case-layout">
        <div className="case-main">
          <CaseSummary c={c} />
          {view.mayManageReception ? (
            <p>
              <Link to={`/can-bo/tiep-cong-dan/ho-so/${c.code}`}>{t("reception.case.link")}</Link>
            </p>
          ) : null}
          <ContactSection contact={view.contact} />
          <StaffTimeline events={view.events} />
        </div>

        <ActionPanels view={view} template={template} failed={failed} errors={errors} fields={actionFields} />
      </div>
    </StaffPage>
  );
}
