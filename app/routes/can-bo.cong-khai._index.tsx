import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, useTranslatedErrors } from "~/components/form";
import { Pager } from "~/components/pager";
import { StaffPage } from "~/components/staff-page";
import { canManageDisclosures } from "~/domain/permissions";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/services/staff/sessions.server";
import { submitStaffDisclosure } from "~/services/disclosures/forms.server";
import { disclosureTypes } from "~/services/disclosures/access.server";
import { staffList } from "~/services/disclosures/reading.server";
import { reference } from "~/services/reference/reference.server";
import type { RequestContext } from "~/services/platform/request.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.disclosures", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  const units = (await reference()).communes
    .filter((c) => c.validTo == null && canManageDisclosures(session.user, c.id))
    .map((c) => ({ id: c.id, name: c.name }));
  return json(
    {
      staff: await staffHeader(session),
      list: await staffList(session.user, Number(new URL(request.url).searchParams.get("trang") ?? "1") || 1),
      types: (await disclosureTypes()).map((d) => d.code),
      units,
    },
    { headers: NO_STORE },
  );
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const outcome = await submitStaffDisclosure(request, context as RequestContext, session.user, null);
  if (outcome.outcome === "done") return redirect(`/can-bo/cong-khai/${outcome.id}`, 303);
  if (outcome.outcome === "invalid") return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
  throw new Response(outcome.outcome === "forbidden" ? "Forbidden" : "Too large", { status: outcome.outcome === "forbidden" ? 403 : 413 });
});

export default function StaffDisclosures() {
  const { staff, list, types, units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors as Record<string, string> | undefined);
  const values = (result?.values ?? {}) as Record<string, string>;
  return (
    <StaffPage staff={staff} title={t("sd.title")}>
      {units.length ? (
        <details className="action" open={!!result}>
          <summary>{t("sd.new")}</summary>
          <ErrorSummary errors={errors} order={["typeCode", "communeId", "title", "summary", "body"]} />
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="create" />
            <SelectField name="typeCode" label={t("disclosure.type")} required error={errors.typeCode} defaultValue={values.typeCode}>
              {types.map((code) => (
                <option key={code} value={code}>
                  {t(`dtype.${code}`)}
                </option>
              ))}
            </SelectField>
            <SelectField name="communeId" label={t("disclosure.unit")} required error={errors.communeId} defaultValue={values.communeId}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <TextField name="title" label={t("disclosure.field.title")} required error={errors.title} defaultValue={values.title} />
            <TextArea name="summary" label={t("sd.summary")} required rows={3} error={errors.summary} defaultValue={values.summary} />
            <TextArea name="body" label={t("sd.body")} required rows={10} error={errors.body} defaultValue={values.body} />
            <TextArea name="keyFigures" label={t("sd.keyFigures")} rows={4} defaultValue={values.keyFigures} />
            <button type="submit" className="button button--primary">
              {t("sd.create")}
            </button>
          </Form>
        </details>
      ) : null}
      <div className="table-wrap">
        <table className="cases">
          <thead>
            <tr>
              <th scope="col">{t("disclosure.field.title")}</th>
              <th scope="col">{t("disclosure.type")}</th>
              <th scope="col">{t("disclosure.unit")}</th>
              <th scope="col">{t("case.status")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/can-bo/cong-khai/${d.id}`}>{d.title}</Link> <span className="hint">v{d.version}</span>
                </td>
                <td>{t(`dtype.${d.typeCode}`)}</td>
                <td>{d.communeName}</td>
                <td>{t(`dstatus.${d.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={list.page} pages={list.pages} link={(p) => `?trang=${p}`} />
    </StaffPage>
  );
}
