import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTimeText } from "~/components/case-parts";
import { StaffPage } from "~/components/staff-page";
import { Pager } from "~/components/pager";
import { useT } from "~/i18n/use-t";
import { auditPage } from "~/services/admin/audit-view.server";
import { NO_STORE, requireAdminOperation, staffHeader } from "~/services/staff/context.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.audit", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireAdminOperation(request, "view_audit");
  const url = new URL(request.url);
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  const action = (url.searchParams.get("loai") ?? "").slice(0, 60);
  return json({ staff: await staffHeader(session), log: await auditPage(page, action || undefined), action }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export default function AuditLog() {
  const { staff, log, action } = useLoaderData<typeof loader>();
  const t = useT();
  const link = (page: number) => `?${new URLSearchParams({ ...(action ? { loai: action } : {}), page: String(page) })}`;
  return (
    <StaffPage staff={staff} title={t("audit.title")}>
      <p>{t("audit.intro")}</p>
      <Form method="get" className="template-picker">
        <label htmlFor="loai">{t("audit.filter")}</label>
        <input id="loai" name="loai" defaultValue={action} />
        <button type="submit" className="button">
          {t("inbox.apply")}
        </button>
      </Form>
      <div className="table-wrap">
        <table className="cases">
          <thead>
            <tr>
              <th scope="col">{t("audit.at")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.target")}</th>
              <th scope="col">{t("audit.ip")}</th>
              <th scope="col">{t("audit.details")}</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <DateTimeText instant={r.at} />
                </td>
                <td>{r.userName ? `${r.userName} (${r.userEmail})` : t("audit.system")}</td>
                <td className="mono-small">{r.action}</td>
                <td>
                  {r.targetType === "case" && r.targetId ? (
                    <Link to={`/can-bo/ho-so/${r.targetId}`}>{r.targetId}</Link>
                  ) : (
                    [r.targetType, r.targetId].filter(Boolean).join(" ")
                  )}
                </td>
                <td className="mono-small">{r.ip}</td>
                <td className="mono-small">{r.details ? JSON.stringify(r.details) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={log.page} pages={log.pages} link={link} />
    </StaffPage>
  );
}
