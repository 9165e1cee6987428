import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { TotpCodeForm } from "~/components/totp-form";
import { useT } from "~/i18n/use-t";
import { completeSecondFactor } from "~/services/staff/second-factor.server";
import { requirePendingSession } from "~/services/staff/sessions.server";
import type { RequestContext } from "~/services/platform/request.server";
import { NO_STORE } from "~/services/staff/context.server";
import { secondFactorSchema } from "~/domain/staff-forms";
import { handleForm } from "~/services/platform/forms.server";
import { guard } from "~/http";
import { rejectionInfo } from "~/services/platform/responses.server";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.secondFactor", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requirePendingSession(request);
  if (!session.user.totpEnabled) throw redirect("/can-bo/thiet-lap-xac-thuc");
  return json({}, { headers: NO_STORE });
});

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const session = await requirePendingSession(request);
  const outcome = await handleForm(request, secondFactorSchema, { csrf: "token" }, async ({ data }) => ({
    outcome: "checked" as const,
    cookie: await completeSecondFactor(session, data.code, (context as RequestContext).clientIp ?? "unknown"),
  }));
  if (outcome.outcome === "forbidden") throw new Response("error.csrf", { status: 403 });
  if (outcome.outcome === "checked" && outcome.cookie) return redirect("/can-bo", { status: 303, headers: { "Set-Cookie": outcome.cookie } });
  if (outcome.outcome === "checked" || outcome.outcome === "invalid") return json({ error: "totp.failed" }, { status: 401 });
  const info = rejectionInfo(outcome);
  return json({ error: info.key }, info.init);
});

export default function SecondFactor() {
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("totp.title")}</h1>
      <p>{t("totp.intro")}</p>
      <TotpCodeForm error={result?.error} />
    </>
  );
}
