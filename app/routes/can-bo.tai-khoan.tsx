import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, ErrorSummary, TextField } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { useT } from "~/i18n/use-t";
import { translateMessage } from "~/i18n";
import { changePassword } from "~/services/staff/passwords.server";
import { requireStaff } from "~/services/staff/sessions.server";
import type { RequestContext } from "~/services/platform/request.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";
import { changePasswordSchema } from "~/domain/staff-forms";
import { handleForm } from "~/services/platform/forms.server";
import { guard } from "~/http";
import { rejectionInfo } from "~/services/platform/responses.server";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.myAccount", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  return json({ staff: await staffHeader(session), totpEnabled: session.user.totpEnabled }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const outcome = await handleForm(request, changePasswordSchema, { csrf: "token" }, async ({ data }) => {
    const error = await changePassword(session, data.current, data.password, (context as RequestContext).clientIp ?? "unknown");
    return { outcome: "done" as const, error };
  });
  if (outcome.outcome === "done") return outcome.error ? json({ error: outcome.error, saved: false }, { status: 400 }) : json({ error: null, saved: true });
  if (outcome.outcome === "invalid") return json({ error: Object.values(outcome.errors)[0] ?? "error.required", saved: false }, { status: 400 });
  if (outcome.outcome === "forbidden") return json({ error: "error.csrf", saved: false }, { status: 403 });
  const info = rejectionInfo(outcome);
  return json({ error: info.key, saved: false }, info.init);
});

export default function MyAccount() {
  const { staff, totpEnabled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <StaffPage staff={staff} title={t("account.title")}>
      <section aria-labelledby="password">
        <h2 id="password">{t("account.password")}</h2>
        {result?.saved ? (
          <p className="panel panel--success" role="status">
            {t("account.saved")}
          </p>
        ) : null}
        <ErrorSummary errors={{ password: result?.error ? translateMessage(t, result.error) : undefined }} order={["password"]} />
        <Form method="post" className="narrow">
          <CsrfField />
          <TextField name="current" type="password" label={t("account.current")} required autoComplete="current-password" />
          <TextField name="password" type="password" label={t("account.new")} hint={t("reset.password.hint")} required autoComplete="new-password" />
          <button type="submit" className="button button--primary">
            {t("account.save")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="totp">
        <h2 id="totp">{t("account.totp")}</h2>
        {totpEnabled ? (
          <p>{t("account.totp.on")}</p>
        ) : (
          <>
            <p>{t("account.totp.off")}</p>
            <Link to="/can-bo/thiet-lap-xac-thuc" className="button">
              {t("account.totp.enable")}
            </Link>
          </>
        )}
      </section>
    </StaffPage>
  );
}
