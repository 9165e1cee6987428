// Who files (never public), and the consents the law asks for.
import { Checkbox, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { FilingPartProps } from "./types";

export function ContactAndConsent({ values, errors, fields }: FilingPartProps) {
  const t = useT();
  return (
    <>
      <fieldset className="group">
        <legend>{t("file.contact.legend")}</legend>
        <p className="hint">{t("file.contact.hint")}</p>
        <TextField
          name="fullName"
          label={t("file.fullName")}
          error={errors.fullName}
          required
          defaultValue={values.fullName}
          autoComplete="name"
          maxLength={fields.fullName?.maxLength}
        />
        <TextField
          name="phone"
          type="tel"
          label={t("file.phone")}
          hint={t("file.phone.hint")}
          error={errors.phone}
          required
          defaultValue={values.phone}
          autoComplete="tel"
          inputMode="tel"
        />
        <TextField
          name="email"
          type="email"
          label={t("file.email")}
          hint={t("file.email.hint")}
          error={errors.email}
          defaultValue={values.email}
          autoComplete="email"
        />
        <TextField name="address" label={t("file.address")} error={errors.address} required defaultValue={values.address} autoComplete="street-address" />
        <TextField
          name="idNumber"
          label={t("file.idNumber")}
          hint={t("file.idNumber.hint")}
          error={errors.idNumber}
          defaultValue={values.idNumber}
          inputMode="numeric"
          maxLength={20}
        />
      </fieldset>

      <fieldset className="group">
        <legend>{t("file.consent.legend")}</legend>
        <Checkbox name="dataConsent" label={t("file.dataConsent")} error={errors.dataConsent} checked={values.dataConsent === "on"} />
        <Checkbox name="truthConfirmed" label={t("file.truthConfirmed")} error={errors.truthConfirmed} checked={values.truthConfirmed === "on"} />
        <Checkbox name="publishConsent" label={t("file.publishConsent")} checked={values.publishConsent === "on"} />
      </fieldset>
    </>
  );
}
