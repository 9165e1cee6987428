// Drafting, publishing, consultation, new version and withdrawal: one IntentForm per step the status allows.
import { Checkbox, TextArea, TextField } from "~/components/form";
import { IntentForm } from "~/components/intent-form";
import { allowedDisclosureActions, type DisclosureStatus } from "~/domain/disclosure";
import { useT } from "~/i18n/use-t";
import type { PanelProps } from "./types";

export function LifecyclePanels({ data, values, errors, failed }: PanelProps) {
  const t = useT();
  const { disclosure: d, type, canManage, suggestedPosting, suggestedConsultation, commentPages } = data;
  if (!canManage) return null;
  const actions = allowedDisclosureActions(d.status as DisclosureStatus);
  const errorOf = (intent: string, field: string) => (failed === intent ? errors[field] : undefined);
  return (
    <>
      {d.status === "draft" ? (
        <IntentForm intent="update" label={t("sd.save")} open={failed === "update"}>
          <TextField
            name="title"
            id="u-title"
            label={t("disclosure.field.title")}
            required
            defaultValue={values.title ?? d.title}
            error={errorOf("update", "title")}
          />
          <TextArea
            name="summary"
            id="u-summary"
            label={t("sd.summary")}
            required
            rows={3}
            defaultValue={values.summary ?? d.summary}
            error={errorOf("update", "summary")}
          />
          <TextArea name="body" id="u-body" label={t("sd.body")} required rows={10} defaultValue={values.body ?? d.body} error={errorOf("update", "body")} />
          <TextArea
            name="keyFigures"
            id="u-figures"
            label={t("sd.keyFigures")}
            rows={4}
            defaultValue={values.keyFigures ?? d.keyFigures.map((k) => `${k.label}: ${k.value}`).join("\n")}
          />
        </IntentForm>
      ) : null}

      {actions.includes("publish") ? (
        <IntentForm
          intent="publish"
          label={t("sd.publish")}
          open
          before={
            <p className="hint">
              {t("sd.publish.hint", type.minPostingDays)} {t("sd.publish.fromHint")}
            </p>
          }
        >
          <TextField
            name="from"
            id="p-from"
            type="date"
            label={t("sd.from")}
            required
            defaultValue={values.from ?? suggestedPosting.from}
            error={errorOf("publish", "from")}
          />
          <TextField
            name="to"
            id="p-to"
            type="date"
            label={t("sd.to")}
            required
            defaultValue={values.to ?? suggestedPosting.to}
            error={errorOf("publish", "to")}
          />
          {d.previousId ? (
            <TextArea
              name="versionReason"
              id="p-version-reason"
              label={t("sd.versionReason")}
              hint={t("sd.versionReason.hint", type.minPostingDays)}
              required
              rows={3}
              defaultValue={values.versionReason}
              error={errorOf("publish", "versionReason")}
            />
          ) : (
            <>
              <Checkbox name="reposted" label={t("sd.reposted")} checked={values.reposted === "on"} />
              <TextField
                name="signedOn"
                id="p-signed-on"
                type="date"
                label={t("sd.signedOn")}
                defaultValue={values.signedOn}
                error={errorOf("publish", "signedOn")}
              />
            </>
          )}
        </IntentForm>
      ) : null}

      {actions.includes("open_consultation") && type.consultation ? (
        <IntentForm
          intent="open-consultation"
          label={t("sd.openConsultation")}
          open={failed === "open-consultation"}
          before={<p className="hint">{t("sd.consultation.hint", type.minConsultationDays, type.consultationSource)}</p>}
        >
          <TextField
            name="from"
            id="c-from"
            type="datetime-local"
            label={t("sd.consultation.from")}
            required
            defaultValue={values.from ?? suggestedConsultation.from}
            error={errorOf("open-consultation", "from")}
          />
          <TextField
            name="to"
            id="c-to"
            type="datetime-local"
            label={t("sd.consultation.to")}
            required
            defaultValue={values.to ?? suggestedConsultation.to}
            error={errorOf("open-consultation", "to")}
          />
        </IntentForm>
      ) : null}

      {actions.includes("close_consultation") ? (
        <IntentForm intent="close-consultation" label={t("sd.closeConsultation")} open={failed === "close-consultation"}>
          <TextArea
            name="summary"
            id="cc-summary"
            label={t("sd.summaryOfComments")}
            hint={t("sd.summaryOfComments.hint", commentPages.total)}
            required={commentPages.total > 0}
            rows={8}
            defaultValue={values.summary}
            error={errorOf("close-consultation", "summary")}
          />
          <TextArea
            name="reason"
            id="cc-reason"
            label={t("sd.closeReason")}
            rows={3}
            defaultValue={values.reason}
            error={errorOf("close-consultation", "reason")}
          />
        </IntentForm>
      ) : null}

      {actions.includes("supersede") ? (
        <div className="actions">
          <IntentForm intent="new-version" label={t("sd.newVersion")} bare />
        </div>
      ) : null}

      {actions.includes("withdraw") ? (
        <IntentForm intent="withdraw" label={t("sd.withdraw")} open={failed === "withdraw"}>
          <TextArea name="reason" id="w-reason" label={t("sd.reason")} required rows={3} error={errorOf("withdraw", "reason")} />
        </IntentForm>
      ) : null}
    </>
  );
}
