// GOV.UK-style form parts: a label, a hint, the error right above the input, all linked for screen readers.
import { useEffect, useRef, type InputHTMLAttributes, type MouseEvent, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { Form, useMatches } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { translateMessage } from "~/i18n";

export const fieldId = (name: string) => `field-${name}`;

interface FieldProps {
  name: string;
  /** Element id when one page has several fields of the same name (defaults to field-<name>). */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Translated error text, if any. */
  error?: string;
  required?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function LabelText({ label, required }: { label: ReactNode; required?: boolean }) {
  const t = useT();
  return (
    <>
      {label} <span className="label-note">{required ? t("file.required") : t("file.optional")}</span>
    </>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{t("file.errorSummary")}: </span>
      {error.split("\n").map((line, i) => (
        <span key={i} className="field-error-line">
          {line}
        </span>
      ))}
    </p>
  );
}

/** Label, hint and error around one control, all linked for screen readers; the control gets the ARIA props. */
function Field({ name, label, hint, error, required, id = fieldId(name), control }: FieldProps & { control: (aria: Record<string, unknown>) => ReactNode }) {
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>
        <LabelText label={label} required={required} />
      </label>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
      {control({
        id,
        name,
        "aria-describedby": describedBy(id, hint, error),
        "aria-invalid": error ? true : undefined,
        "aria-required": required || undefined,
      })}
    </div>
  );
}

type Own = keyof FieldProps;

export function TextField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, Own>) {
  const { name, label, hint, error, required, id, ...input } = props;
  return <Field {...{ name, label, hint, error, required, id }} control={(aria) => <input {...aria} {...input} />} />;
}

export function TextArea(props: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own>) {
  const { name, label, hint, error, required, id, ...input } = props;
  return <Field {...{ name, label, hint, error, required, id }} control={(aria) => <textarea {...aria} {...input} />} />;
}

export function SelectField(props: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, Own>) {
  const { name, label, hint, error, required, id, children, ...select } = props;
  return (
    <Field
      {...{ name, label, hint, error, required, id }}
      control={(aria) => (
        <select {...aria} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/** A filter of a list page: "any" first, then the choices; the value comes back in the address (GET form). */
export function FilterSelect({
  name,
  id = `f-${name}`,
  label,
  value,
  options,
}: {
  name: string;
  id?: string;
  label: string;
  value?: string | null;
  options: readonly (readonly [string, string])[];
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{t("inbox.any")}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** A fieldset of radios; the first radio carries the field id so the error summary can link to it. */
export function RadioGroup({
  name,
  legend,
  hint,
  error,
  choices,
  value,
  required,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: Choice[];
  value?: string;
  required?: boolean;
}) {
  return (
    <fieldset className={`field radios${error ? " field--error" : ""}`} aria-describedby={describedBy(fieldId(name), hint, error)}>
      <legend>
        <LabelText label={legend} required={required} />
      </legend>
      <Hint id={fieldId(name)} hint={hint} />
      <ErrorText id={fieldId(name)} error={error} />
      {choices.map((c, i) => {
        const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${c.value}`;
        return (
          <div className="radio" key={c.value}>
            <input type="radio" id={id} name={name} value={c.value} defaultChecked={value === c.value} />
            <label htmlFor={id}>
              <strong>{c.label}</strong>
              {c.hint ? <span className="radio-hint">{c.hint}</span> : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function Checkbox({ name, label, hint, error, checked }: { name: string; label: ReactNode; hint?: ReactNode; error?: string; checked?: boolean }) {
  return (
    <div className={`field checkbox${error ? " field--error" : ""}`}>
      <ErrorText id={fieldId(name)} error={error} />
      <input
        type="checkbox"
        id={fieldId(name)}
        name={name}
        defaultChecked={checked}
        aria-describedby={describedBy(fieldId(name), hint, error)}
        aria-invalid={error ? true : undefined}
      />
      <label htmlFor={fieldId(name)}>{label}</label>
      <Hint id={fieldId(name)} hint={hint} />
    </div>
  );
}

/**
 * With JavaScript, a summary link focuses its field itself: following "#field-…" would be a router navigation,
 * which drops the action's result, and with it every error message and the summary. Without JavaScript the
 * plain link does the same.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: "center" });
}

/** The summary at the top: focused after a failed submit so screen readers announce it; each item links to its field. */
export function ErrorSummary({
  errors,
  order,
  labels = {},
  anchors = {},
}: {
  errors: Record<string, string | undefined>;
  order: readonly string[];
  /** Field names as the page shows them, so each summary line says which question it is about. */
  labels?: Record<string, string>;
  /** Element ids that differ from field-<name>. */
  anchors?: Record<string, string>;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = [...order, ...Object.keys(errors).filter((k) => !order.includes(k))].filter((k) => errors[k]).map((k) => [k, errors[k]!] as const);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("file.errorSummary")}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === "form" ? (
              message.split("\n").join(" ")
            ) : (
              <a href={`#${anchors[field] ?? fieldId(field)}`} onClick={focusField}>
                {labels[field] ? `${labels[field]}: ` : ""}
                {message.split("\n").join(" ")}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The page's CSRF token: private pages (the staff area's layout, residents' own pages) put it in their loader data;
 * public pages have none, and their forms are checked by origin instead.
 */
export function useCsrfToken(): string {
  const matches = useMatches();
  for (const match of [...matches].reverse()) {
    const token = (match.data as { csrf?: unknown } | undefined)?.csrf;
    if (typeof token === "string") return token;
  }
  return "";
}

/** Every form post that acts for a signed-in person or a resident's own case carries the CSRF token. */
export function CsrfField() {
  return <input type="hidden" name="csrf" value={useCsrfToken()} />;
}

/** Translates every message of an errors object (keys with parameters, e.g. "error.tooLong:200"). */
export function useTranslatedErrors(errors: Record<string, string | undefined> | undefined): Record<string, string | undefined> {
  const t = useT();
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(errors ?? {})) {
    out[k] = v
      ?.split("\n")
      .map((line) => translateMessage(t, line))
      .join("\n");
  }
  return out;
}

/**
 * A staff action folded behind its name until opened (cancel, refuse, move…): the post names its intent and the record
 * it acts on; the fields it needs are the children.
 */
export function FoldedAction({
  label,
  submitLabel = label,
  intent,
  record,
  children,
}: {
  label: string;
  submitLabel?: string;
  intent: string;
  record: Record<string, string | number>;
  children: ReactNode;
}) {
  return (
    <details>
      <summary>{label}</summary>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(record).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </details>
  );
}
