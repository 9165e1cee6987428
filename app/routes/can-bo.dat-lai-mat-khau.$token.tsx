import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, ErrorSummary, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { translateMessage } from "~/i18n";
import { resetPassword, resetTokenValid } from "~/services/staff/passwords.server";
import type { RequestContext } from "~/services/platform/request.server";
import { resetPasswordSchema } from "~/domain/staff-forms";
import { handleForm } from "~/services/platform/forms.server";
import { guard } from "~/http";
import { rejectionInfo } from "~/services/platform/responses.server";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.setPassword", { noindex: true });

export const loader = guard(async ({ params }: LoaderFunctionArgs) => {
  return json({ valid: await resetTokenValid(params.token ?? "") }, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, params, context }: ActionFunctionArgs) => {
  const outcome = await handleForm(request, resetPasswordSchema, { csrf: "token" }, async ({ data }) => ({
    outcome: "done" as const,
    result: await resetPassword(params.token ?? "", data.password, (context as RequestContext).clientIp ?? "unknown"),
  }));
  if (outcome.outcome === "forbidden") throw new Response("error.csrf", { status: 403 });
  if (outcome.outcome === "invalid") return json({ done: false, error: Object.values(outcome.errors)[0] ?? "error.required" }, { status: 400 });
  if (outcome.outcome !== "done") {
    const info = rejectionInfo(outcome);
    return json({ done: false, error: info.key }, info.init);
  }
  if (outcome.result === "ok") return json({ done: true, error: null });
  return json({ done: false, error: outcome.result === "invalid-link" ? "reset.invalid" : outcome.result }, { status: 400 });
});

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (result?.done) {
    return (
      <>
        <h1>{t("reset.title")}</h1>
        <p className="panel panel--success" role="status">
          {t("reset.done")}
        </p>
        <p>
          <Link to="/can-bo/dang-nhap">{t("signin.title")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("reset.title")}</h1>
      {!valid || result?.error === "reset.invalid" ? (
        <p className="notice notice--warning">
          {t("reset.invalid")} <Link to="/can-bo/quen-mat-khau">{t("signin.forgot")}</Link>
        </p>
      ) : (
        <>
          <ErrorSummary errors={{ password: result?.error ? translateMessage(t, result.error) : undefined }} order={["password"]} />
          <Form method="post" className="narrow">
            <CsrfField />
            <TextField
              name="password"
              type="password"
              label={t("reset.password")}
              hint={t("reset.password.hint")}
              error={result?.error ? translateMessage(t, result.error) : undefined}
              required
              autoComplete="new-password"
            />
            <button type="submit" className="button button--primary">
              {t("reset.submit")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
