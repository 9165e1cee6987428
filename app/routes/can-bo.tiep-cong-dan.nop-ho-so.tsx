import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, ErrorSummary, SelectField, useTranslatedErrors } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { FILING_FIELDS, type FilingValues } from "~/domain/filing";
import { NO_STORE, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { rejectionInfo } from "~/services/platform/responses.server";
import { assistedFilingPage, submitAssistedFiling } from "~/services/reception/assisted.server";
import { staffHeader } from "~/services/staff/context.server";
import { requireStaff } from "~/services/staff/sessions.server";
import { AttachmentsPart } from "./gui-phan-anh/attachments";
import { ContactAndConsent } from "./gui-phan-anh/contact-and-consent";
import { CaseContent } from "./gui-phan-anh/content";
import type { FilingPartProps } from "./gui-phan-anh/types";
import { WhatAndWhere } from "./gui-phan-anh/what-and-where";

export const meta = pageMeta("title.staff.reception.assisted", { noindex: true });

function visitParam(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("luot");
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  return json({ staff: await staffHeader(session), page: await assistedFilingPage(session.user, visitParam(request)) }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

/** The same form and rules as online filing; the printed receipt (tracking code, access key) is handed over. */
export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const outcome = await submitAssistedFiling(request, session.user, visitParam(request));
  if (outcome.outcome === "filed") return redirect(`/bien-nhan/${outcome.receiptToken}`, 303);
  if (outcome.outcome === "invalid") return json({ values: outcome.values as FilingValues, errors: outcome.errors }, { status: 400 });
  const { key, init } = rejectionInfo(outcome);
  return json({ values: (outcome.values ?? {}) as FilingValues, errors: { form: key } as Record<string, string | undefined> }, init);
});

export default function AssistedFiling() {
  const { staff, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values: FilingValues = result?.values ?? page.prefill ?? {};
  const errors = useTranslatedErrors(result?.errors);
  const parts = { data: page as unknown as FilingPartProps["data"], values, errors, fields: page.fields };
  return (
    <StaffPage staff={staff} title={t("reception.assisted.title")}>
      <p>{t("reception.assisted.intro")}</p>
      <ErrorSummary errors={errors} order={["channel", ...FILING_FIELDS, "attachments"]} />
      {result ? <p className="notice notice--warning">{t("file.reattach")}</p> : null}
      <Form method="post" encType="multipart/form-data" className="filing-form" noValidate>
        <CsrfField />
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? page.idempotencyKey} />
        <SelectField
          name="channel"
          label={t("reception.assisted.channel")}
          required
          error={errors.channel}
          defaultValue={values.channel ?? (page.visit ? "reception" : undefined)}
        >
          {page.channels.map((c) => (
            <option key={c} value={c}>
              {t(`reception.channel.${c}`)}
            </option>
          ))}
        </SelectField>
        <WhatAndWhere {...parts} />
        <CaseContent {...parts} />
        <AttachmentsPart {...parts} />
        <ContactAndConsent {...parts} />
        <button type="submit" className="button button--primary">
          {t("reception.assisted.submit")}
        </button>
      </Form>
      {page.visit ? (
        <p>
          <Link to={`/can-bo/tiep-cong-dan/phien/${page.visit.sessionId}`}>{t("reception.session.title")}</Link>
        </p>
      ) : null}
    </StaffPage>
  );
}
