import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CsrfField, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { requestPasswordReset } from "~/services/staff/passwords.server";
import { CSRF_FIELD, verifyCsrf, type RequestContext } from "~/services/platform/request.server";

export const meta: MetaFunction = () => [{ title: "Quên mật khẩu — Dân Biết" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) throw new Response("Forbidden", { status: 403 });
  const email = String(form.get("email") ?? "").slice(0, 254);
  if (email) await requestPasswordReset(email, (context as RequestContext).clientIp ?? "unknown");
  // The same answer whether or not the account exists.
  return json({ sent: true });
}

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
