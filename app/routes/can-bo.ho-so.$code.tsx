import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DateText, DateTimeText, StatusBadge } from "~/components/case-parts";
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, useTranslatedErrors } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { disclosureLinkLabel } from "~/domain/disclosure-link";
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

export const meta = pageMeta<{ view: { case: { code: string } } }>((t, data) => t("title.staff.case", data.view.case.code), { noindex: true });
export const headers = forwardHeaders;

export const loader = guard(async ({ request, params, context }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  const url = new URL(request.url);
  const view = await staffCaseView(session.user, params.code ?? "", (context as RequestContext).clientIp ?? "unknown");
  const templateId = Number(url.searchParams.get("mau"));
  const template = view.templates.find((tpl) => tpl.id === templateId) ?? null;
  return json({ staff: await staffHeader(session), view, template, done: url.searchParams.get("da-luu") }, { headers: NO_STORE });
});

export const action = guard(async ({ request, params, context }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const outcome = await submitStaffAction(request, context as RequestContext, session.user, params.code ?? "");
  switch (outcome.outcome) {
    case "done":
      return redirect(`/can-bo/ho-so/${params.code}?da-luu=${outcome.action}`, 303);
    case "invalid":
      return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
    default:
      return rejectionResponse<FormValues>(outcome, {});
  }
});

export default function StaffCase() {
  const { staff, view, template, done } = useLoaderData<typeof loader>();
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
        anchors={failed?.action ? { note: `note-${failed.action}` } : {}}
      />

      <div className="case-layout">
        <div className="case-main">
          <dl className="summary-list">
            <div>
              <dt>{t("case.status")}</dt>
              <dd>
                <StatusBadge status={c.status} />
              </dd>
            </div>
            <div>
              <dt>{t("staffCase.stage")}</dt>
              <dd>{t(`stage.${c.stage}`)}</dd>
            </div>
            <div>
              <dt>{t("staffCase.due")}</dt>
              <dd>
                {c.paused ? (
                  t("staffCase.paused")
                ) : (
                  <>
                    <DateText date={c.dueOn} />
                    {c.urgency && c.urgency !== "on_track" ? <span className={`urgency urgency--${c.urgency}`}>{t(`urgency.${c.urgency}`)}</span> : null}
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t("case.kind")}</dt>
              <dd>
                {t(`kind.${c.kindCode}`)} — {t(`category.${c.categoryCode}`)}
              </dd>
            </div>
            <div>
              <dt>{t("case.commune")}</dt>
              <dd>
                {c.communeName}
                <span className="hint-inline">{t(`routing.${c.routingReason}`)}</span>
              </dd>
            </div>
            <div>
              <dt>{t("staffCase.assignee")}</dt>
              <dd>{c.assigneeName ?? t("staffCase.unassigned")}</dd>
            </div>
            <div>
              <dt>{t("staffCase.location")}</dt>
              <dd>
                {c.locationScope === "commune"
                  ? c.locationCommuneName
                  : c.locationScope === "multiple"
                    ? t("staffCase.severalCommunes")
                    : t("staffCase.unknownPlace")}
                {c.hamletName ? ` — ${c.hamletName}` : ""} — {c.place}
              </dd>
            </div>
            {c.projectLevel ? (
              <div>
                <dt>{t("staffCase.projectLevel")}</dt>
                <dd>{t(`file.projectLevel.${c.projectLevel}`)}</dd>
              </div>
            ) : null}
            {c.disclosure ? (
              <div>
                <dt>{t("case.relatedDisclosure")}</dt>
                <dd>
                  <a href={c.disclosure.href}>{disclosureLinkLabel(t, c.disclosure, c.disclosure.rowNo)}</a>
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t("case.receivedAt")}</dt>
              <dd>
                <DateTimeText instant={c.receivedAt} />
              </dd>
            </div>
            <div>
              <dt>{t("staffCase.publish")}</dt>
              <dd>{c.publishConsent ? t("staffCase.publish.yes") : t("staffCase.publish.no")}</dd>
            </div>
          </dl>

          <section aria-labelledby="content">
            <h2 id="content">{t("case.content")}</h2>
            <p className="prewrap">{c.description}</p>
            <h3>{t("case.requestedOutcome")}</h3>
            <p className="prewrap">{c.requestedOutcome}</p>
          </section>

          <section aria-labelledby="contact">
            <h2 id="contact">{t("staffCase.contact")}</h2>
            {view.contact ? (
              <>
                {view.contact.confidential ? <p className="notice notice--warning">{t("staffCase.contact.confidential")}</p> : null}
                <dl className="summary-list">
                  <div>
                    <dt>{t("file.fullName")}</dt>
                    <dd>{view.contact.fullName}</dd>
                  </div>
                  <div>
                    <dt>{t("file.phone")}</dt>
                    <dd>
                      <a href={`tel:${view.contact.phone.replace(/\s/g, "")}`}>{view.contact.phone}</a>
                    </dd>
                  </div>
                  {view.contact.email ? (
                    <div>
                      <dt>{t("file.email")}</dt>
                      <dd>{view.contact.email}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t("file.address")}</dt>
                    <dd>{view.contact.address}</dd>
                  </div>
                  {view.contact.idNumber ? (
                    <div>
                      <dt>{t("staffCase.idNumber")}</dt>
                      <dd>{view.contact.idNumber}</dd>
                    </div>
                  ) : null}
                  {Object.entries(view.contact.details).map(([field, value]) => (
                    <div key={field}>
                      <dt>{t(`file.${field}`)}</dt>
                      <dd>{String(value)}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : (
              <p>{t("staffCase.contact.hidden")}</p>
            )}
          </section>

          <section aria-labelledby="timeline">
            <h2 id="timeline">{t("staffCase.timeline")}</h2>
            <ol className="timeline">
              {view.events.map((e) => (
                <li key={e.id} className={e.visibility === "internal" ? "timeline--internal" : undefined}>
                  <p className="timeline-head">
                    <strong>{t(`event.${e.type}`)}</strong>
                    {e.visibility === "internal" ? <span className="tag">{t("staffCase.internal")}</span> : null} — <DateTimeText instant={e.createdAt} />
                    {e.actorName ? ` — ${t("staffCase.by", e.actorName)}` : ""}
                  </p>
                  {e.body ? <p className="prewrap">{e.body}</p> : null}
                  {e.meta && typeof e.meta === "object" && "signedBy" in e.meta ? <p>{t("staffCase.signedBy", String(e.meta.signedBy))}</p> : null}
                  {e.meta && typeof e.meta === "object" && "reason" in e.meta ? <p>{t(`refusal.${String(e.meta.reason)}`)}</p> : null}
                  {e.attachments.length ? (
                    <ul className="files">
                      {e.attachments.map((f) => (
                        <li key={f.id}>
                          <a href={`/tep/${f.id}`}>{f.displayName}</a> ({Math.max(1, Math.round(f.sizeBytes / 1024))} KB)
                          {f.latitude !== null && f.longitude !== null ? (
                            <span className="hint-inline">{t("staffCase.location.gps", f.latitude.toFixed(5), f.longitude.toFixed(5))}</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside className="case-actions" aria-labelledby="actions">
          <h2 id="actions">{t("staffCase.actions")}</h2>
          {view.workflowActions.length === 0 && !view.operations.some((o) => ["assign", "note", "remark", "extend"].includes(o)) ? (
            <p>{t("staffCase.noActions")}</p>
          ) : null}
          {view.workflowActions.map((action) => (
            <ActionForm
              key={action}
              action={action}
              open={failed?.action === action || (action === "answer" && template !== null)}
              before={action === "answer" && view.templates.length ? <TemplatePicker templates={view.templates} code={c.code} /> : null}
            >
              {action === "refuse" ? (
                <SelectField name="reason" label={t("staffCase.reason")} required error={errors.reason}>
                  {view.refusalReasons.map((r) => (
                    <option key={r} value={r}>
                      {t(`refusal.${r}`)}
                    </option>
                  ))}
                </SelectField>
              ) : null}
              {action === "transfer" ? (
                <SelectField name="toCommuneId" label={t("staffCase.transferTo")} required error={errors.toCommuneId}>
                  {view.transferTargets.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </SelectField>
              ) : null}
              {action === "answer" ? (
                <>
                  <TextArea
                    name="note"
                    id={`note-${action}`}
                    label={t("staffCase.answer.text")}
                    required
                    rows={10}
                    error={failed?.action === action ? errors.note : undefined}
                    defaultValue={failed?.action === action ? failed.note : (template?.body ?? "")}
                  />
                  <TextField name="signedBy" label={t("staffCase.answer.signedBy")} required error={errors.signedBy} defaultValue={failed?.signedBy} />
                  <div className="field">
                    <label htmlFor="answer-files">{t("staffCase.answer.files")}</label>
                    <input type="file" id="answer-files" name="attachments" multiple accept="image/*,.heic,application/pdf" />
                  </div>
                </>
              ) : (
                <TextArea
                  name="note"
                  id={`note-${action}`}
                  label={["accept", "start", "close"].includes(action) ? t("staffCase.note.optional") : t("staffCase.note")}
                  required={!["accept", "start", "close"].includes(action)}
                  rows={3}
                  error={failed?.action === action ? errors.note : undefined}
                  defaultValue={failed?.action === action ? failed.note : undefined}
                />
              )}
            </ActionForm>
          ))}
          {view.operations.includes("assign") && view.officials.length ? (
            <ActionForm action="assign" open={failed?.action === "assign"}>
              <SelectField name="assigneeUserId" label={t("staffCase.assign.to")} required error={errors.assigneeUserId}>
                {view.officials.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.fullName}
                  </option>
                ))}
              </SelectField>
            </ActionForm>
          ) : null}
          {view.extensionDays ? (
            <ActionForm action="extend" open={failed?.action === "extend"}>
              <p className="hint">{t("staffCase.extend.hint", view.extensionDays)}</p>
              <TextArea
                name="note"
                id="note-extend"
                label={t("staffCase.reason")}
                required
                rows={3}
                error={failed?.action === "extend" ? errors.note : undefined}
              />
            </ActionForm>
          ) : null}
          {(["note", "remark"] as const)
            .filter((a) => view.operations.includes(a))
            .map((a) => (
              <ActionForm key={a} action={a} open={failed?.action === a}>
                <TextArea name="note" id={`note-${a}`} label={t("staffCase.note")} required rows={3} error={failed?.action === a ? errors.note : undefined} />
              </ActionForm>
            ))}
          <p>
            <Link to={`/ho-so/${c.code}`}>{t("receipt.publicPage")}</Link>
          </p>
        </aside>
      </div>
    </StaffPage>
  );
}

/** Each action is its own small form (progressive disclosure with <details>, no JavaScript needed). */
function ActionForm({ action, open, before, children }: { action: string; open?: boolean; before?: React.ReactNode; children: React.ReactNode }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("action") === action;
  return (
    <details className="action" open={open}>
      <summary>{t(`action.${action}`)}</summary>
      {before}
      <Form method="post" encType={action === "answer" ? "multipart/form-data" : undefined} noValidate>
        <CsrfField />
        <input type="hidden" name="action" value={action} />
        {children}
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(`action.${action}`)}
        </button>
      </Form>
    </details>
  );
}

function TemplatePicker({ templates, code }: { templates: { id: number; title: string }[]; code: string }) {
  const t = useT();
  return (
    <Form method="get" action={`/can-bo/ho-so/${code}`} className="template-picker">
      <label htmlFor="template">{t("staffCase.template")}</label>
      <select id="template" name="mau">
        {templates.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {tpl.title}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        {t("staffCase.template.use")}
      </button>
    </Form>
  );
}
