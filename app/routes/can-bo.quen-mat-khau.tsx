import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CsrfField, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { requestPasswordReset } from "~/services/staff/passwords.server";
import type { RequestContext } from "~/services/platform/request.server";
import { forgotPasswordSchema } from "~/domain/staff-forms";
import { handleForm } from "~/services/platform/forms.server";
import { guard } from "~/http";
import { rejectionInfo } from "~/services/platform/responses.server";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.forgotPassword", { noindex: true });

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const outcome = await handleForm(request, forgotPasswordSchema, { csrf: "token" }, async ({ data }) => {
    if (data.email) await requestPasswordReset(data.email, (context as RequestContext).clientIp ?? "unknown");
    return { outcome: "sent" as const };
  });
  if (outcome.outcome === "forbidden") throw new Response("error.csrf", { status: 403 });
  if (outcome.outcome !== "sent" && outcome.outcome !== "invalid") {
    const info = rejectionInfo(outcome);
    return json({ sent: false, error: info.key }, info.init);
  }
  // The same answer whether or not the account exists.
  return json({ sent: true });
});

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("forgot.title")}</h1>
      {result?.sent ? (
        <p className="panel panel--success" role="status">
          {t("forgot.sent")}
        </p>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <Form method="post" className="narrow">
            <CsrfField />
            <TextField name="email" type="email" label={t("signin.email")} required autoComplete="username" />
            <button type="submit" className="button button--primary">
              {t("forgot.submit")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
