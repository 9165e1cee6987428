import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AdminResultBanner, type AdminResult } from "~/components/admin-result";
import { DateText } from "~/components/case-parts";
import { SelectField, TextArea, TextField } from "~/components/form";
import { IntentForm } from "~/components/intent-form";
import { StaffPage } from "~/components/staff-page";
import { useT } from "~/i18n/use-t";
import { allCategories, allDisclosureTypes, allTemplates } from "~/services/admin/admin.server";
import { adminAction } from "~/services/admin/forms.server";
import { reference } from "~/services/reference/reference.server";
import type { RequestContext } from "~/services/platform/request.server";
import { NO_STORE, requireAdminOperation, staffHeader } from "~/services/staff/context.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { CASE_KINDS } from "~/domain/filing";

export const meta = pageMeta("title.staff.reference", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireAdminOperation(request, "manage_reference");
  const ref = await reference();
  return json(
    {
      staff: await staffHeader(session),
      units: ref.communes,
      hamlets: ref.hamlets,
      categories: await allCategories(),
      templates: await allTemplates(),
      disclosureTypes: await allDisclosureTypes(),
    },
    { headers: NO_STORE },
  );
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  return adminAction(request, (context as RequestContext).clientIp ?? "unknown", "manage_reference");
});

export default function ReferenceData() {
  const { staff, units, hamlets, categories, templates, disclosureTypes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AdminResult | undefined;
  const t = useT();
  const active = units.filter((u) => u.validTo == null && u.level !== "district");
  const name = (id: string | null) => units.find((u) => u.id === id)?.name ?? id ?? "";
  return (
    <StaffPage staff={staff} title={t("admin.reference.title")}>
      <AdminResultBanner result={result} />

      <section aria-labelledby="units">
        <h2 id="units">{t("admin.units")}</h2>
        <div className="table-wrap">
          <table className="cases">
            <thead>
              <tr>
                <th scope="col">{t("admin.units.name")}</th>
                <th scope="col">{t("admin.units.id")}</th>
                <th scope="col">{t("admin.units.validFrom")}</th>
                <th scope="col">{t("admin.units.validTo")}</th>
                <th scope="col">{t("admin.units.successor")}</th>
                <th scope="col">{t("admin.hamlets")}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.name}</th>
                  <td className="mono-small">{u.id}</td>
                  <td>{u.validFrom ? <DateText date={u.validFrom} /> : "—"}</td>
                  <td>{u.validTo ? <DateText date={u.validTo} /> : "—"}</td>
                  <td>{u.successorId ? name(u.successorId) : "—"}</td>
                  <td>
                    {hamlets
                      .filter((h) => h.communeId === u.id)
                      .map((h) => h.name)
                      .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="admin-forms">
          <IntentForm intent="add-unit" label={t("admin.units.add")}>
            <TextField name="name" id="unit-name" label={t("admin.units.name")} required />
            <TextField name="unitId" id="unit-id" label={t("admin.units.id")} required pattern="[a-z0-9-]+" />
            <SelectField name="level" id="unit-level" label={t("admin.units.level")} required>
              <option value="commune">{t("admin.units.level.commune")}</option>
              <option value="town">{t("admin.units.level.town")}</option>
            </SelectField>
            <TextField name="validFrom" id="unit-from" type="date" label={t("admin.units.validFrom")} />
          </IntentForm>
          <IntentForm
            intent="merge-unit"
            label={t("admin.units.merge")}
            before={
              <>
                <p className="hint">{t("admin.units.merge.hint")}</p>
              </>
            }
          >
            <SelectField name="unitId" id="merge-from" label={t("admin.units.merge.from")} required>
              {active.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <SelectField name="successorId" id="merge-to" label={t("admin.units.merge.to")} required>
              {active.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <TextField name="validTo" id="merge-date" type="date" label={t("admin.units.merge.date")} required />
          </IntentForm>
          <IntentForm intent="add-hamlet" label={t("admin.hamlets.add")}>
            <SelectField name="communeId" id="hamlet-unit" label={t("admin.units.name")} required>
              {active.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <TextField name="name" id="hamlet-name" label={t("admin.hamlets.name")} required />
          </IntentForm>
        </div>
      </section>

      <section aria-labelledby="categories">
        <h2 id="categories">{t("admin.categories")}</h2>
        {[...categories, null].map((c) => (
          <IntentForm
            intent="save-category"
            key={c?.code ?? "new"}
            label={<>{c ? `${c.nameVi}${c.active ? "" : ` (${t("admin.accounts.disabled")})`}` : t("admin.categories.save")}</>}
            submitLabel={t("admin.categories.save")}
          >
            {c ? <input type="hidden" name="code" value={c.code} /> : <TextField name="code" id="cat-code-new" label={t("admin.categories.code")} required />}
            <TextField name="nameVi" id={`cat-vi-${c?.code ?? "new"}`} label={t("admin.categories.nameVi")} required defaultValue={c?.nameVi} />
            <TextField name="nameEn" id={`cat-en-${c?.code ?? "new"}`} label={t("admin.categories.nameEn")} required defaultValue={c?.nameEn} />
            <CheckboxWithId name="active" id={`cat-active-${c?.code ?? "new"}`} label={t("admin.categories.active")} checked={c?.active ?? true} />
          </IntentForm>
        ))}
      </section>

      <section aria-labelledby="disclosure-types">
        <h2 id="disclosure-types">{t("admin.disclosureTypes")}</h2>
        <p className="hint">{t("admin.disclosureTypes.hint")}</p>
        {disclosureTypes.map((d) => (
          <IntentForm
            intent="save-disclosure-type"
            key={d.code}
            label={
              <>
                {t(`dtype.${d.code}`)} — {t("admin.disclosureTypes.summary", d.minPostingDays)}
              </>
            }
            submitLabel={t("admin.disclosureTypes.save")}
          >
            <input type="hidden" name="code" value={d.code} />
            <TextField
              name="minPostingDays"
              id={`dt-days-${d.code}`}
              type="number"
              label={t("admin.disclosureTypes.minPostingDays")}
              required
              defaultValue={String(d.minPostingDays)}
              inputMode="numeric"
            />
            <CheckboxWithId name="consultation" id={`dt-consult-${d.code}`} label={t("admin.disclosureTypes.consultation")} checked={d.consultation} />
            <TextField
              name="minConsultationDays"
              id={`dt-cdays-${d.code}`}
              type="number"
              label={t("admin.disclosureTypes.minConsultationDays")}
              defaultValue={String(d.minConsultationDays)}
              inputMode="numeric"
            />
            <TextField
              name="consultationSource"
              id={`dt-csource-${d.code}`}
              label={t("admin.disclosureTypes.consultationSource")}
              defaultValue={d.consultationSource}
            />
            <CheckboxWithId name="publishNames" id={`dt-names-${d.code}`} label={t("admin.disclosureTypes.publishNames")} checked={d.publishNames} />
            <TextField name="source" id={`dt-source-${d.code}`} label={t("admin.disclosureTypes.source")} required defaultValue={d.source} />
          </IntentForm>
        ))}
      </section>

      <section aria-labelledby="templates">
        <h2 id="templates">{t("admin.templates")}</h2>
        {templates.map((tpl) => (
          <IntentForm
            intent="delete-template"
            key={tpl.id}
            label={
              <>
                {tpl.title} — {tpl.categoryCode ? t(`category.${tpl.categoryCode}`) : t("admin.templates.any")} —{" "}
                {tpl.kindCode ? t(`kind.${tpl.kindCode}`) : t("admin.templates.anyKind")}
              </>
            }
            submitLabel={t("admin.templates.delete")}
            before={
              <>
                <p className="prewrap">{tpl.body}</p>
              </>
            }
          >
            <input type="hidden" name="id" value={tpl.id} />
          </IntentForm>
        ))}
        <IntentForm intent="add-template" label={t("admin.templates.add")}>
          <SelectField name="categoryCode" id="tpl-category" label={t("admin.templates.category")}>
            <option value="">{t("admin.templates.any")}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.nameVi}
              </option>
            ))}
          </SelectField>
          <SelectField name="kindCode" id="tpl-kind" label={t("admin.templates.kind")}>
            <option value="">{t("admin.templates.anyKind")}</option>
            {CASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField name="title" id="tpl-title" label={t("admin.templates.title")} required />
          <TextArea name="body" id="tpl-body" label={t("admin.templates.body")} required rows={6} />
        </IntentForm>
      </section>
    </StaffPage>
  );
}

/** Several category forms on one page each need their own checkbox id. */
function CheckboxWithId({ name, id, label, checked }: { name: string; id: string; label: string; checked: boolean }) {
  return (
    <div className="field checkbox">
      <input type="checkbox" id={id} name={name} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
