import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminResultBanner, type AdminResult } from "~/components/admin-result";
import { CsrfField, SelectField, TextField } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { ROLES } from "~/domain/permissions";
import { useT } from "~/i18n/use-t";
import { listAccounts } from "~/services/admin/admin.server";
import { adminAction } from "~/services/admin/forms.server";
import { listApiKeys } from "~/services/open311/open311.server";
import { reference } from "~/services/reference/reference.server";
import type { RequestContext } from "~/services/platform/request.server";
import { NO_STORE, requireAdminOperation, staffHeader } from "~/services/staff/context.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.accounts", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireAdminOperation(request, "manage_accounts");
  const units = (await reference()).communes.filter((c) => c.validTo == null).map((c) => ({ id: c.id, name: c.name }));
  return json(
    {
      staff: await staffHeader(session),
      accounts: await listAccounts(),
      apiKeys: await listApiKeys(),
      units,
      me: session.user.id,
      now: new Date().toISOString(),
    },
    { headers: NO_STORE },
  );
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  return adminAction(request, (context as RequestContext).clientIp ?? "unknown", "manage_accounts");
});

export default function Accounts() {
  const { staff, accounts, apiKeys, units, me, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AdminResult | undefined;
  const t = useT();
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  return (
    <StaffPage staff={staff} title={t("admin.accounts.title")}>
      <AdminResultBanner result={result} />
      <details className="action" open={!!result?.errors}>
        <summary>{t("admin.accounts.invite")}</summary>
        <p className="hint">{t("admin.accounts.invite.hint")}</p>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="invite" />
          <TextField name="fullName" id="invite-name" label={t("admin.accounts.fullName")} required />
          <TextField name="email" id="invite-email" type="email" label={t("admin.accounts.email")} required />
          <SelectField name="role" id="invite-role" label={t("admin.accounts.role")} required>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="communeId" id="invite-unit" label={t("admin.accounts.unit")} required>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button--primary">
            {t("admin.accounts.invite")}
          </button>
        </Form>
      </details>
      <div className="table-wrap">
        <table className="cases">
          <thead>
            <tr>
              <th scope="col">{t("admin.accounts.fullName")}</th>
              <th scope="col">{t("admin.accounts.role")}</th>
              <th scope="col">{t("admin.accounts.unit")}</th>
              <th scope="col">{t("admin.accounts.status")}</th>
              <th scope="col">{t("admin.accounts.totp")}</th>
              <th scope="col">{t("admin.accounts.edit")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.fullName}
                  <br />
                  <span className="hint">{a.email}</span>
                </td>
                <td>{t(`role.${a.role}`)}</td>
                <td>{unitName(a.communeId)}</td>
                <td>
                  {a.disabledAt ? t("admin.accounts.disabled") : a.lockedUntil && a.lockedUntil > now ? t("admin.accounts.locked") : t("admin.accounts.active")}
                </td>
                <td>{a.totpEnabledAt ? t("admin.accounts.totp.on") : t("admin.accounts.totp.off")}</td>
                <td>
                  <details>
                    <summary>{t("admin.accounts.edit")}</summary>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="id" value={a.id} />
                      <TextField name="fullName" id={`name-${a.id}`} label={t("admin.accounts.fullName")} required defaultValue={a.fullName} />
                      <SelectField name="role" id={`role-${a.id}`} label={t("admin.accounts.role")} required defaultValue={a.role}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </SelectField>
                      <SelectField name="communeId" id={`unit-${a.id}`} label={t("admin.accounts.unit")} required defaultValue={a.communeId}>
                        {units.map((u) => (
                          <option key={u.id} value={u.id}>
                            {u.name}
                          </option>
                        ))}
                      </SelectField>
                      <button type="submit" className="button">
                        {t("admin.accounts.save")}
                      </button>
                    </Form>
                    {a.id !== me ? (
                      <div className="actions">
                        <Form method="post">
                          <CsrfField />
                          <input type="hidden" name="intent" value={a.disabledAt ? "enable" : "disable"} />
                          <input type="hidden" name="id" value={a.id} />
                          <button type="submit" className="button">
                            {a.disabledAt ? t("admin.accounts.enable") : t("admin.accounts.disable")}
                          </button>
                        </Form>
                        {a.totpEnabledAt ? (
                          <Form method="post">
                            <CsrfField />
                            <input type="hidden" name="intent" value="reset-totp" />
                            <input type="hidden" name="id" value={a.id} />
                            <button type="submit" className="button">
                              {t("admin.accounts.resetTotp")}
                            </button>
                          </Form>
                        ) : null}
                      </div>
                    ) : null}
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="api-keys">
        <h2 id="api-keys">{t("admin.apiKeys")}</h2>
        <p className="hint">{t("admin.apiKeys.hint")}</p>
        <ul>
          {apiKeys.map((k) => (
            <li key={k.id}>
              <strong>{k.label}</strong> — {k.revokedAt ? t("admin.apiKeys.revoked") : t("admin.accounts.active")}
              {!k.revokedAt ? (
                <Form method="post" className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="revoke-api-key" />
                  <input type="hidden" name="id" value={k.id} />{" "}
                  <button type="submit" className="link-button">
                    {t("admin.apiKeys.revoke")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        <Form method="post" className="narrow">
          <CsrfField />
          <input type="hidden" name="intent" value="issue-api-key" />
          <TextField name="label" id="api-key-label" label={t("admin.apiKeys.label")} required />
          <button type="submit" className="button">
            {t("admin.apiKeys.issue")}
          </button>
        </Form>
      </section>
    </StaffPage>
  );
}
