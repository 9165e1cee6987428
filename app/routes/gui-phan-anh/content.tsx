// The matter itself, and what a complaint or a denunciation must also say (only shown for those kinds).
import { Checkbox, TextArea, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { FilingPartProps } from "./types";

export function CaseContent({ data, values, errors, fields }: FilingPartProps) {
  const t = useT();
  const requiredBy = (field: string) => data.kinds.filter((k) => k.required.includes(field as never)).map((k) => k.code);
  const kindClass = (field: string) =>
    requiredBy(field)
      .map((k) => `for-${k}`)
      .join(" ");
  return (
    <>
      <fieldset className="group">
        <legend>{t("file.content.legend")}</legend>
        <TextField
          name="title"
          label={t("file.title.label")}
          hint={t("file.title.hint")}
          error={errors.title}
          required
          defaultValue={values.title}
          maxLength={fields.title?.maxLength}
        />
        <TextArea
          name="description"
          label={t("file.description")}
          hint={t("file.description.hint")}
          error={errors.description}
          required
          defaultValue={values.description}
          rows={8}
        />
        <TextArea
          name="requestedOutcome"
          label={t("file.requestedOutcome")}
          error={errors.requestedOutcome}
          required
          defaultValue={values.requestedOutcome}
          rows={3}
        />
      </fieldset>

      <fieldset className={`group conditional ${kindClass("complainedDecision")}`}>
        <legend>{t("file.complaint.legend")}</legend>
        <p className="hint">{t("file.complaint.hint")}</p>
        <TextField
          name="complainedDecision"
          label={t("file.complainedDecision")}
          hint={t("file.complainedDecision.hint")}
          error={errors.complainedDecision}
          required
          defaultValue={values.complainedDecision}
        />
        <TextField name="complainedBody" label={t("file.complainedBody")} error={errors.complainedBody} required defaultValue={values.complainedBody} />
        <TextField
          name="decisionKnownOn"
          type="date"
          label={t("file.decisionKnownOn")}
          hint={t("file.decisionKnownOn.hint")}
          error={errors.decisionKnownOn}
          required
          defaultValue={values.decisionKnownOn}
        />
      </fieldset>

      <fieldset className={`group conditional ${kindClass("accusedPerson")}`}>
        <legend>{t("file.denunciation.legend")}</legend>
        <p className="hint">{t("file.denunciation.hint")}</p>
        <TextField name="accusedPerson" label={t("file.accusedPerson")} error={errors.accusedPerson} required defaultValue={values.accusedPerson} />
        <Checkbox
          name="concernsOfficial"
          label={t("file.concernsOfficial")}
          hint={t("file.concernsOfficial.hint")}
          checked={values.concernsOfficial === "on"}
        />
      </fieldset>
    </>
  );
}
