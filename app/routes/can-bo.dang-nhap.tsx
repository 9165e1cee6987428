import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField, ErrorSummary, TextField } from "~/components/form";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import { currentSession } from "~/services/staff/sessions.server";
import { signIn } from "~/services/staff/sign-in.server";
import { CSRF_FIELD, verifyCsrf, type RequestContext } from "~/services/platform/request.server";
import { NO_STORE } from "~/services/staff/context.server";

export const meta: MetaFunction = () => [{ title: "Đăng nhập cán bộ — Dân Biết" }, { name: "robots", content: "noindex" }];
export const headers = forwardHeaders;

/** Only a local path may follow sign-in (no open redirect). */
function safeNext(value: string | null): string {
  return value && value.startsWith("/can-bo") && !value.startsWith("//") ? value : "/can-bo";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await currentSession(request);
  const next = safeNext(new URL(request.url).searchParams.get("next"));
  if (session && !session.pendingSecondFactor) throw redirect(next);
  return json({ next }, { headers: NO_STORE });
}

const schema = z.object({
  email: z.string().max(254),
  password: z.string().min(1).max(1024),
  next: z.string().max(500).optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) return json({ error: "error.csrf", email: "" }, { status: 403 });
  const parsed = schema.safeParse(Object.fromEntries(["email", "password", "next"].map((k) => [k, form.get(k) ?? undefined])));
  const email = typeof form.get("email") === "string" ? String(form.get("email")) : "";
  if (!parsed.success) return json({ error: "signin.failed", email }, { status: 400 });
  const ip = (context as RequestContext).clientIp ?? "unknown";
  const result = await signIn(parsed.data.email, parsed.data.password, ip);
  if (result.outcome === "refused") {
    const minutes = String(Math.ceil((result.retryAfterSeconds ?? 60) / 60));
    const error = result.reason === "credentials" ? "signin.failed" : `signin.${result.reason}:${minutes}`;
    const headers: Record<string, string> = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {};
    return json({ error, email }, { status: result.reason === "credentials" ? 401 : 429, headers });
  }
  const target =
    result.next === "home" ? safeNext(parsed.data.next ?? null) : result.next === "second-factor" ? "/can-bo/xac-thuc" : "/can-bo/thiet-lap-xac-thuc";
  return redirect(target, { status: 303, headers: { "Set-Cookie": result.setCookie } });
}

export default function SignIn() {
  const { next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("signin.title")}</h1>
      <p className="hint">{t("signin.residentHint")}</p>
      <ErrorSummary errors={{ form: result?.error ? t(result.error) : undefined }} order={["form"]} />
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
