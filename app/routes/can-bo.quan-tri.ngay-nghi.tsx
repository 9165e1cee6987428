import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminResultBanner, type AdminResult } from "~/components/admin-result";
import { DateText } from "~/components/case-parts";
import { CsrfField, SelectField, TextField } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { useT } from "~/i18n/use-t";
import { calendarYear } from "~/services/admin/admin.server";
import { adminAction } from "~/services/admin/forms.server";
import type { RequestContext } from "~/services/platform/request.server";
import { NO_STORE, requireAdminOperation, staffHeader } from "~/services/staff/context.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.holidays", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireAdminOperation(request, "manage_reference");
  const asked = Number(new URL(request.url).searchParams.get("nam"));
  const year = asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear();
  return json({ staff: await staffHeader(session), year, days: await calendarYear(year) }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  return adminAction(request, (context as RequestContext).clientIp ?? "unknown", "manage_reference");
});

export default function Holidays() {
  const { staff, year, days } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AdminResult | undefined;
  const t = useT();
  return (
    <StaffPage staff={staff} title={t("admin.calendar.title")}>
      <p>{t("admin.calendar.intro")}</p>
      <AdminResultBanner result={result} />
      <nav className="pagination" aria-label={t("admin.calendar.year")}>
        <Link to={`?nam=${year - 1}`}>{year - 1}</Link>
        <strong>{year}</strong>
        <Link to={`?nam=${year + 1}`}>{year + 1}</Link>
      </nav>
      {days.length === 0 ? (
        <p>{t("admin.calendar.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="cases">
            <thead>
              <tr>
                <th scope="col">{t("admin.calendar.date")}</th>
                <th scope="col">{t("admin.calendar.kind")}</th>
                <th scope="col">{t("admin.calendar.name")}</th>
                <th scope="col">{t("admin.calendar.remove")}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <td>
                    <DateText date={d.date} />
                  </td>
                  <td>{t(`admin.calendar.kind.${d.kind}`)}</td>
                  <td>{d.name}</td>
                  <td>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="remove-day" />
                      <input type="hidden" name="date" value={d.date} />
                      <button type="submit" className="link-button" aria-label={`${t("admin.calendar.remove")} ${d.date}`}>
                        {t("admin.calendar.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("admin.calendar.add")}</h2>
      <Form method="post" className="narrow">
        <CsrfField />
        <input type="hidden" name="intent" value="save-day" />
        <TextField name="date" type="date" label={t("admin.calendar.date")} required />
        <SelectField name="kind" label={t("admin.calendar.kind")} required>
          <option value="holiday">{t("admin.calendar.kind.holiday")}</option>
          <option value="working_day">{t("admin.calendar.kind.working_day")}</option>
        </SelectField>
        <TextField name="name" label={t("admin.calendar.name")} required />
        <button type="submit" className="button button--primary">
          {t("admin.calendar.add")}
        </button>
      </Form>
    </StaffPage>
  );
}
