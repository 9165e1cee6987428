import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateText, DateTimeText, StatusBadge } from "~/components/case-parts";
import { formatDate, formatDateTime } from "~/domain/dates";
import { Pager } from "~/components/pager";
import { PlanChanges, PlanTable } from "~/components/plan-table";
import { Checkbox, ErrorSummary, TextArea, TextField, useTranslatedErrors } from "~/components/form";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import { submitComment } from "~/services/disclosures/forms.server";
import { relatedCases } from "~/services/disclosures/links.server";
import { publicCritiques } from "~/services/supervision/supervision.server";
import { Critiques } from "~/components/critiques";
import { publicDisclosure } from "~/services/disclosures/reading.server";
import { publicPlanTable } from "~/services/disclosures/plan-table.server";
import type { RequestContext } from "~/services/platform/request.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { translateMessage } from "~/i18n";

export const meta = pageMeta<{ disclosure: { title: string; summary: string } }>((_t, data) => data.disclosure.title, {
  description: (_t, data) => data.disclosure.summary,
});
export const headers = forwardHeaders;

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const search = new URL(request.url).searchParams;
  const disclosure = await publicDisclosure(params.slug ?? "", new Date(), Number(search.get("trang-y-kien") ?? "1") || 1);
  if (!disclosure) throw new Response("Not found", { status: 404 });
  const plan = await publicPlanTable(disclosure, Number(search.get("trang-bang") ?? "1") || 1);
  // The Front's critiques of this version and of the consulted one it replaces, with the unit's answers.
  const critiques = await publicCritiques(disclosure.previousId ? [disclosure.id, disclosure.previousId] : [disclosure.id]);
  return json({ disclosure, plan, critiques, related: await relatedCases(disclosure), sent: search.has("da-gui") });
});

export const action = guard(async ({ request, params, context }: ActionFunctionArgs) => {
  const outcome = await submitComment(request, context as RequestContext, params.slug ?? "");
  if (outcome.outcome === "sent") return redirect(`/cong-khai/${params.slug}?da-gui#y-kien`, 303);
  if (outcome.outcome === "invalid") return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
  return rejectionResponse(outcome, {});
});

export default function DisclosurePage() {
  const { disclosure: d, plan, critiques, related, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors as Record<string, string> | undefined);
  const values = (result?.values ?? {}) as Record<string, string>;
  return (
    <article>
      <p className="hint">
        {t(`dtype.${d.typeCode}`)} · {d.communeName} · {t("disclosure.version", d.version)}
      </p>
      <h1>{d.title}</h1>
      <p>
        <span className={`status status--d-${d.status}`}>{t(d.statusLabel)}</span>
      </p>
      {d.status === "withdrawn" ? <p className="notice notice--warning">{t("disclosure.withdrawnBecause", d.statusReason ?? "")}</p> : null}
      {d.status === "superseded" ? <p className="notice notice--warning">{t("disclosure.supersededBy")}</p> : null}
      {d.postingFrom && d.postingTo ? (
        <p>
          {t("disclosure.posting")}: <DateText date={d.postingFrom} /> – <DateText date={d.postingTo} />
        </p>
      ) : null}
      {d.postingSignedOn ? <p className="notice">{t("disclosure.posting.reposted", formatDate(d.postingSignedOn))}</p> : null}
      {d.versionReason && d.postingFrom && d.postingTo ? (
        <div className="notice">
          <p>{t("disclosure.posting.restarted", d.version, formatDate(d.postingFrom), formatDate(d.postingTo), d.versionReason)}</p>
          <p className="hint">{t("disclosure.posting.restartRule")}</p>
        </div>
      ) : null}
      <p className="lead prewrap">{d.summary}</p>
      {d.keyFigures.length ? (
        <section aria-labelledby="figures">
          <h2 id="figures">{t("disclosure.keyFigures")}</h2>
          <dl className="summary-list">
            {d.keyFigures.map((k) => (
              <div key={k.label}>
                <dt>{k.label}</dt>
                <dd>{k.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <div className="prewrap">{d.body}</div>
      {plan ? (
        <section aria-labelledby="plan-heading" id="bang">
          <h2 id="plan-heading">{t("plan.title")}</h2>
          <p>{t("plan.intro")}</p>
          {!plan.namesPublic ? <p className="hint">{t("plan.namesMasked")}</p> : null}
          <p>
            <Link to={`/cong-khai/${d.slug}/ho-gia-dinh`} className="button">
              {t("plan.household.link")}
            </Link>
          </p>
          {plan.rows.length ? <PlanTable id="plan-caption" caption={t("plan.title")} rows={plan.rows} totals={plan.totals} /> : <p>{t("plan.none")}</p>}
          <Pager page={plan.page} pages={plan.pages} label={t("plan.title")} link={(p) => `?trang-bang=${p}#bang`} />
          {plan.hasPrevious ? (
            <>
              <h3>{t("plan.changes")}</h3>
              <PlanChanges changes={plan.changes} />
            </>
          ) : null}
        </section>
      ) : null}
      {d.documents.length ? (
        <section aria-labelledby="documents">
          <h2 id="documents">{t("disclosure.documents")}</h2>
          <ul className="files">
            {d.documents.map((doc) => (
              <li key={doc.id}>
                <a href={`/cong-khai/tai-lieu/${doc.id}`}>{doc.displayName}</a> ({Math.max(1, Math.round(doc.sizeBytes / 1024))} KB)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.changes.length ? (
        <section aria-labelledby="changes">
          <h2 id="changes">{t("disclosure.changes")}</h2>
          {d.changes.map((c) => (
            <div key={c.field} className="change">
              <h3>{translateMessage(t, `disclosure.field.${c.field}`)}</h3>
              <div className="change-pair">
                <div>
                  <p className="hint">{t("disclosure.change.before")}</p>
                  <del className="prewrap">{c.before}</del>
                </div>
                <div>
                  <p className="hint">{t("disclosure.change.after")}</p>
                  <ins className="prewrap">{c.after}</ins>
                </div>
              </div>
            </div>
          ))}
        </section>
      ) : null}
      {d.versions.length ? (
        <section aria-labelledby="versions">
          <h2 id="versions">{t("disclosure.versions")}</h2>
          <ul>
            {d.versions.map((v) => (
              <li key={v.slug}>
                <a href={`/cong-khai/${v.slug}`}>{t("disclosure.version", v.version)}</a> — {t(`dstatus.${v.status}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Critiques critiques={critiques} />
      <section aria-labelledby="related-cases" id="phan-anh">
        <h2 id="related-cases">{t("disclosure.cases")}</h2>
        {related.total === 0 ? (
          <p>{t("disclosure.cases.none")}</p>
        ) : (
          <>
            <p>{t("disclosure.cases.total", related.total)}</p>
            <h3>{t("disclosure.cases.byStatus")}</h3>
            <dl className="summary-list">
              {related.byStatus.map((s) => (
                <div key={s.status}>
                  <dt>{t(`status.${s.status}`)}</dt>
                  <dd>{s.count}</dd>
                </div>
              ))}
            </dl>
            <h3>{t("disclosure.cases.latest")}</h3>
            {related.total > related.latest.length ? <p className="hint">{t("disclosure.cases.shown", related.latest.length, related.total)}</p> : null}
            <ul className="related-cases">
              {related.latest.map((c) => (
                <li key={c.code}>
                  <a href={`/ho-so/${c.code}`}>{c.code}</a> — {t(`category.${c.categoryCode}`)} — <StatusBadge status={c.status} />
                  {c.title ? <> — {c.title}</> : null}
                </li>
              ))}
            </ul>
            <p className="hint">{t("disclosure.cases.note")}</p>
          </>
        )}
        {related.fileHref ? (
          <p>
            <a className="button" href={related.fileHref}>
              {t("disclosure.fileCase")}
            </a>
          </p>
        ) : null}
      </section>

      {d.consultationPhase ? (
        <section aria-labelledby="consultation-title" id="y-kien">
          <h2 id="consultation-title">{t("disclosure.consultation")}</h2>
          {d.consultationPeriod ? (
            <p>{t("disclosure.consultation.period", formatDateTime(d.consultationPeriod.from), formatDateTime(d.consultationPeriod.to))}</p>
          ) : null}
          {d.consultationPhase === "closed_early" && d.consultationPeriod?.announcedTo ? (
            <p className="notice notice--warning">
              {t(
                "disclosure.consultation.closedEarly",
                formatDateTime(d.consultationPeriod.to),
                formatDateTime(d.consultationPeriod.announcedTo),
                d.consultationCloseReason ?? "",
              )}
            </p>
          ) : null}
          {d.consultationPhase === "closed" || d.consultationPhase === "closed_early" ? (
            <>
              <h3>{t("disclosure.consultation.summary")}</h3>
              <p>{d.commentsReceived ? t("disclosure.consultation.received", d.commentsReceived) : t("disclosure.consultation.noneReceived")}</p>
              {d.consultationSummary && d.commentsReceived ? <p className="prewrap">{d.consultationSummary}</p> : null}
            </>
          ) : null}
          <h3>{t("disclosure.comments")}</h3>
          {d.comments.length === 0 ? <p>{t("disclosure.comments.none")}</p> : null}
          <ol className="comments">
            {d.comments.map((c) => (
              <li key={c.id}>
                <p className="hint">
                  {c.author ?? t("disclosure.comment.anonymous")} — <DateTimeText instant={c.createdAt} />
                </p>
                {c.body !== null ? <p className="prewrap">{c.body}</p> : <p className="notice">{t("disclosure.comment.hidden", c.hiddenReason ?? "")}</p>}
                {c.reply ? (
                  <div className="reply">
                    <p className="hint">{t("disclosure.comment.reply")}</p>
                    <p className="prewrap">{c.reply}</p>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          <Pager page={d.commentPages.page} pages={d.commentPages.pages} label={t("disclosure.comments")} link={(p) => `?trang-y-kien=${p}#y-kien`} />
          {sent ? (
            <p className="panel panel--success" role="status">
              {t("disclosure.comment.sent")}
            </p>
          ) : null}
          {d.commentsOpen ? (
            <>
              <h3>{t("disclosure.comment.form")}</h3>
              <ErrorSummary errors={errors} order={["body", "authorName", "authorPhone"]} />
              <p className="hint">{t("disclosure.comment.hint")}</p>
              <Form method="post" className="narrow" noValidate>
                <TextArea name="body" label={t("disclosure.comment.body")} required rows={5} error={errors.body} defaultValue={values.body} />
                <TextField
                  name="authorName"
                  label={t("disclosure.comment.name")}
                  required
                  autoComplete="name"
                  error={errors.authorName}
                  defaultValue={values.authorName}
                />
                <TextField
                  name="authorPhone"
                  type="tel"
                  label={t("disclosure.comment.phone")}
                  required
                  autoComplete="tel"
                  error={errors.authorPhone}
                  defaultValue={values.authorPhone}
                />
                <Checkbox name="showName" label={t("disclosure.comment.showName")} checked={values.showName === "on"} />
                <button type="submit" className="button button--primary">
                  {t("disclosure.comment.submit")}
                </button>
              </Form>
            </>
          ) : (
            <p>
              {errors.form ??
                (d.consultationPhase === "upcoming" && d.consultationFrom
                  ? t("disclosure.consultation.upcoming", formatDateTime(d.consultationFrom))
                  : t("disclosure.consultation.closed"))}
            </p>
          )}
        </section>
      ) : null}
    </article>
  );
}
