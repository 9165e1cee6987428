import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { TotpCodeForm } from "~/components/totp-form";
import { useT } from "~/i18n/use-t";
import { completeSecondFactor } from "~/services/staff/second-factor.server";
import { requirePendingSession } from "~/services/staff/sessions.server";
import { CSRF_FIELD, verifyCsrf, type RequestContext } from "~/services/platform/request.server";
import { NO_STORE } from "~/services/staff/context.server";

export const meta: MetaFunction = () => [{ title: "Xác thực hai bước — Dân Biết" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requirePendingSession(request);
  if (!session.user.totpEnabled) throw redirect("/can-bo/thiet-lap-xac-thuc");
  return json({}, { headers: NO_STORE });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePendingSession(request);
  const form = await request.formData();
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) throw new Response("Forbidden", { status: 403 });
  const code = String(form.get("code") ?? "").slice(0, 12);
  const cookie = await completeSecondFactor(session, code, (context as RequestContext).clientIp ?? "unknown");
  if (!cookie) return json({ error: "totp.failed" }, { status: 401 });
  return redirect("/can-bo", { status: 303, headers: { "Set-Cookie": cookie } });
}

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
