import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateText } from "~/components/case-parts";
import { ErrorSummary, useTranslatedErrors } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { PLAN_TEMPLATE_HEADER, type PlanProblem } from "~/domain/plan-table";
import { consultationPeriodShown, minimumPostingEnd } from "~/domain/disclosure";
import { formatDate, formatDateTime, vnDate } from "~/domain/dates";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/services/staff/sessions.server";
import { submitStaffDisclosure } from "~/services/disclosures/forms.server";
import { ForbiddenError, NotFoundError } from "~/domain/errors";
import { staffDisclosure } from "~/services/disclosures/reading.server";
import type { RequestContext } from "~/services/platform/request.server";
import { staffPlanTable } from "~/services/disclosures/plan-table.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { StaffComments } from "./comments";
import { DocumentsPanel } from "./documents-panel";
import { LifecyclePanels } from "./lifecycle-panels";
import { PlanPanel } from "./plan-panel";

export const meta = pageMeta("title.staff.disclosure", { noindex: true });

async function view(request: Request, id: number) {
  const session = await requireStaff(request);
  const commentPage = Number(new URL(request.url).searchParams.get("trang-y-kien") ?? "1") || 1;
  try {
    return { session, ...(await staffDisclosure(session.user, id, commentPage)) };
  } catch (error) {
    // Another unit's disclosure looks like an unknown one.
    if (error instanceof ForbiddenError) throw new NotFoundError("disclosure.error.notFound");
    throw error;
  }
}

/** The whole posting period, but never a start already past: a window counts from when it really opens. */
function suggestedConsultation(d: { postingFrom: string | null; postingTo: string | null }, now: Date) {
  // Vietnam is UTC+7 all year; the next whole minute, as a datetime-local field reads it.
  const soon = new Date(Math.ceil((now.getTime() + 60_000) / 60_000) * 60_000 + 7 * 3_600_000).toISOString().slice(0, 16);
  const start = d.postingFrom ? `${d.postingFrom}T07:00` : soon;
  return { from: start > soon ? start : soon, to: d.postingTo ? `${d.postingTo}T17:00` : "" };
}

export const loader = guard(async ({ request, params, context }: LoaderFunctionArgs) => {
  const v = await view(request, Number(params.id));
  const today = vnDate(new Date());
  const search = new URL(request.url).searchParams;
  return json(
    {
      staff: await staffHeader(v.session),
      disclosure: v.disclosure,
      comments: v.comments,
      commentPages: v.commentPages,
      documents: v.documents,
      type: v.type,
      canManage: v.canManage,
      suggestedPosting: { from: today, to: minimumPostingEnd(today, v.type.minPostingDays) },
      suggestedConsultation: suggestedConsultation(v.disclosure, new Date()),
      done: search.get("da-luu"),
      imported: { rows: search.get("dong"), newCodes: search.get("ma-moi") },
      plan: await staffPlanTable(v.session.user, v.disclosure, (context as RequestContext).clientIp ?? "unknown", Number(search.get("trang-bang") ?? "1") || 1),
      planHeader: PLAN_TEMPLATE_HEADER,
    },
    { headers: NO_STORE },
  );
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, params, context }: ActionFunctionArgs) => {
  const { session } = await view(request, Number(params.id));
  const outcome = await submitStaffDisclosure(request, context as RequestContext, session.user, Number(params.id));
  if (outcome.outcome === "done") {
    const imported = outcome.imported ? `&dong=${outcome.imported.rows}&ma-moi=${outcome.imported.newCodes}` : "";
    return redirect(`/can-bo/cong-khai/${outcome.id}?da-luu=${outcome.intent}${imported}`, 303);
  }
  if (outcome.outcome === "invalid")
    return json(
      {
        values: outcome.values,
        errors: outcome.errors,
        problems: "problems" in outcome ? outcome.problems : [],
        moreProblems: "moreProblems" in outcome ? outcome.moreProblems : 0,
      },
      { status: 400 },
    );
  if (outcome.outcome === "forbidden") throw new Response("Forbidden", { status: 403 });
  return rejectionResponse(outcome, {});
});

export default function StaffDisclosure() {
  const data = useLoaderData<typeof loader>();
  const { staff, disclosure: d, done, imported } = data;
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors as Record<string, string> | undefined);
  const values = (result?.values ?? {}) as Record<string, string>;
  const parts = { data, values, errors, failed: values.intent };
  const problems = (result && "problems" in result ? result.problems : []) as PlanProblem[];
  const moreProblems = result && "moreProblems" in result ? Number(result.moreProblems) : 0;
  const consultation = consultationPeriodShown(d);
  return (
    <StaffPage staff={staff} title={d.title}>
      {done ? (
        <p className="panel panel--success" role="status">
          {done === "import-plan" && imported.rows
            ? `${t("plan.import.done", imported.rows)} ${t("plan.import.newCodes", imported.newCodes ?? "0")}`
            : t("admin.saved")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={["form", "title", "summary", "body", "from", "to", "reason", "reply", "attachments", "planCsv"]} />
      <p>
        {t(`dtype.${d.typeCode}`)} · {d.communeName} · v{d.version} · <strong>{t(`dstatus.${d.status}`)}</strong>
        {d.status !== "draft" ? (
          <>
            {" "}
            · <Link to={`/cong-khai/${d.slug}`}>{t("receipt.publicPage")}</Link>
          </>
        ) : null}
      </p>
      {d.postingFrom && d.postingTo ? (
        <p>
          {t("disclosure.posting")}: <DateText date={d.postingFrom} /> – <DateText date={d.postingTo} />
        </p>
      ) : null}
      {d.postingSignedOn ? <p>{t("disclosure.posting.reposted", formatDate(d.postingSignedOn))}</p> : null}
      {d.versionReason && d.postingFrom && d.postingTo ? (
        <p>{t("disclosure.posting.restarted", d.version, formatDate(d.postingFrom), formatDate(d.postingTo), d.versionReason)}</p>
      ) : null}
      {consultation ? <p>{t("disclosure.consultation.period", formatDateTime(consultation.from), formatDateTime(consultation.to))}</p> : null}
      {consultation?.announcedTo ? (
        <p>
          {t("disclosure.consultation.closedEarly", formatDateTime(consultation.to), formatDateTime(consultation.announcedTo), d.consultationCloseReason ?? "")}
        </p>
      ) : null}
      <LifecyclePanels {...parts} />
      <PlanPanel {...parts} problems={problems} moreProblems={moreProblems} />
      <DocumentsPanel {...parts} />
      <StaffComments {...parts} />
    </StaffPage>
  );
}
