import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CaseSummary, RelatedDisclosure, Timeline } from "~/components/case-parts";
import { ClosureNote, ClosureQuestion } from "~/components/closure";
import { CsrfField, ErrorSummary, RadioGroup, TextArea, useTranslatedErrors } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import type { FormValues } from "~/services/platform/forms.server";
import { residentCaseView } from "~/services/cases/views.server";
import { submitInfoResponse, submitResidentStep } from "~/services/cases/forms.server";
import { csrfToken, type RequestContext } from "~/services/platform/request.server";
import { requireResidentCase } from "~/services/cases/resident-access.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { randomToken } from "~/services/platform/secrets.server";
import { NO_STORE, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
const RESIDENT_STEPS_DONE = ["rate", "contest", "withdraw", "settled", "withdraw_part"] as const;

export const meta = pageMeta("title.myCase", { noindex: true });

export const loader = guard(async ({ request, params, context }: LoaderFunctionArgs) => {
  const caseId = await requireResidentCase(request, params.code ?? "");
  const view = (await residentCaseView(caseId))!;
  const url = new URL(request.url);
  const sent = url.searchParams.has("da-gui");
  // Only the steps this page reports on: anything else in the address is ignored, never shown as a raw key.
  const stepDone = RESIDENT_STEPS_DONE.find((s) => s === url.searchParams.get("xong")) ?? null;
  return json({ view, sent, stepDone, idempotencyKey: randomToken(18), csrf: csrfToken(request, context as RequestContext) }, { headers: NO_STORE });
});

export const headers = forwardHeaders;

export const action = guard(async ({ request, params, context }: ActionFunctionArgs) => {
  const caseId = await requireResidentCase(request, params.code ?? "");
  // The answer to an information request carries files (multipart); rating, contest and withdrawal do not.
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const step = await submitResidentStep(request, caseId);
    if (step.outcome === "done") return redirect(`/tra-cuu/${params.code}?xong=${step.step}`, 303);
    if (step.outcome === "invalid") return json({ values: step.values, errors: step.errors }, { status: 400 });
    return rejectionResponse<FormValues>(step, {});
  }
  const outcome = await submitInfoResponse(request, context as RequestContext, caseId);
  switch (outcome.outcome) {
    case "sent":
      return redirect(`/tra-cuu/${params.code}?da-gui`, 303);
    case "invalid":
      return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
    default:
      return rejectionResponse<FormValues>(outcome, {});
  }
});

export default function ResidentCase() {
  const { view, sent, stepDone, idempotencyKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors);
  const failedStep = result?.values && "step" in result.values ? result.values : undefined;
  return (
    <>
      <h1>{t("case.title", view.code)}</h1>
      {sent ? (
        <p className="panel panel--success" role="status">
          {t("case.infoResponse.sent")}
        </p>
      ) : null}
      <CaseSummary c={view} />
      <RelatedDisclosure link={view.disclosure} />

      {stepDone ? (
        <p className="panel panel--success" role="status">
          {t(`case.step.done.${stepDone}`)}
        </p>
      ) : null}
      {failedStep ? <ErrorSummary errors={errors} order={["settled", "score", "reason", "comment"]} /> : null}
      <ClosureNote closure={view.closure} />
      <ClosureQuestion question={view.closureQuestion} error={failedStep?.step === "settled" ? errors.settled : undefined} />
      {view.canWithdrawPart ? (
        <section className="panel" aria-labelledby="withdraw-part">
          <h2 id="withdraw-part">{t("case.withdrawPart.title")}</h2>
          <p>{t("case.withdrawPart.intro")}</p>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="step" value="withdraw_part" />
            <TextArea
              name="part"
              label={t("case.withdrawPart.part")}
              required
              rows={3}
              error={failedStep?.step === "withdraw_part" ? errors.part : undefined}
            />
            <button type="submit" className="button">
              {t("case.withdrawPart.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      {view.rating ? <p>{t("case.rate.done", view.rating.score)}</p> : null}
      {view.canRate ? (
        <section className="panel" aria-labelledby="rate">
          <h2 id="rate">{t("case.rate.title")}</h2>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="step" value="rate" />
            <RadioGroup
              name="score"
              legend={t("case.rate.score")}
              required
              error={failedStep?.step === "rate" ? errors.score : undefined}
              choices={([5, 4, 3, 2, 1] as const).map((n) => ({ value: String(n), label: t(`case.rate.${n}`) }))}
            />
            <TextArea name="comment" id="rate-comment" label={t("case.rate.comment")} rows={3} defaultValue={failedStep?.comment} />
            <button type="submit" className="button button--primary">
              {t("case.rate.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      {view.canContest && view.contestUntil ? (
        <section className="panel" aria-labelledby="contest">
          <h2 id="contest">{t("case.contest.title")}</h2>
          <p>{t("case.contest.intro", formatDate(view.contestUntil))}</p>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="step" value="contest" />
            <TextArea
              name="reason"
              id="contest-reason"
              label={t("case.contest.reason")}
              required
              rows={4}
              error={failedStep?.step === "contest" ? errors.reason : undefined}
              defaultValue={failedStep?.step === "contest" ? failedStep.reason : undefined}
            />
            <button type="submit" className="button">
              {t("case.contest.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      {view.openInfoRequest ? (
        <section className="panel panel--action" aria-labelledby="info-request">
          <h2 id="info-request">{t("case.infoRequest.title")}</h2>
          <p className="prewrap">{view.openInfoRequest.body}</p>
          {!failedStep ? <ErrorSummary errors={errors} order={["body", "attachments"]} /> : null}
          {result && !failedStep ? <p className="notice notice--warning">{t("file.reattach")}</p> : null}
          <Form method="post" encType="multipart/form-data" noValidate>
            <CsrfField />
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
            <TextArea
              name="body"
              label={t("case.infoResponse.label")}
              error={errors.body}
              required
              rows={6}
              defaultValue={result?.values && "body" in result.values ? result.values.body : undefined}
            />
            <div className={`field${errors.attachments ? " field--error" : ""}`}>
              <label htmlFor="field-attachments">
                {t("file.attachments")} <span className="label-note">{t("file.optional")}</span>
              </label>
              <p className="hint">{t("file.attachments.hint")}</p>
              {errors.attachments ? (
                <p className="field-error" id="field-attachments-error">
                  {errors.attachments}
                </p>
              ) : null}
              <input type="file" id="field-attachments" name="attachments" multiple accept="image/*,.heic,application/pdf" />
            </div>
            <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
              {t("case.infoResponse.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("case.timeline")}</h2>
        <Timeline items={view.timeline} attachmentHref={(id) => `/tep/${id}`} />
      </section>

      <section aria-labelledby="content">
        <h2 id="content">{t("case.content")}</h2>
        <h3>{view.title}</h3>
        <p className="prewrap">{view.description}</p>
        <h3>{t("case.requestedOutcome")}</h3>
        <p className="prewrap">{view.requestedOutcome}</p>
        <h3>{t("case.place")}</h3>
        <p>
          {view.place}
          {view.hamletName ? ` — ${view.hamletName}` : ""}
        </p>
      </section>

      {view.canWithdraw ? (
        <details className="action">
          <summary>{t("case.withdraw.title")}</summary>
          <p>{t("case.withdraw.intro")}</p>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="step" value="withdraw" />
            <TextArea name="reason" id="withdraw-reason" label={t("case.withdraw.reason")} rows={2} />
            <button type="submit" className="button">
              {t("case.withdraw.submit")}
            </button>
          </Form>
        </details>
      ) : null}

      <section aria-labelledby="contact">
        <h2 id="contact">{t("case.contact")}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t("file.fullName")}</dt>
            <dd>{view.fullName}</dd>
          </div>
          <div>
            <dt>{t("file.phone")}</dt>
            <dd>{view.phone}</dd>
          </div>
          {view.email ? (
            <div>
              <dt>{t("file.email")}</dt>
              <dd>{view.email}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("file.address")}</dt>
            <dd>{view.address}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
