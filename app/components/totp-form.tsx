import { Form } from "@remix-run/react";
import { CsrfField, ErrorSummary, TextField } from "./form";
import { useT } from "~/i18n/use-t";
import { translateMessage } from "~/i18n";

/** The 6-digit code form, at sign-in and when turning the second factor on. */
export function TotpCodeForm({ error, hidden = {} }: { error?: string | null; hidden?: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={{ form: error ? translateMessage(t, error) : undefined }} order={["form"]} />
      <Form method="post" className="narrow">
        <CsrfField />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <TextField name="code" label={t("totp.code")} required inputMode="numeric" autoComplete="one-time-code" maxLength={8} />
        <button type="submit" className="button button--primary">
          {t("totp.submit")}
        </button>
      </Form>
    </>
  );
}
