import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { useT } from "~/i18n/use-t";
import { clearSessionCookie, currentSession, requireStaff, signOut } from "~/services/staff/sessions.server";
import { CSRF_FIELD, verifyCsrf, type RequestContext } from "~/services/platform/request.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";

export const meta: MetaFunction = () => [{ title: "Đăng xuất — Dân Biết" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ staff: await staffHeader(await requireStaff(request)) }, { headers: NO_STORE });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) throw new Response("Forbidden", { status: 403 });
  const session = await currentSession(request);
  if (session) await signOut(session, form.get("everywhere") === "on", (context as RequestContext).clientIp ?? "unknown");
  return redirect("/can-bo/dang-nhap", { status: 303, headers: { "Set-Cookie": clearSessionCookie() } });
}

export default function SignOut() {
  const { staff } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <StaffPage staff={staff} title={t("staff.signOut.title")}>
      <p>{t("staff.signOut.intro")}</p>
      <div className="actions">
        <Form method="post">
          <CsrfField />
          <button type="submit" className="button">
            {t("staff.signOut")}
          </button>
        </Form>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="everywhere" value="on" />
          <button type="submit" className="button button--primary">
            {t("staff.signOutEverywhere")}
          </button>
        </Form>
      </div>
    </StaffPage>
  );
}
