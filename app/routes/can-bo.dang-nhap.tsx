import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, ErrorSummary, TextField } from "~/components/form";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import { translateMessage } from "~/i18n";
import { currentSession } from "~/services/staff/sessions.server";
import { signIn } from "~/services/staff/sign-in.server";
import type { RequestContext } from "~/services/platform/request.server";
import { NO_STORE } from "~/services/staff/context.server";
import { signInSchema } from "~/domain/staff-forms";
import { sameSitePath } from "~/domain/urls";
import { handleForm } from "~/services/platform/forms.server";
import { guard } from "~/http";
import { rejectionInfo } from "~/services/platform/responses.server";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.signIn", { noindex: true });
export const headers = forwardHeaders;

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await currentSession(request);
  const next = sameSitePath(new URL(request.url).searchParams.get("next"), "/can-bo", "/can-bo");
  if (session && !session.pendingSecondFactor) throw redirect(next);
  return json({ next }, { headers: NO_STORE });
});

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const ip = (context as RequestContext).clientIp ?? "unknown";
  const outcome = await handleForm(request, signInSchema, { csrf: "token" }, async ({ data, values }) => {
    const result = await signIn(data.email, data.password, ip);
    if (result.outcome === "refused") return { outcome: "refused" as const, result, values };
    return { outcome: "signedIn" as const, result, next: data.next };
  });
  const email = "values" in outcome ? (outcome.values?.email ?? "") : "";
  switch (outcome.outcome) {
    case "signedIn": {
      const { result } = outcome;
      const target =
        result.next === "home"
          ? sameSitePath(outcome.next, "/can-bo", "/can-bo")
          : result.next === "second-factor"
            ? "/can-bo/xac-thuc"
            : "/can-bo/thiet-lap-xac-thuc";
      return redirect(target, { status: 303, headers: { "Set-Cookie": result.setCookie } });
    }
    case "refused": {
      const { result } = outcome;
      const minutes = String(Math.ceil((result.retryAfterSeconds ?? 60) / 60));
      const error = result.reason === "credentials" ? "signin.failed" : `signin.${result.reason}:${minutes}`;
      const headers: Record<string, string> = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {};
      return json({ error, email }, { status: result.reason === "credentials" ? 401 : 429, headers });
    }
    case "invalid":
      return json({ error: "signin.failed", email }, { status: 400 });
    case "forbidden":
      return json({ error: "error.csrf", email: "" }, { status: 403 });
    default: {
      const info = rejectionInfo(outcome);
      return json({ error: info.key, email }, info.init);
    }
  }
});

export default function SignIn() {
  const { next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("signin.title")}</h1>
      <p className="hint">{t("signin.residentHint")}</p>
      <ErrorSummary errors={{ form: result?.error ? translateMessage(t, result.error) : undefined }} order={["form"]} />
      <Form method="post" className="narrow">
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <TextField name="email" type="email" label={t("signin.email")} required autoComplete="username" defaultValue={result?.email} />
        <TextField name="password" type="password" label={t("signin.password")} required autoComplete="current-password" />
        <button type="submit" className="button button--primary">
          {t("signin.submit")}
        </button>
      </Form>
      <p>
        <a href="/can-bo/quen-mat-khau">{t("signin.forgot")}</a>
      </p>
    </>
  );
}
