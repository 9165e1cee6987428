import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, ErrorSummary, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { resetPassword, resetTokenValid } from "~/services/staff/passwords.server";
import { CSRF_FIELD, verifyCsrf, type RequestContext } from "~/services/platform/request.server";

export const meta: MetaFunction = () => [{ title: "Đặt mật khẩu mới — Dân Biết" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return json({ valid: await resetTokenValid(params.token ?? "") }, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) throw new Response("Forbidden", { status: 403 });
  const password = String(form.get("password") ?? "");
  const result = await resetPassword(params.token ?? "", password, (context as RequestContext).clientIp ?? "unknown");
  if (result === "ok") return json({ done: true, error: null });
  return json({ done: false, error: result === "invalid-link" ? "reset.invalid" : result }, { status: 400 });
}

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
          <ErrorSummary errors={{ password: result?.error ? t(result.error) : undefined }} order={["password"]} />
          <Form method="post" className="narrow">
            <CsrfField />
            <TextField
              name="password"
              type="password"
              label={t("reset.password")}
              hint={t("reset.password.hint")}
              error={result?.error ? t(result.error) : undefined}
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
