import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { DateText, DateTimeText } from "~/components/case-parts";
import { CsrfField, ErrorSummary, TextArea, TextField, useTranslatedErrors } from "~/components/form";
import { Pager } from "~/components/pager";
import { PlanTable } from "~/components/plan-table";
import { StaffPage } from "~/components/staff-page";
import { PLAN_TEMPLATE_HEADER, type PlanProblem } from "~/domain/plan-table";
import { allowedDisclosureActions, minimumPostingEnd, type DisclosureStatus } from "~/domain/disclosure";
import { vnDate } from "~/domain/dates";
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

export const meta = pageMeta("title.staff.disclosure", { noindex: true });

async function view(request: Request, id: number) {
  const session = await requireStaff(request);
  const commentPage = Number(new URL(request.url).searchParams.get("trang-y-kien") ?? "1") || 1;
  try {
    return { session, ...(await staffDisclosure(session.user, id, commentPage)) };
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) throw new Response("Not found", { status: 404 });
    throw error;
  }
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
  const {
    staff,
    disclosure: d,
    comments,
    commentPages,
    documents,
    type,
    canManage,
    suggestedPosting,
    done,
    imported,
    plan,
    planHeader,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors as Record<string, string> | undefined);
  const values = (result?.values ?? {}) as Record<string, string>;
  const actions = allowedDisclosureActions(d.status as DisclosureStatus);
  const failed = values.intent;
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

      {canManage && d.status === "draft" ? (
        <Panel title={t("sd.save")} open={failed === "update"}>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="update" />
            <TextField
              name="title"
              id="u-title"
              label={t("disclosure.field.title")}
              required
              defaultValue={values.title ?? d.title}
              error={failed === "update" ? errors.title : undefined}
            />
            <TextArea name="summary" id="u-summary" label={t("sd.summary")} required rows={3} defaultValue={values.summary ?? d.summary} />
            <TextArea name="body" id="u-body" label={t("sd.body")} required rows={10} defaultValue={values.body ?? d.body} />
            <TextArea
              name="keyFigures"
              id="u-figures"
              label={t("sd.keyFigures")}
              rows={4}
              defaultValue={values.keyFigures ?? d.keyFigures.map((k) => `${k.label}: ${k.value}`).join("\n")}
            />
            <button type="submit" className="button">
              {t("sd.save")}
            </button>
          </Form>
        </Panel>
      ) : null}

      {canManage && actions.includes("publish") ? (
        <Panel title={t("sd.publish")} open>
          <p className="hint">{t("sd.publish.hint", type.minPostingDays)}</p>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="publish" />
            <TextField name="from" id="p-from" type="date" label={t("sd.from")} required defaultValue={values.from ?? suggestedPosting.from} />
            <TextField name="to" id="p-to" type="date" label={t("sd.to")} required defaultValue={values.to ?? suggestedPosting.to} />
            <button type="submit" className="button button--primary">
              {t("sd.publish")}
            </button>
          </Form>
        </Panel>
      ) : null}

      {canManage && actions.includes("open_consultation") && type.consultation ? (
        <Panel title={t("sd.openConsultation")} open={failed === "open-consultation"}>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="open-consultation" />
            <TextField
              name="from"
              id="c-from"
              type="datetime-local"
              label={t("sd.consultation.from")}
              required
              defaultValue={values.from ?? `${d.postingFrom}T07:00`}
            />
            <TextField name="to" id="c-to" type="datetime-local" label={t("sd.consultation.to")} required defaultValue={values.to ?? `${d.postingTo}T17:00`} />
            <button type="submit" className="button">
              {t("sd.openConsultation")}
            </button>
          </Form>
        </Panel>
      ) : null}

      {canManage && actions.includes("close_consultation") ? (
        <Panel title={t("sd.closeConsultation")} open={failed === "close-consultation"}>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="close-consultation" />
            <TextArea
              name="summary"
              id="cc-summary"
              label={t("sd.summaryOfComments")}
              required
              rows={8}
              error={failed === "close-consultation" ? errors.summary : undefined}
            />
            <button type="submit" className="button">
              {t("sd.closeConsultation")}
            </button>
          </Form>
        </Panel>
      ) : null}

      {plan ? (
        <section aria-labelledby="plan-title">
          <h2 id="plan-title">{t("plan.staffTitle")}</h2>
          {canManage && d.status === "draft" ? (
            <Panel title={t("plan.staffTitle")} open={failed === "import-plan" || plan.rows.length === 0}>
              <p className="hint">{t("plan.import.hint", planHeader)}</p>
              <p>
                <a href="/can-bo/cong-khai/mau-bang.csv" download>
                  {t("plan.import.template")}
                </a>
              </p>
              {failed === "import-plan" && result && "problems" in result && result.problems.length ? (
                <ul className="field-error" id="plan-problems">
                  {(result.problems as PlanProblem[]).map((p, i) => (
                    <li key={i}>{problemText(t, p)}</li>
                  ))}
                  {result.moreProblems ? <li>{t("plan.problem.more", result.moreProblems)}</li> : null}
                </ul>
              ) : null}
              <Form method="post" encType="multipart/form-data">
                <CsrfField />
                <input type="hidden" name="intent" value="import-plan" />
                <div className={`field${failed === "import-plan" && errors.planCsv ? " field--error" : ""}`}>
                  <label htmlFor="field-planCsv">{t("plan.import.file")}</label>
                  {failed === "import-plan" && errors.planCsv ? (
                    <p className="field-error" id="field-planCsv-error">
                      {errors.planCsv}
                    </p>
                  ) : null}
                  <input
                    type="file"
                    id="field-planCsv"
                    name="planCsv"
                    accept=".csv,text/csv"
                    aria-describedby={
                      failed === "import-plan" && errors.planCsv
                        ? `field-planCsv-error${result && "problems" in result && result.problems.length ? " plan-problems" : ""}`
                        : undefined
                    }
                  />
                </div>
                <button type="submit" className="button">
                  {t("plan.import")}
                </button>
              </Form>
            </Panel>
          ) : canManage ? (
            <p className="hint">{t("plan.import.onlyDraft")}</p>
          ) : null}
          {plan.rows.length ? (
            <>
              <p>
                <a href={`/can-bo/cong-khai/${d.id}/ma-ho.csv`}>{t("plan.codes.csv")}</a>
              </p>
              <PlanTable id="plan-caption" caption={t("plan.staffTitle")} rows={plan.rows} totals={plan.totals} withAddress withCodes />
              <Pager page={plan.page} pages={plan.pages} label={t("plan.staffTitle")} link={(p) => `?trang-bang=${p}#plan-title`} />
            </>
          ) : (
            <p>{t("plan.none")}</p>
          )}
        </section>
      ) : null}

      {canManage && d.status !== "withdrawn" && d.status !== "superseded" ? (
        <Panel title={t("sd.documents.add")} open={failed === "upload"}>
          <ul className="files">
            {documents.map((doc) => (
              <li key={doc.id}>{doc.displayName}</li>
            ))}
          </ul>
          <Form method="post" encType="multipart/form-data">
            <CsrfField />
            <input type="hidden" name="intent" value="upload" />
            <div className="field">
              <label htmlFor="docs">{t("file.attachments")}</label>
              <input type="file" id="docs" name="attachments" multiple accept="application/pdf,image/*" />
            </div>
            <button type="submit" className="button">
              {t("sd.documents.upload")}
            </button>
          </Form>
        </Panel>
      ) : null}

      {canManage && actions.includes("supersede") ? (
        <div className="actions">
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="new-version" />
            <button type="submit" className="button">
              {t("sd.newVersion")}
            </button>
          </Form>
        </div>
      ) : null}

      {canManage && actions.includes("withdraw") ? (
        <Panel title={t("sd.withdraw")} open={failed === "withdraw"}>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="withdraw" />
            <TextArea name="reason" id="w-reason" label={t("sd.reason")} required rows={3} error={failed === "withdraw" ? errors.reason : undefined} />
            <button type="submit" className="button">
              {t("sd.withdraw")}
            </button>
          </Form>
        </Panel>
      ) : null}

      <section aria-labelledby="comments">
        <h2 id="comments">{t("disclosure.comments")}</h2>
        {comments.length === 0 ? <p>{t("disclosure.comments.none")}</p> : null}
        <ol className="comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="hint">
                {c.authorName} ({t("sd.phone", c.authorPhone)}) — <DateTimeText instant={c.createdAt} />
                {c.hiddenAt ? ` — ${t("disclosure.comment.hidden", c.hiddenReason ?? "")}` : ""}
              </p>
              <p className="prewrap">{c.body}</p>
              {c.reply ? <p className="reply prewrap">{c.reply}</p> : null}
              {!c.reply ? (
                <Form method="post" noValidate>
                  <CsrfField />
                  <input type="hidden" name="intent" value="reply" />
                  <input type="hidden" name="commentId" value={c.id} />
                  <TextArea name="reply" id={`reply-${c.id}`} label={t("sd.reply")} required rows={2} />
                  <button type="submit" className="button">
                    {t("sd.reply")}
                  </button>
                </Form>
              ) : null}
              {canManage && !c.hiddenAt ? (
                <Form method="post" noValidate>
                  <CsrfField />
                  <input type="hidden" name="intent" value="hide" />
                  <input type="hidden" name="commentId" value={c.id} />
                  <TextField name="reason" id={`hide-${c.id}`} label={t("sd.reason")} required />
                  <button type="submit" className="button">
                    {t("sd.hide")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
        <Pager page={commentPages.page} pages={commentPages.pages} label={t("disclosure.comments")} link={(p) => `?trang-y-kien=${p}#comments`} />
      </section>
    </StaffPage>
  );
}

function problemText(t: ReturnType<typeof useT>, p: PlanProblem): string {
  const message = t(p.message);
  if (p.line === null) return t("plan.problem.file", message);
  if (p.field) return t("plan.problem.field", p.line, t(`plan.col.${p.field}`), message);
  return t("plan.problem", p.line, message);
}

function Panel({ title, open, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="action" open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}
