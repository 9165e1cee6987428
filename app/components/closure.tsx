// How a case ended, and the resident's "is your matter settled?" question (domain/closure.ts).
import { Form } from "@remix-run/react";
import type { ClosureKind } from "~/domain/closure";
import { formatDate } from "~/domain/dates";
import { useT } from "~/i18n/use-t";
import { CsrfField, RadioGroup, TextArea } from "./form";

export function ClosureNote({ closure }: { closure: { how: ClosureKind; reason: string | null } | null }) {
  const t = useT();
  if (!closure) return null;
  return (
    <p className="panel">
      <strong>{t(`closure.how.${closure.how}`)}</strong>
      {closure.reason ? (
        <>
          {" "}
          <span className="prewrap">{closure.reason}</span>
        </>
      ) : null}
    </p>
  );
}

export function ClosureQuestion({ question, error }: { question: { closesOn: string } | null; error?: string }) {
  const t = useT();
  if (!question) return null;
  return (
    <section className="panel panel--action" aria-labelledby="settled">
      <h2 id="settled">{t("closure.ask.title")}</h2>
      <p>{t("closure.ask.intro", formatDate(question.closesOn))}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="step" value="settled" />
        <RadioGroup
          name="settled"
          legend={t("closure.ask.legend")}
          required
          error={error}
          choices={[
            { value: "yes", label: t("closure.ask.yes") },
            { value: "no", label: t("closure.ask.no"), hint: t("closure.ask.no.hint") },
          ]}
        />
        <TextArea name="comment" id="settled-comment" label={t("closure.ask.comment")} rows={3} />
        <button type="submit" className="button button--primary">
          {t("closure.ask.submit")}
        </button>
      </Form>
    </section>
  );
}
