// The action-panel idiom of the staff pages: one small form per thing one can do, behind a <details> that opens
// by itself when its last post failed (progressive disclosure, no JavaScript needed), with the CSRF token and the
// hidden field that says which intent of the page's schema this is.
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfField } from "./form";

export interface IntentFormProps {
  /** The value of the discriminator field (an action of a case, an intent of a disclosure or admin form). */
  intent: string;
  /** The discriminator's name in the page's schema. */
  field?: "intent" | "action";
  /** The panel's summary line, also the submit button's text unless `submitLabel` says otherwise. */
  label: ReactNode;
  submitLabel?: ReactNode;
  open?: boolean;
  /** When the form carries files. */
  multipart?: boolean;
  /** Shown inside the panel above the form (a hint, a template picker). */
  before?: ReactNode;
  /** Without a panel: the form alone (a button in a table row, say). */
  bare?: boolean;
  className?: string;
  children?: ReactNode;
}

export function IntentForm({ intent, field = "intent", label, submitLabel, open, multipart, before, bare, className, children }: IntentFormProps) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get(field) === intent;
  const form = (
    <Form method="post" encType={multipart ? "multipart/form-data" : undefined} noValidate className={bare ? className : undefined}>
      <CsrfField />
      <input type="hidden" name={field} value={intent} />
      {children}
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel ?? label}
      </button>
    </Form>
  );
  if (bare) return form;
  return (
    <details className={`action${className ? ` ${className}` : ""}`} open={open}>
      <summary>{label}</summary>
      {before}
      {form}
    </details>
  );
}
