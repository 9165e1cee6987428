import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TotpCodeForm } from "~/components/totp-form";
import { useT } from "~/i18n/use-t";
import { enableSecondFactor } from "~/services/staff/second-factor.server";
import { requireSecondFactorSetup } from "~/services/staff/sessions.server";
import { CSRF_FIELD, verifyCsrf, type RequestContext } from "~/services/platform/request.server";
import { decrypt, encrypt } from "~/services/platform/secrets.server";
import { NO_STORE } from "~/services/staff/context.server";
import { newTotpSecret, otpauthUri } from "~/services/staff/totp.server";

export const meta: MetaFunction = () => [{ title: "Bật xác thực hai bước — Dân Biết" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSecondFactorSetup(request);
  const secret = newTotpSecret();
  // The secret travels sealed in the form until the user proves their app shows the right code.
  return json(
    { secret, uri: otpauthUri(secret, session.user.email), sealed: encrypt("totp-setup", `${session.user.id}:${secret}`) },
    { headers: NO_STORE },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSecondFactorSetup(request);
  const form = await request.formData();
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) throw new Response("Forbidden", { status: 403 });
  const opened = decrypt("totp-setup", String(form.get("sealed") ?? ""));
  const [userId, secret] = (opened ?? "").split(":");
  if (!secret || Number(userId) !== session.user.id) throw new Response("Bad request", { status: 400 });
  const cookie = await enableSecondFactor(session, secret, String(form.get("code") ?? "").slice(0, 12), (context as RequestContext).clientIp ?? "unknown");
  if (!cookie) return json({ error: "totp.failed" }, { status: 400 });
  return redirect("/can-bo", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function SetUpSecondFactor() {
  const { secret, uri, sealed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("totp.setup.title")}</h1>
      <p>{t("totp.setup.intro")}</p>
      <dl className="summary-list">
        <div>
          <dt>{t("totp.setup.secret")}</dt>
          <dd className="mono">{secret.replace(/(.{4})/g, "$1 ").trim()}</dd>
        </div>
      </dl>
      <p>
        <a href={uri}>{t("totp.setup.uri")}</a>
      </p>
      <TotpCodeForm error={result?.error} hidden={{ sealed }} />
    </>
  );
}
