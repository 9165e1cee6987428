// The filing form's one schema: the action validates with it and the page shows its messages next to each field.
// Messages are catalogue keys ("error.required", "error.tooLong:200"), translated by the UI.
import { z } from "zod";
import { checkbox, longText, required, singleLine } from "./form-text";
import { fieldErrors, fieldSpecs, type FieldErrors } from "./form-schema";
import { phoneDigits } from "./text";

export type Validation<T> = { success: true; data: T } | { success: false; errors: FieldErrors };
export type { FieldErrors };

export const CASE_KINDS = ["feedback", "petition", "complaint", "denunciation"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const PROJECT_LEVELS = ["commune", "district", "unknown"] as const;

/** Fields a kind may require, by rule rows (kind_field_rules), beyond the contact every filing needs. */
export const KIND_FIELDS = ["idNumber", "complainedDecision", "complainedBody", "decisionKnownOn", "accusedPerson"] as const;
export type KindField = (typeof KIND_FIELDS)[number];

export const LIMITS = {
  title: 200,
  place: 300,
  description: 10_000,
  requestedOutcome: 3_000,
  fullName: 100,
  phone: 20,
  email: 254,
  address: 300,
  idNumber: 12,
  complainedDecision: 500,
  complainedBody: 300,
  accusedPerson: 300,
} as const;

export type FilingValues = Partial<Record<string, string>>;

export interface FilingReference {
  categoryCodes: readonly string[];
  communeIds: readonly string[];
  /** hamlet id → commune id */
  hamletCommune: ReadonlyMap<number, string>;
  /** Fields required for each kind on the filing date. */
  requiredFields: (kind: CaseKind) => readonly KindField[];
  /** Today in Vietnam, YYYY-MM-DD. */
  today: string;
}

/** The row belongs to the plan it was given for: a resident who then picks another plan is not about row N of it. */
export function prepareFilingValues(values: FilingValues): FilingValues {
  if (values.planRowNo && values.planRowFor !== values.disclosureId) {
    const { planRowNo: _dropped, ...rest } = values;
    return rest;
  }
  return values;
}

/** An optional positive id chosen in the form ("" or absent: none); `message` when it is not one. */
function optionalId(message: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || /^[1-9]\d{0,8}$/.test(v), message)
    .transform((v) => (v === "" ? null : Number(v)));
}

const disclosureIdField = optionalId("error.chooseDisclosure");
const planRowNoField = optionalId("error.planRow");

/** The disclosure and plan row as typed, for checking them against the database when other fields failed. */
export function readDisclosureLink(values: FilingValues): { disclosureId: number | null; planRowNo: number | null } {
  const disclosureId = disclosureIdField.safeParse(values.disclosureId);
  const planRowNo = planRowNoField.safeParse(values.planRowNo);
  return { disclosureId: disclosureId.success ? disclosureId.data : null, planRowNo: disclosureId.success && planRowNo.success ? planRowNo.data : null };
}

// Built once per reference data (the object changes when an administrator edits it, or at the day change): building
// the schema cost more than validating with it, and a filing used to build it twice.
const schemas = new WeakMap<FilingReference, ReturnType<typeof buildFilingSchema>>();

/** The filing form's fields for this reference data (units, categories, hamlets, today's rules). */
export function filingSchema(ref: FilingReference) {
  let schema = schemas.get(ref);
  if (!schema) {
    schema = buildFilingSchema(ref);
    schemas.set(ref, schema);
  }
  return schema;
}

const EMAIL = z.email();

function buildFilingSchema(ref: FilingReference) {
  return z
    .object({
      kind: z.enum(CASE_KINDS, { message: "error.chooseKind" }),
      category: z.string({ message: "error.chooseCategory" }).refine((v) => ref.categoryCodes.includes(v), "error.chooseCategory"),
      commune: z
        .string({ message: "error.chooseCommune" })
        .refine((v) => v === "multiple" || v === "unknown" || ref.communeIds.includes(v), "error.chooseCommune"),
      hamletId: z
        .string()
        .optional()
        .transform((v) => (v && v !== "" ? Number(v) : null))
        .refine((v) => v === null || Number.isInteger(v), "error.chooseHamlet"),
      place: required(singleLine(LIMITS.place)),
      projectLevel: z
        .string()
        .optional()
        .transform((v) => (v ? v : null))
        .refine((v) => v === null || (PROJECT_LEVELS as readonly string[]).includes(v), "error.chooseProjectLevel"),
      disclosureId: disclosureIdField,
      planRowNo: planRowNoField,
      /** The plan the row number was given for (read only by prepareFilingValues). */
      planRowFor: z.string().max(12).optional(),
      title: required(singleLine(LIMITS.title)),
      description: required(longText(LIMITS.description)),
      requestedOutcome: required(longText(LIMITS.requestedOutcome)),
      fullName: required(singleLine(LIMITS.fullName)),
      phone: required(singleLine(LIMITS.phone)).refine((v) => /^0\d{9,10}$/.test(phoneDigits(v)), "error.phone"),
      email: singleLine(LIMITS.email).refine((v) => v === "" || EMAIL.safeParse(v).success, "error.email"),
      address: required(singleLine(LIMITS.address)),
      idNumber: singleLine(LIMITS.idNumber + 8).refine((v) => v === "" || /^(\d{9}|\d{12})$/.test(v.replace(/\s/g, "")), "error.idNumber"),
      complainedDecision: singleLine(LIMITS.complainedDecision),
      complainedBody: singleLine(LIMITS.complainedBody),
      decisionKnownOn: z
        .string()
        .optional()
        .transform((v) => (v ?? "").trim())
        .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), "error.date")
        .refine((v) => v === "" || v <= ref.today, "error.dateInFuture"),
      accusedPerson: singleLine(LIMITS.accusedPerson),
      /** A denunciation of an official or civil servant of the commune: routed to the district (routing.ts). */
      concernsOfficial: checkbox,
      dataConsent: checkbox.refine((v) => v, "error.dataConsent"),
      truthConfirmed: checkbox.refine((v) => v, "error.truthConfirmed"),
      publishConsent: checkbox,
      keepPhotoLocation: checkbox,
      idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "error.formExpired"),
    })
    .transform((v) => {
      // Fields that do not belong to the chosen kind are dropped, never stored.
      const required = new Set<string>(ref.requiredFields(v.kind));
      const keep = (field: KindField) => (required.has(field) || (field === "idNumber" && v.idNumber !== "") ? v[field] : "");
      return {
        ...v,
        idNumber: keep("idNumber").replace(/\s/g, ""),
        complainedDecision: keep("complainedDecision"),
        complainedBody: keep("complainedBody"),
        decisionKnownOn: keep("decisionKnownOn"),
        accusedPerson: keep("accusedPerson"),
        concernsOfficial: v.kind === "denunciation" && v.concernsOfficial,
        projectLevel: v.category === "compensation" ? v.projectLevel : null,
        email: v.email === "" ? null : v.email,
      };
    });
}

export type FilingInput = z.output<ReturnType<typeof buildFilingSchema>>;

/** Every field of the form, in form order: the error summary's order and what is echoed back after an error. */
export const FILING_FIELDS: readonly string[] = Object.keys(
  fieldSpecs(filingSchema({ categoryCodes: [], communeIds: [], hamletCommune: new Map(), requiredFields: () => [], today: "2000-01-01" })),
);

/**
 * Rules across fields, on what was typed: they run whether or not the fields themselves passed, so that every
 * missing field is reported at once (an unchosen kind must not hide the missing complaint fields).
 */
export function filingCrossChecks(values: FilingValues, ref: FilingReference): FieldErrors {
  const errors: FieldErrors = {};
  const blank = (field: string) => (values[field] ?? "").trim() === "";
  const kind = values.kind as CaseKind | undefined;
  const kindFields = kind && (CASE_KINDS as readonly string[]).includes(kind) ? ref.requiredFields(kind) : [];
  for (const field of kindFields) if (blank(field)) errors[field] ??= "error.required";
  const hamletId = Number(values.hamletId);
  if (!blank("hamletId") && Number.isInteger(hamletId)) {
    const hamletCommune = ref.hamletCommune.get(hamletId);
    if (hamletCommune === undefined || hamletCommune !== values.commune) errors.hamletId = "error.hamletNotInCommune";
  }
  if (values.category === "compensation" && blank("projectLevel")) errors.projectLevel = "error.chooseProjectLevel";
  // A row of a plan means nothing without the plan it belongs to.
  if (!blank("planRowNo") && blank("disclosureId")) errors.planRowNo = "error.planRow";
  return errors;
}

/** The filing form's validation, in two stages: each field, then the rules across fields on what was typed. */
export function parseFiling(values: FilingValues, ref: FilingReference): Validation<FilingInput> {
  const result = filingSchema(ref).safeParse(values);
  const cross = filingCrossChecks(values, ref);
  if (result.success && !Object.keys(cross).length) return { success: true, data: result.data };
  return { success: false, errors: { ...cross, ...(result.success ? {} : fieldErrors(result.error)) } };
}

/** The form's values from a FormData (the first value of each field; unknown fields are ignored). */
export function readFilingForm(form: FormData): FilingValues {
  const values: FilingValues = {};
  for (const field of FILING_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return prepareFilingValues(values);
}
