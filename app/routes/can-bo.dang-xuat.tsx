import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { useT } from "~/i18n/use-t";
import { clearSessionCookie, currentSession, requireStaff, signOut } from "~/services/staff/sessions.server";
import type { RequestContext } from "~/services/platform/request.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";
import { signOutSchema } from "~/domain/staff-forms";
import { handleForm } from "~/services/platform/forms.server";
import { guard } from "~/http";
import { rejectionResponse } from "~/services/platform/responses.server";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.signOut", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  return json({ staff: await staffHeader(await requireStaff(request)) }, { headers: NO_STORE });
});

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const outcome = await handleForm(request, signOutSchema, { csrf: "token" }, async ({ data }) => {
    const session = await currentSession(request);
    if (session) await signOut(session, data.everywhere, (context as RequestContext).clientIp ?? "unknown");
    return { outcome: "done" as const };
  });
  if (outcome.outcome === "forbidden") throw new Response("error.csrf", { status: 403 });
  if (outcome.outcome === "invalid") throw new Response("error.badForm", { status: 400 });
  if (outcome.outcome !== "done") return rejectionResponse(outcome, {});
  return redirect("/can-bo/dang-nhap", { status: 303, headers: { "Set-Cookie": clearSessionCookie() } });
});

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
