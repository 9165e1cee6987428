import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminResultBanner, type AdminResult } from "~/components/admin-result";
import { DateTimeText } from "~/components/case-parts";
import { CsrfField, TextField } from "~/components/form";
import { ScrollRegion } from "~/components/scroll-region";
import { StaffPage } from "~/components/staff-page";
import { useT } from "~/i18n/use-t";
import { troubledMail } from "~/services/admin/mail-admin.server";
import { adminAction } from "~/services/admin/forms.server";
import type { RequestContext } from "~/services/platform/request.server";
import { NO_STORE, requireAdminOperation, staffHeader } from "~/services/staff/context.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.failedMail", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireAdminOperation(request, "manage_mail");
  return json({ staff: await staffHeader(session), mails: await troubledMail(session.user) }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  return adminAction(request, (context as RequestContext).clientIp ?? "unknown", "manage_mail");
});

export default function FailedMail() {
  const { staff, mails } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AdminResult | undefined;
  const t = useT();
  return (
    <StaffPage staff={staff} title={t("admin.mail.title")}>
      <p>{t("admin.mail.intro")}</p>
      <AdminResultBanner result={result} />
      {mails.length === 0 ? (
        <p>{t("admin.mail.empty")}</p>
      ) : (
        <ScrollRegion label={t("admin.mail.title")}>
          <table className="cases">
            <thead>
              <tr>
                <th scope="col">{t("admin.mail.state")}</th>
                <th scope="col">{t("admin.mail.queuedAt")}</th>
                <th scope="col">{t("admin.mail.to")}</th>
                <th scope="col">{t("admin.mail.subject")}</th>
                <th scope="col">{t("admin.mail.error")}</th>
                <th scope="col">{t("admin.mail.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td>
                    {t(`admin.mail.trouble.${m.trouble}`)}
                    <br />
                    <span className="hint">{t("admin.mail.attempts", m.attempts)}</span>
                  </td>
                  <td>
                    <DateTimeText instant={m.createdAt} />
                  </td>
                  <td className="mono-small">{m.toAddress}</td>
                  <td>
                    {m.subject}
                    {m.caseCode ? (
                      <>
                        <br />
                        <Link to={`/can-bo/ho-so/${m.caseCode}`}>{m.caseCode}</Link>
                      </>
                    ) : null}
                  </td>
                  <td className="mono-small">{m.lastError}</td>
                  <td>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="resend-mail" />
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit" className="button" aria-label={t("admin.mail.resendTo", m.toAddress)}>
                        {t("admin.mail.resend")}
                      </button>
                    </Form>
                    <details className="action">
                      <summary>{t("admin.mail.correct")}</summary>
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="correct-mail" />
                        <input type="hidden" name="id" value={m.id} />
                        <TextField name="email" id={`mail-${m.id}-email`} type="email" label={t("admin.mail.newAddress")} defaultValue={m.toAddress} required />
                        <button type="submit" className="button button--primary">
                          {t("admin.mail.correctAndResend")}
                        </button>
                      </Form>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </StaffPage>
  );
}
