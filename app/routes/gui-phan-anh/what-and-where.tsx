// What the matter is (kind, category, the project or plan it concerns) and where it is (commune, hamlet, place).
import { useState } from "react";
import { RadioGroup, SelectField, TextField } from "~/components/form";
import { disclosureLinkLabel } from "~/domain/disclosure-link";
import { useT } from "~/i18n/use-t";
import type { FilingPartProps } from "./types";

export function WhatAndWhere({ data, values, errors, fields }: FilingPartProps) {
  const t = useT();
  const [commune, setCommune] = useState(values.commune ?? "");
  return (
    <>
      <RadioGroup
        name="kind"
        legend={t("file.kind.legend")}
        error={errors.kind}
        value={values.kind}
        required
        choices={data.kinds.map((k) => ({ value: k.code, label: t(`kind.${k.code}`), hint: t(`kind.${k.code}.hint`) }))}
      />

      <RadioGroup
        name="category"
        legend={t("file.category.legend")}
        error={errors.category}
        value={values.category}
        required
        choices={data.categories.map((code) => ({ value: code, label: t(`category.${code}`) }))}
      />

      <div className="conditional for-compensation">
        <RadioGroup
          name="projectLevel"
          legend={t("file.projectLevel.legend")}
          hint={t("file.projectLevel.hint")}
          error={errors.projectLevel}
          value={values.projectLevel}
          choices={(["commune", "district", "unknown"] as const).map((v) => ({ value: v, label: t(`file.projectLevel.${v}`) }))}
        />
      </div>

      {data.disclosureGroups.length || errors.disclosureId || errors.planRowNo ? (
        <SelectField
          name="disclosureId"
          label={t("file.disclosure")}
          hint={t("file.disclosure.hint")}
          error={errors.disclosureId ?? errors.planRowNo}
          defaultValue={values.disclosureId ?? ""}
        >
          <option value="">{t("file.disclosure.none")}</option>
          {data.disclosureGroups.map((g) => (
            <optgroup key={g.communeId} label={g.communeName}>
              {g.disclosures.map((d) => (
                <option key={d.id} value={d.id}>
                  {disclosureLinkLabel(t, d, null)}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
      ) : null}

      <fieldset className="group">
        <legend>{t("file.where.legend")}</legend>
        <SelectField
          name="commune"
          label={t("file.commune")}
          error={errors.commune}
          required
          defaultValue={values.commune ?? ""}
          onChange={(e) => setCommune(e.currentTarget.value)}
        >
          <option value="">{t("file.commune.choose")}</option>
          {data.communes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value="multiple">{t("file.commune.multiple")}</option>
          <option value="unknown">{t("file.commune.unknown")}</option>
        </SelectField>
        <SelectField name="hamletId" label={t("file.hamlet")} hint={t("file.hamlet.hint")} error={errors.hamletId} defaultValue={values.hamletId ?? ""}>
          <option value="">{t("file.hamlet.none")}</option>
          {data.communes
            .filter((c) => !commune || c.id === commune)
            .map((c) => (
              <optgroup key={c.id} label={c.name}>
                {data.hamlets
                  .filter((h) => h.communeId === c.id)
                  .map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.name} – {c.name}
                    </option>
                  ))}
              </optgroup>
            ))}
        </SelectField>
        <TextField
          name="place"
          label={t("file.place")}
          hint={t("file.place.hint")}
          error={errors.place}
          required
          defaultValue={values.place}
          maxLength={fields.place?.maxLength}
        />
      </fieldset>
    </>
  );
}
