import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TotpCodeForm } from "~/components/totp-form";
import { useT } from "~/i18n/use-t";
import { enableSecondFactor } from "~/services/staff/second-factor.server";
import { requireSecondFactorSetup } from "~/services/staff/sessions.server";
import type { RequestContext } from "~/services/platform/request.server";
import { decrypt, encrypt } from "~/services/platform/secrets.server";
import { NO_STORE } from "~/services/staff/context.server";
import { newTotpSecret, otpauthUri } from "~/services/staff/totp.server";
import { setupSecondFactorSchema } from "~/domain/staff-forms";
import { handleForm } from "~/services/platform/forms.server";
import { guard } from "~/http";
import { rejectionInfo } from "~/services/platform/responses.server";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.setupSecondFactor", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireSecondFactorSetup(request);
  const secret = newTotpSecret();
  // The secret travels sealed in the form until the user proves their app shows the right code.
  return json({ secret, uri: otpauthUri(secret, session.user.email), sealed: encrypt("totp-setup", `${session.user.id}:${secret}`) }, { headers: NO_STORE });
});

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const session = await requireSecondFactorSetup(request);
  const outcome = await handleForm(request, setupSecondFactorSchema, { csrf: "token" }, async ({ data }) => {
    const [userId, secret] = (decrypt("totp-setup", data.sealed) ?? "").split(":");
    if (!secret || Number(userId) !== session.user.id) throw new Response("error.badForm", { status: 400 });
    return { outcome: "checked" as const, cookie: await enableSecondFactor(session, secret, data.code, (context as RequestContext).clientIp ?? "unknown") };
  });
  if (outcome.outcome === "forbidden") throw new Response("error.csrf", { status: 403 });
  if (outcome.outcome === "checked" && outcome.cookie) return redirect("/can-bo", { status: 303, headers: { "Set-Cookie": outcome.cookie } });
  if (outcome.outcome === "checked" || outcome.outcome === "invalid") return json({ error: "totp.failed" }, { status: 400 });
  const info = rejectionInfo(outcome);
  return json({ error: info.key }, info.init);
});

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
