// What an official can do with the case now: one panel per action (IntentForm), each field marked required or
// not by the action's own schema, the failed one open again with what was typed.
import { Form, Link } from "@remix-run/react";
import { SelectField, TextArea, TextField } from "~/components/form";
import { IntentForm } from "~/components/intent-form";
import { DateTimeText } from "~/components/case-parts";
import type { FieldSpecs } from "~/domain/form-schema";
import { useT } from "~/i18n/use-t";
import type { StaffCaseData } from "./types";
import type { StaffActionName } from "~/domain/case-forms";

interface Props {
  view: StaffCaseData;
  template: { id: number; title: string; body: string } | null;
  /** What was typed in the action that failed, with its `action`. */
  failed: Partial<Record<string, string>> | undefined;
  errors: Record<string, string | undefined>;
  /** Each action's fields as its schema says (required, maxLength). */
  fields: Record<string, FieldSpecs>;
}

export function ActionPanels({ view, template, failed, errors, fields }: Props) {
  const t = useT();
  const c = view.case;
  const was = (action: string) => failed?.action === action;
  const errorOf = (action: string, field: string) => (was(action) ? errors[field] : undefined);
  const note = (action: string, label: string, rows = 3) => {
    const spec = fields[action]?.note;
    return (
      <TextArea
        name="note"
        id={`note-${action}`}
        label={label}
        required={spec?.required}
        maxLength={spec?.maxLength}
        rows={rows}
        error={errorOf(action, "note")}
        defaultValue={was(action) ? failed?.note : undefined}
      />
    );
  };
  const panel = (action: StaffActionName, children: React.ReactNode, extra: { before?: React.ReactNode; multipart?: boolean; open?: boolean } = {}) => (
    <IntentForm
      key={action}
      field="action"
      intent={action}
      label={t(`action.${action}`)}
      open={was(action) || extra.open}
      before={extra.before}
      multipart={extra.multipart}
    >
      {children}
    </IntentForm>
  );
  const picker = view.templates.length ? <TemplatePicker templates={view.templates} code={c.code} /> : null;
  // The letter and its signature, for a direct answer or a draft (ids apart: both panels may be on the page).
  const answerFields = (action: "answer" | "draft_answer") => (
    <>
      <TextArea
        name="note"
        id={`note-${action}`}
        label={t("staffCase.answer.text")}
        required={fields[action]?.note?.required}
        maxLength={fields[action]?.note?.maxLength}
        rows={10}
        error={errorOf(action, "note")}
        defaultValue={was(action) ? failed?.note : (template?.body ?? "")}
      />
      <TextField
        name="signedBy"
        id={`signedBy-${action}`}
        label={t("staffCase.answer.signedBy")}
        required={fields[action]?.signedBy?.required}
        maxLength={fields[action]?.signedBy?.maxLength}
        error={errorOf(action, "signedBy")}
        defaultValue={was(action) ? failed?.signedBy : undefined}
      />
      <div className="field">
        <label htmlFor={`files-${action}`}>{t("staffCase.answer.files")}</label>
        <input type="file" id={`files-${action}`} name="attachments" multiple accept="image/*,.heic,application/pdf" />
      </div>
    </>
  );
  const hasOther = view.operations.some((o) => ["assign", "note", "remark", "extend"].includes(o));
  return (
    <aside className="case-actions" aria-labelledby="actions">
      <h2 id="actions">{t("staffCase.actions")}</h2>
      {view.answerDraft ? <PendingDraft view={view} note={note} was={was} /> : null}
      {view.workflowActions.length === 0 && !hasOther ? <p>{t("staffCase.noActions")}</p> : null}
      {view.workflowActions.map((action) => {
        const noteLabel = fields[action]?.note?.required ? t("staffCase.note") : t("staffCase.note.optional");
        switch (action) {
          case "refuse":
            return panel(
              action,
              <>
                <SelectField name="reason" label={t("staffCase.reason")} required error={errorOf(action, "reason")}>
                  {view.refusalReasons.map((r) => (
                    <option key={r} value={r}>
                      {t(`refusal.${r}`)}
                    </option>
                  ))}
                </SelectField>
                {note(action, noteLabel)}
              </>,
            );
          case "transfer":
            return panel(
              action,
              <>
                <SelectField name="toCommuneId" label={t("staffCase.transferTo")} required error={errorOf(action, "toCommuneId")}>
                  {view.transferTargets.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </SelectField>
                {note(action, noteLabel)}
              </>,
            );
          case "answer": {
            // An official answering what only the chairman decides prepares a draft instead (below).
            if (view.answerOnlyByDraft) return null;
            const hint = view.mayDraftAnswer ? <p className="hint">{t("staffCase.answer.ownName")}</p> : null;
            return panel(action, answerFields(action), {
              multipart: true,
              open: template !== null && !view.mayDraftAnswer,
              // One picker on the page: with the draft when the official may draft.
              before: (
                <>
                  {hint}
                  {view.mayDraftAnswer ? null : picker}
                </>
              ),
            });
          }
          case "close":
            // Closing an answer the resident has not confirmed needs a reason they and the public read (domain/closure.ts).
            return c.status === "answered"
              ? panel(
                  action,
                  <TextArea
                    name="note"
                    id="note-close"
                    label={t("staffCase.reason")}
                    hint={t("closure.staff.hint")}
                    required
                    rows={3}
                    error={errorOf(action, "note")}
                    defaultValue={was(action) ? failed?.note : undefined}
                  />,
                )
              : panel(action, note(action, noteLabel));
          case "suspend":
          case "terminate":
            return panel(
              action,
              <>
                <SelectField name="reason" label={t("staffCase.reason")} required error={errorOf(action, "reason")}>
                  {action === "suspend"
                    ? view.suspensionReasons.map((r) => (
                        <option key={r} value={r}>
                          {t(`suspend.reason.${r}`)}
                        </option>
                      ))
                    : view.terminationReasons.map((r) => (
                        <option key={r} value={r}>
                          {t(`terminate.reason.${r}`)}
                        </option>
                      ))}
                </SelectField>
                {note(action, t("staffCase.note"))}
              </>,
              { before: <p className="hint">{t(`${action}.hint`)}</p> },
            );
          case "take_over":
            return panel(action, note(action, t("staffCase.reason")), { before: <p className="hint">{t("staffCase.takeOver.hint", view.overdueDays)}</p> });
          default:
            return panel(action, note(action, noteLabel));
        }
      })}
      {view.mayDraftAnswer
        ? panel("draft_answer", answerFields("draft_answer"), {
            multipart: true,
            open: template !== null,
            before: (
              <>
                <p className="hint">{t("staffCase.draft.hint")}</p>
                {view.answerDraft ? <p className="hint">{t("staffCase.draft.replaces")}</p> : null}
                {picker}
              </>
            ),
          })
        : null}
      {view.operations.includes("assign") && view.officials.length
        ? panel(
            "assign",
            <SelectField name="assigneeUserId" label={t("staffCase.assign.to")} required error={errorOf("assign", "assigneeUserId")}>
              {view.officials.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.fullName}
                </option>
              ))}
            </SelectField>,
          )
        : null}
      {view.extensionDays
        ? panel(
            "extend",
            <>
              <p className="hint">{t("staffCase.extend.hint", view.extensionDays)}</p>
              {note("extend", t("staffCase.reason"))}
            </>,
          )
        : null}
      {(["note", "remark"] as const).filter((a) => view.operations.includes(a)).map((a) => panel(a, note(a, t("staffCase.note"))))}
      <p>
        <Link to={`/ho-so/${c.code}`}>{t("receipt.publicPage")}</Link>
      </p>
    </aside>
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

/** The answer waiting for a leader: its text and signature; "approve and send" and "return" for leaders only. */
function PendingDraft({
  view,
  note,
  was,
}: {
  view: StaffCaseData;
  note: (action: string, label: string, rows?: number) => React.ReactNode;
  was: (action: string) => boolean;
}) {
  const t = useT();
  const draft = view.answerDraft!;
  const draftId = <input type="hidden" name="draftId" value={draft.id} />;
  return (
    <section className="panel" aria-labelledby="answer-draft">
      <h3 id="answer-draft">{t("staffCase.draft.title")}</h3>
      <p className="hint">
        {draft.draftedBy ? `${t("staffCase.draft.by", draft.draftedBy)} — ` : null}
        <DateTimeText instant={draft.createdAt} />
      </p>
      <p className="prewrap">{draft.body}</p>
      <p>{t("staffCase.signedBy", draft.signedBy)}</p>
      {draft.attachments.length ? (
        <ul className="files">
          {draft.attachments.map((f) => (
            <li key={f.id}>
              <a href={`/tep/${f.id}`}>{f.displayName}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {view.mayApproveAnswer ? (
        <>
          <IntentForm bare field="action" intent="approve_answer" label={t("action.approve_answer")}>
            {draftId}
          </IntentForm>
          <IntentForm field="action" intent="return_answer" label={t("action.return_answer")} open={was("return_answer")}>
            {draftId}
            {note("return_answer", t("staffCase.draft.returnNote"))}
          </IntentForm>
        </>
      ) : (
        <p>{t("staffCase.draft.waiting")}</p>
      )}
    </section>
  );
}
