import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateText, DateTimeText } from "~/components/case-parts";
import { CountdownText } from "~/components/countdown";
import { CsrfField, ErrorSummary, RadioGroup, SelectField, TextArea, useTranslatedErrors } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { formatDate } from "~/domain/dates";
import { RESPONSES } from "~/domain/supervision";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/services/staff/sessions.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";
import { staffSupervision } from "~/services/supervision/supervision.server";
import { submitSupervisionAction } from "~/services/supervision/forms.server";
import type { RequestContext } from "~/services/platform/request.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta<{ supervision: { title: string } }>((t, data) => t("supervision.detail.title", data.supervision.title), { noindex: true });

function supervisionId(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  return json({ staff: await staffHeader(session), supervision: await staffSupervision(session.user, supervisionId(params)) }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, params, context }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const id = supervisionId(params);
  const outcome = await submitSupervisionAction(request, context as RequestContext, session.user, id);
  if (outcome.outcome === "done") return redirect(`/can-bo/giam-sat/${id}?da=${outcome.intent}`, 303);
  if (outcome.outcome === "invalid") return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
  return rejectionResponse(outcome, {});
});

export default function StaffSupervision() {
  const { staff, supervision: s } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result && "errors" in result ? (result.errors as Record<string, string>) : undefined);
  const values = (result && "values" in result ? result.values : {}) as Record<string, string>;
  const target = values.recommendationId ? Number(values.recommendationId) : null;
  return (
    <StaffPage staff={staff} title={t("supervision.detail.title", s.title)}>
      <p>
        <Link to="/can-bo/giam-sat">{t("supervision.back")}</Link>
      </p>
      <ErrorSummary errors={errors} order={["form", "critique", "critiqueAnswer", "findings", "unitId", "body", "response", "reasons", "settled"]} />
      <dl className="summary-list">
        <div>
          <dt>{t("supervision.field.supervisor")}</dt>
          <dd>{s.supervisorUnit}</dd>
        </div>
        <div>
          <dt>{t("supervision.field.subjectKind")}</dt>
          <dd>
            {t(`supervision.subject.${s.subjectKind}`)}
            {s.caseCodes.length ? (
              <>
                {": "}
                {s.caseCodes.map((code, i) => (
                  <span key={code}>
                    {i ? ", " : ""}
                    <Link to={`/can-bo/ho-so/${code}`}>{code}</Link>
                  </span>
                ))}
              </>
            ) : null}
            {s.disclosure ? <>: {s.disclosure.title}</> : null}
            {s.subjectText ? <p>{s.subjectText}</p> : null}
          </dd>
        </div>
        <div>
          <dt>{t("supervision.field.period")}</dt>
          <dd>
            <DateText date={s.periodFrom} /> – <DateText date={s.periodTo} />
          </dd>
        </div>
        <div>
          <dt>{t("supervision.field.members")}</dt>
          <dd className="prewrap">{s.members}</dd>
        </div>
        <div>
          <dt>{t("supervision.field.openedBy")}</dt>
          <dd>{s.openedBy}</dd>
        </div>
      </dl>

      <section aria-labelledby="findings">
        <h2 id="findings">{t("supervision.field.findings")}</h2>
        {s.findings ? <p className="prewrap">{s.findings}</p> : <p>{t("supervision.findings.none")}</p>}
        {s.isSupervisor ? (
          <details className="action">
            <summary>{t("supervision.findings.edit")}</summary>
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="findings" />
              <TextArea
                name="findings"
                id="field-findings"
                label={t("supervision.field.findings")}
                required
                rows={8}
                error={errors.findings}
                defaultValue={values.findings ?? s.findings ?? ""}
              />
              <button type="submit" className="button">
                {t("supervision.findings.save")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      {s.disclosure ? (
        <section aria-labelledby="critiques">
          <h2 id="critiques">{t("supervision.critique.title")}</h2>
          {s.critiques.length === 0 ? <p>{t("supervision.critique.none")}</p> : null}
          {s.critiques.map((c) => (
            <article key={c.id} className="panel" aria-label={t("supervision.critique.title")}>
              <p className="prewrap">{c.body}</p>
              <p className="hint">
                <DateTimeText instant={c.filedAt} />
              </p>
              {c.answer ? (
                <>
                  <h3>{t("supervision.critique.answer")}</h3>
                  <p className="prewrap">{c.answer}</p>
                </>
              ) : (
                <p>{t("supervision.critique.waiting")}</p>
              )}
              {c.mayAnswer ? (
                <Form method="post" noValidate>
                  <CsrfField />
                  <input type="hidden" name="intent" value="answer_critique" />
                  <input type="hidden" name="critiqueId" value={c.id} />
                  <TextArea
                    name="critiqueAnswer"
                    id={`field-critiqueAnswer-${c.id}`}
                    label={t("supervision.critique.answer")}
                    hint={t("supervision.critique.answer.hint")}
                    required
                    rows={6}
                    error={errors.critiqueAnswer}
                  />
                  <button type="submit" className="button button--primary">
                    {t("supervision.critique.answer.submit")}
                  </button>
                </Form>
              ) : null}
            </article>
          ))}
          {s.mayCritique ? (
            <details className="action" open={values.intent === "critique"}>
              <summary>{t("supervision.critique.file")}</summary>
              <Form method="post" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="critique" />
                <TextArea
                  name="critique"
                  label={t("supervision.critique.body")}
                  hint={t("supervision.critique.body.hint")}
                  required
                  rows={8}
                  error={errors.critique}
                  defaultValue={values.critique}
                />
                <button type="submit" className="button button--primary">
                  {t("supervision.critique.submit")}
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="recs">
        <h2 id="recs">{t("supervision.recs.title")}</h2>
        {s.recommendations.length === 0 ? <p>{t("supervision.recs.empty")}</p> : null}
        {s.recommendations.map((r, i) => (
          <article key={r.id} className="panel" aria-labelledby={`rec-${r.id}`}>
            <h3 id={`rec-${r.id}`}>{t("supervision.rec.heading", i + 1, r.unitName)}</h3>
            <p className="prewrap">{r.body}</p>
            <p>
              {t("supervision.rec.issued")} <DateText date={r.issuedOn} />. {t("supervision.rec.due")} <DateText date={r.dueOn} />.{" "}
              <span className="tag">{t(`supervision.column.${r.column}`)}</span> {r.countdown ? <CountdownText countdown={r.countdown} /> : null}
              {r.late ? <> {t("supervision.rec.late", r.daysLate)}</> : null}
            </p>
            {r.response ? (
              <div>
                <h4>{t("supervision.rec.answer", r.answeredBy ?? "", r.answeredOn ? formatDate(r.answeredOn) : "")}</h4>
                <p>
                  <strong>{t(`supervision.response.${r.response}`)}</strong>
                </p>
                <p className="prewrap">{r.responseReasons}</p>
                {r.responsePlan ? (
                  <p className="prewrap">
                    {t("supervision.field.plan")}: {r.responsePlan}
                  </p>
                ) : null}
              </div>
            ) : null}
            {r.settleNote ? <p className="prewrap">{t("supervision.rec.settleNote", r.settleNote)}</p> : null}
            {r.mayAnswer ? (
              <details className="action" open={target === r.id}>
                <summary>{t("supervision.answer.title")}</summary>
                <Form method="post" noValidate>
                  <CsrfField />
                  <input type="hidden" name="intent" value="answer" />
                  <input type="hidden" name="recommendationId" value={r.id} />
                  <RadioGroup
                    name="response"
                    legend={t("supervision.field.response")}
                    required
                    error={target === r.id ? errors.response : undefined}
                    choices={RESPONSES.map((v) => ({ value: v, label: t(`supervision.response.${v}`) }))}
                  />
                  <TextArea
                    name="reasons"
                    id={`field-reasons-${r.id}`}
                    label={t("supervision.field.reasons")}
                    required
                    rows={5}
                    error={target === r.id ? errors.reasons : undefined}
                  />
                  <TextArea name="plan" id={`field-plan-${r.id}`} label={t("supervision.field.plan")} hint={t("supervision.field.plan.hint")} rows={4} />
                  <button type="submit" className="button button--primary">
                    {t("supervision.answer.submit")}
                  </button>
                </Form>
              </details>
            ) : null}
            {r.maySettle ? (
              <details className="action" open={target === r.id}>
                <summary>{t("supervision.settle.title")}</summary>
                <Form method="post" noValidate>
                  <CsrfField />
                  <input type="hidden" name="intent" value="settle" />
                  <input type="hidden" name="recommendationId" value={r.id} />
                  <RadioGroup
                    name="settled"
                    legend={t("supervision.field.settled")}
                    required
                    error={target === r.id ? errors.settled : undefined}
                    choices={[
                      { value: "yes", label: t("supervision.column.settled") },
                      { value: "no", label: t("supervision.column.not_settled") },
                    ]}
                  />
                  <TextArea name="note" id={`field-note-${r.id}`} label={t("supervision.field.settleNote")} rows={3} />
                  <button type="submit" className="button button--primary">
                    {t("supervision.settle.submit")}
                  </button>
                </Form>
              </details>
            ) : null}
          </article>
        ))}
        {s.isSupervisor && s.units.length ? (
          <details className="action" open={values.intent === "recommend"}>
            <summary>{t("supervision.recommend.title")}</summary>
            <p className="hint">{t("supervision.recommend.hint", s.responseDays)}</p>
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="recommend" />
              <SelectField name="unitId" label={t("supervision.field.unit")} required error={errors.unitId} defaultValue={values.unitId}>
                {s.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </SelectField>
              <TextArea name="body" label={t("supervision.field.recommendation")} required rows={6} error={errors.body} defaultValue={values.body} />
              <button type="submit" className="button button--primary">
                {t("supervision.recommend.submit")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>
    </StaffPage>
  );
}
