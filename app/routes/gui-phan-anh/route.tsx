import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfField, ErrorSummary, useTranslatedErrors } from "~/components/form";
import { FILING_FIELDS, filingSchema, type FilingValues } from "~/domain/filing";
import { fieldSpecs } from "~/domain/form-schema";
import { vnDate } from "~/domain/dates";
import { disclosureLinkLabel, readPrefillQuery } from "~/domain/disclosure-link";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import type { Translate } from "~/i18n";
import { linkableDisclosures, prefillFromDisclosure } from "~/services/disclosures/links.server";
import { randomToken } from "~/services/platform/secrets.server";
import { filingReference, reference, requiredFields, selectableCommunes } from "~/services/reference/reference.server";
import { submitFiling } from "~/services/cases/forms.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { csrfToken, requestTranslator, type RequestContext } from "~/services/platform/request.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { AttachmentsPart } from "./attachments";
import { ContactAndConsent } from "./contact-and-consent";
import { CaseContent } from "./content";
import { WhatAndWhere } from "./what-and-where";

export const meta = pageMeta("title.file");

export const loader = guard(async ({ request, context }: LoaderFunctionArgs) => {
  const ref = await reference();
  const today = vnDate(new Date());
  // ?cong-khai=<disclosure>&dong=<row>: starting from a plan; ids only, never personal data in the address.
  const prefill = await prefillFromDisclosure(readPrefillQuery(new URL(request.url).searchParams), requestTranslator(request));
  return json({
    csrf: csrfToken(request, context as RequestContext),
    prefill,
    disclosureGroups: await linkableDisclosures(),
    communes: selectableCommunes(ref, today).map((c) => ({ id: c.id, name: c.name })),
    hamlets: ref.hamlets,
    categories: ref.categories.map((c) => c.code),
    kinds: ref.kinds.map((k) => ({ code: k.code, required: requiredFields(ref, k.code, today) })),
    idempotencyKey: randomToken(18),
    // The rules of each field, from the one schema the server validates with.
    fields: fieldSpecs(filingSchema(filingReference(ref, today))),
  });
});

export const headers = forwardHeaders;

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const outcome = await submitFiling(request, context as RequestContext);
  switch (outcome.outcome) {
    case "filed":
      return redirect(`/bien-nhan/${outcome.receiptToken}`, 303);
    case "invalid":
      return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
    default:
      return rejectionResponse<FilingValues>(outcome, {}, "case");
  }
});

/** The question each field answers, for the error summary. */
function fieldLabels(t: Translate): Record<string, string> {
  return {
    kind: t("file.kind.legend"),
    category: t("file.category.legend"),
    projectLevel: t("file.projectLevel.legend"),
    disclosureId: t("file.disclosure"),
    planRowNo: t("file.planRow"),
    commune: t("file.commune"),
    hamletId: t("file.hamlet"),
    place: t("file.place"),
    title: t("file.title.label"),
    description: t("file.description"),
    requestedOutcome: t("file.requestedOutcome"),
    complainedDecision: t("file.complainedDecision"),
    complainedBody: t("file.complainedBody"),
    decisionKnownOn: t("file.decisionKnownOn"),
    accusedPerson: t("file.accusedPerson"),
    attachments: t("file.attachments.legend"),
    fullName: t("file.fullName"),
    phone: t("file.phone"),
    email: t("file.email"),
    address: t("file.address"),
    idNumber: t("file.idNumber"),
  };
}

export default function FilePetition() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const values: FilingValues = result?.values ?? data.prefill ?? {};
  const errors = useTranslatedErrors(result?.errors);
  const linked = data.disclosureGroups.flatMap((g) => g.disclosures).find((d) => String(d.id) === values.disclosureId);
  // A row that is not in the chosen plan is dropped on the next try, as its error message says.
  const planRowNo = values.planRowNo && !errors.planRowNo ? values.planRowNo : "";
  const submitting = navigation.state === "submitting";
  const parts = { data, values, errors, fields: data.fields };

  return (
    <>
      <h1>{t("file.title")}</h1>
      <p className="lead">{t("file.intro")}</p>
      <div className="notice" role="note">
        {t("file.anonymous")}
      </div>
      {data.prefill && linked ? (
        <p className="notice" role="status">
          {t("file.linked", disclosureLinkLabel(t, linked, planRowNo ? Number(planRowNo) : null))}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={[...FILING_FIELDS, "attachments"]} labels={fieldLabels(t)} anchors={{ planRowNo: "field-disclosureId" }} />
      {result ? <p className="notice notice--warning">{t("file.reattach")}</p> : null}

      <Form method="post" encType="multipart/form-data" className="filing-form" noValidate>
        <CsrfField />
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? data.idempotencyKey} />
        {planRowNo ? (
          <>
            <input type="hidden" name="planRowNo" value={planRowNo} />
            <input type="hidden" name="planRowFor" value={values.planRowFor ?? values.disclosureId ?? ""} />
          </>
        ) : null}

        <WhatAndWhere {...parts} />
        <CaseContent {...parts} />
        <AttachmentsPart {...parts} />
        <ContactAndConsent {...parts} />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t("file.submitting") : t("file.submit")}
        </button>
      </Form>
    </>
  );
}
