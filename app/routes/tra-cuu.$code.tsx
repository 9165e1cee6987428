import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DateText, DateTimeText, StatusBadge, Timeline } from "~/components/case-parts";
import { CsrfField, ErrorSummary, TextArea, useTranslatedErrors } from "~/components/form";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import { residentCaseView } from "~/services/cases.server";
import { submitInfoResponse, type InfoResponseValues } from "~/services/forms.server";
import type { RequestContext } from "~/services/request.server";
import { requireResidentCase } from "~/services/resident-access.server";
import { rejectionResponse } from "~/services/responses.server";
import { randomToken } from "~/services/secrets.server";

export const meta: MetaFunction = () => [{ title: "Hồ sơ của bạn — Dân Biết" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const caseId = await requireResidentCase(request, params.code ?? "");
  const view = residentCaseView(caseId)!;
  const sent = new URL(request.url).searchParams.has("da-gui");
  return json({ view, sent, idempotencyKey: randomToken(18) }, { headers: { "Cache-Control": "private, no-store" } });
}

export const headers = forwardHeaders;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const caseId = await requireResidentCase(request, params.code ?? "");
  const outcome = await submitInfoResponse(request, context as RequestContext, caseId);
  switch (outcome.outcome) {
    case "sent":
      return redirect(`/tra-cuu/${params.code}?da-gui`, 303);
    case "invalid":
      return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
    default:
      return rejectionResponse<InfoResponseValues>(outcome, {});
  }
}

export default function ResidentCase() {
  const { view, sent, idempotencyKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors);
  return (
    <>
      <h1>{t("case.title", view.code)}</h1>
      {sent ? (
        <p className="panel panel--success" role="status">
          {t("case.infoResponse.sent")}
        </p>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{t("case.status")}</dt>
          <dd>
            <StatusBadge status={view.status} />
          </dd>
        </div>
        <div>
          <dt>{t("case.kind")}</dt>
          <dd>{t(`kind.${view.kindCode}`)}</dd>
        </div>
        <div>
          <dt>{t("case.category")}</dt>
          <dd>{t(`category.${view.categoryCode}`)}</dd>
        </div>
        <div>
          <dt>{t("case.commune")}</dt>
          <dd>{view.communeName}</dd>
        </div>
        <div>
          <dt>{t("case.receivedAt")}</dt>
          <dd>
            <DateTimeText instant={view.receivedAt} />
          </dd>
        </div>
        <div>
          <dt>{t("case.dueOn")}</dt>
          <dd>
            <DateText date={view.acceptDueOn} />
          </dd>
        </div>
      </dl>

      {view.openInfoRequest ? (
        <section className="panel panel--action" aria-labelledby="info-request">
          <h2 id="info-request">{t("case.infoRequest.title")}</h2>
          <p className="prewrap">{view.openInfoRequest.body}</p>
          <ErrorSummary errors={errors} order={["body", "attachments"]} />
          {result ? <p className="notice notice--warning">{t("file.reattach")}</p> : null}
          <Form method="post" encType="multipart/form-data" noValidate>
            <CsrfField />
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
            <TextArea name="body" label={t("case.infoResponse.label")} error={errors.body} required rows={6} defaultValue={result?.values?.body} />
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
