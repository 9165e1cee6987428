import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Checkbox, CsrfField, ErrorSummary, RadioGroup, SelectField, TextArea, TextField, useTranslatedErrors } from "~/components/form";
import { FILING_FIELDS, LIMITS, type FilingValues } from "~/domain/filing";
import { vnDate } from "~/domain/dates";
import { disclosureLinkLabel, readPrefillQuery } from "~/domain/disclosure-link";
import { MAX_FILES } from "~/domain/uploads";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import { linkableDisclosures, prefillFromDisclosure } from "~/services/disclosures/links.server";
import { randomToken } from "~/services/platform/secrets.server";
import { reference, requiredFields, selectableCommunes } from "~/services/reference/reference.server";
import { submitFiling } from "~/services/cases/forms.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { csrfToken, requestTranslator, type RequestContext } from "~/services/platform/request.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

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
      return rejectionResponse<FilingValues>(outcome, {});
  }
});

/** The question each field answers, for the error summary. */
function fieldLabels(t: (key: string) => string): Record<string, string> {
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
  const [commune, setCommune] = useState(values.commune ?? "");
  const submitting = navigation.state === "submitting";
  const requiredBy = (field: string) => data.kinds.filter((k) => k.required.includes(field as never)).map((k) => k.code);
  const kindClass = (field: string) =>
    requiredBy(field)
      .map((k) => `for-${k}`)
      .join(" ");

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

        <RadioGroup
          name="kind"
          legend={t("file.kind.legend")}
          error={errors.kind}
          value={values.kind}
          required
          choices={data.kinds.map((k) => ({ value: k.code, label: t(`kind.${k.code}`), hint: t(`kind.${k.code}.hint`) }))}
        />

        <RadioGroup
          name="category"
          legend={t("file.category.legend")}
          error={errors.category}
          value={values.category}
          required
          choices={data.categories.map((code) => ({ value: code, label: t(`category.${code}`) }))}
        />

        <div className="conditional for-compensation">
          <RadioGroup
            name="projectLevel"
            legend={t("file.projectLevel.legend")}
            hint={t("file.projectLevel.hint")}
            error={errors.projectLevel}
            value={values.projectLevel}
            choices={(["commune", "district", "unknown"] as const).map((v) => ({ value: v, label: t(`file.projectLevel.${v}`) }))}
          />
        </div>

        {data.disclosureGroups.length || errors.disclosureId || errors.planRowNo ? (
          <SelectField
            name="disclosureId"
            label={t("file.disclosure")}
            hint={t("file.disclosure.hint")}
            error={errors.disclosureId ?? errors.planRowNo}
            defaultValue={values.disclosureId ?? ""}
          >
            <option value="">{t("file.disclosure.none")}</option>
            {data.disclosureGroups.map((g) => (
              <optgroup key={g.communeId} label={g.communeName}>
                {g.disclosures.map((d) => (
                  <option key={d.id} value={d.id}>
                    {disclosureLinkLabel(t, d, null)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        ) : null}

        <fieldset className="group">
          <legend>{t("file.where.legend")}</legend>
          <SelectField
            name="commune"
            label={t("file.commune")}
            error={errors.commune}
            required
            defaultValue={values.commune ?? ""}
            onChange={(e) => setCommune(e.currentTarget.value)}
          >
            <option value="">{t("file.commune.choose")}</option>
            {data.communes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value="multiple">{t("file.commune.multiple")}</option>
            <option value="unknown">{t("file.commune.unknown")}</option>
          </SelectField>
          <SelectField name="hamletId" label={t("file.hamlet")} hint={t("file.hamlet.hint")} error={errors.hamletId} defaultValue={values.hamletId ?? ""}>
            <option value="">{t("file.hamlet.none")}</option>
            {data.communes
              .filter((c) => !commune || c.id === commune)
              .map((c) => (
                <optgroup key={c.id} label={c.name}>
                  {data.hamlets
                    .filter((h) => h.communeId === c.id)
                    .map((h) => (
                      <option key={h.id} value={h.id}>
                        {h.name} – {c.name}
                      </option>
                    ))}
                </optgroup>
              ))}
          </SelectField>
          <TextField
            name="place"
            label={t("file.place")}
            hint={t("file.place.hint")}
            error={errors.place}
            required
            defaultValue={values.place}
            maxLength={LIMITS.place}
          />
        </fieldset>

        <fieldset className="group">
          <legend>{t("file.content.legend")}</legend>
          <TextField
            name="title"
            label={t("file.title.label")}
            hint={t("file.title.hint")}
            error={errors.title}
            required
            defaultValue={values.title}
            maxLength={LIMITS.title}
          />
          <TextArea
            name="description"
            label={t("file.description")}
            hint={t("file.description.hint")}
            error={errors.description}
            required
            defaultValue={values.description}
            rows={8}
          />
          <TextArea
            name="requestedOutcome"
            label={t("file.requestedOutcome")}
            error={errors.requestedOutcome}
            required
            defaultValue={values.requestedOutcome}
            rows={3}
          />
        </fieldset>

        <fieldset className={`group conditional ${kindClass("complainedDecision")}`}>
          <legend>{t("file.complaint.legend")}</legend>
          <p className="hint">{t("file.complaint.hint")}</p>
          <TextField
            name="complainedDecision"
            label={t("file.complainedDecision")}
            hint={t("file.complainedDecision.hint")}
            error={errors.complainedDecision}
            required
            defaultValue={values.complainedDecision}
          />
          <TextField name="complainedBody" label={t("file.complainedBody")} error={errors.complainedBody} required defaultValue={values.complainedBody} />
          <TextField
            name="decisionKnownOn"
            type="date"
            label={t("file.decisionKnownOn")}
            hint={t("file.decisionKnownOn.hint")}
            error={errors.decisionKnownOn}
            required
            defaultValue={values.decisionKnownOn}
          />
        </fieldset>

        <fieldset className={`group conditional ${kindClass("accusedPerson")}`}>
          <legend>{t("file.denunciation.legend")}</legend>
          <p className="hint">{t("file.denunciation.hint")}</p>
          <TextField name="accusedPerson" label={t("file.accusedPerson")} error={errors.accusedPerson} required defaultValue={values.accusedPerson} />
        </fieldset>

        <fieldset className="group">
          <legend>{t("file.attachments.legend")}</legend>
          <div className={`field${errors.attachments ? " field--error" : ""}`}>
            <label htmlFor="field-attachments">
              {t("file.attachments")} <span className="label-note">{t("file.optional")}</span>
            </label>
            <p className="hint" id="field-attachments-hint">
              {t("file.attachments.hint")}
            </p>
            {errors.attachments ? (
              <p className="field-error" id="field-attachments-error">
                {errors.attachments.split("\n").map((line, i) => (
                  <span key={i} className="field-error-line">
                    {line}
                  </span>
                ))}
              </p>
            ) : null}
            <input
              type="file"
              id="field-attachments"
              name="attachments"
              multiple
              accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,application/pdf"
              aria-describedby={`field-attachments-hint${errors.attachments ? " field-attachments-error" : ""}`}
              data-max-files={MAX_FILES}
            />
          </div>
          <Checkbox
            name="keepPhotoLocation"
            label={t("file.keepPhotoLocation")}
            hint={t("file.keepPhotoLocation.hint")}
            checked={values.keepPhotoLocation === "on"}
          />
        </fieldset>

        <fieldset className="group">
          <legend>{t("file.contact.legend")}</legend>
          <p className="hint">{t("file.contact.hint")}</p>
          <TextField
            name="fullName"
            label={t("file.fullName")}
            error={errors.fullName}
            required
            defaultValue={values.fullName}
            autoComplete="name"
            maxLength={LIMITS.fullName}
          />
          <TextField
            name="phone"
            type="tel"
            label={t("file.phone")}
            hint={t("file.phone.hint")}
            error={errors.phone}
            required
            defaultValue={values.phone}
            autoComplete="tel"
            inputMode="tel"
          />
          <TextField
            name="email"
            type="email"
            label={t("file.email")}
            hint={t("file.email.hint")}
            error={errors.email}
            defaultValue={values.email}
            autoComplete="email"
          />
          <TextField name="address" label={t("file.address")} error={errors.address} required defaultValue={values.address} autoComplete="street-address" />
          <TextField
            name="idNumber"
            label={t("file.idNumber")}
            hint={t("file.idNumber.hint")}
            error={errors.idNumber}
            defaultValue={values.idNumber}
            inputMode="numeric"
            maxLength={20}
          />
        </fieldset>

        <fieldset className="group">
          <legend>{t("file.consent.legend")}</legend>
          <Checkbox name="dataConsent" label={t("file.dataConsent")} error={errors.dataConsent} checked={values.dataConsent === "on"} />
          <Checkbox name="truthConfirmed" label={t("file.truthConfirmed")} error={errors.truthConfirmed} checked={values.truthConfirmed === "on"} />
          <Checkbox name="publishConsent" label={t("file.publishConsent")} checked={values.publishConsent === "on"} />
        </fieldset>

        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t("file.submitting") : t("file.submit")}
        </button>
      </Form>
    </>
  );
}
