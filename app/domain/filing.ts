// The filing form's one schema: the action validates with it and the page shows its messages next to each field.
// Messages are catalogue keys ("error.required", "error.tooLong:200"), translated by the UI.
import { z } from "zod";
import { checkbox, longText, required, singleLine } from "./form-text";
import { phoneDigits } from "./text";

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

/** Every field of the form, in order, so that what was typed can be echoed back after an error. */
export const FILING_FIELDS = [
  "kind",
  "category",
  "commune",
  "hamletId",
  "place",
  "projectLevel",
  "disclosureId",
  "planRowNo",
  "planRowFor",
  "title",
  "description",
  "requestedOutcome",
  "fullName",
  "phone",
  "email",
  "address",
  "idNumber",
  "complainedDecision",
  "complainedBody",
  "decisionKnownOn",
  "accusedPerson",
  "dataConsent",
  "truthConfirmed",
  "publishConsent",
  "keepPhotoLocation",
  "idempotencyKey",
] as const;
export type FilingField = (typeof FILING_FIELDS)[number];
export type FilingValues = Partial<Record<FilingField, string>>;

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

/** Reads a submitted form: the first value of each known field wins, unknown fields are ignored. */
export function readFilingForm(form: FormData): FilingValues {
  const values: FilingValues = {};
  for (const field of FILING_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  // The row belongs to the plan it was given for: a resident who then picks another plan is not about row N of it.
  if (values.planRowNo && values.planRowFor !== values.disclosureId) delete values.planRowNo;
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

/**
 * Zod skips an object's refinements once any field has failed (an unchosen kind, category or commune), so a
 * resident would learn of the missing complaint fields only on the next try. Run them regardless: every
 * missing field is reported at once.
 */
function everyField<T>(check: z.core.$ZodCheck<T>): z.core.$ZodCheck<T> {
  check._zod.def.when = () => true;
  return check;
}

export function filingSchema(ref: FilingReference) {
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
      title: required(singleLine(LIMITS.title)),
      description: required(longText(LIMITS.description)),
      requestedOutcome: required(longText(LIMITS.requestedOutcome)),
      fullName: required(singleLine(LIMITS.fullName)),
      phone: required(singleLine(LIMITS.phone)).refine((v) => /^0\d{9,10}$/.test(phoneDigits(v)), "error.phone"),
      email: singleLine(LIMITS.email).refine((v) => v === "" || z.email().safeParse(v).success, "error.email"),
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
      dataConsent: checkbox.refine((v) => v, "error.dataConsent"),
      truthConfirmed: checkbox.refine((v) => v, "error.truthConfirmed"),
      publishConsent: checkbox,
      keepPhotoLocation: checkbox,
      idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "error.formExpired"),
    })
    .check(everyField(z.superRefine((v, ctx) => {
      // Also runs when other fields failed (see everyField), so the kind may be missing or forged here.
      const kindFields = (CASE_KINDS as readonly string[]).includes(v.kind) ? ref.requiredFields(v.kind) : [];
      for (const field of kindFields) {
        if (v[field] === "") ctx.addIssue({ code: "custom", path: [field], message: "error.required" });
      }
      if (v.hamletId !== null) {
        const hamletCommune = ref.hamletCommune.get(v.hamletId);
        if (hamletCommune === undefined || hamletCommune !== v.commune) {
          ctx.addIssue({ code: "custom", path: ["hamletId"], message: "error.hamletNotInCommune" });
        }
      }
      if (v.category === "compensation" && v.projectLevel === null) {
        ctx.addIssue({ code: "custom", path: ["projectLevel"], message: "error.chooseProjectLevel" });
      }
      // A row of a plan means nothing without the plan it belongs to.
      if (v.planRowNo !== null && v.disclosureId === null) ctx.addIssue({ code: "custom", path: ["planRowNo"], message: "error.planRow" });
    })))
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
        projectLevel: v.category === "compensation" ? v.projectLevel : null,
        email: v.email === "" ? null : v.email,
      };
    });
}

export type FilingInput = z.output<ReturnType<typeof filingSchema>>;
export type FieldErrors = Partial<Record<string, string>>;

/** One message per field (the first), in form order, for the error summary and the inline messages. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form") as keyof FieldErrors;
    if (!errors[field]) errors[field] = issue.message;
  }
  return errors;
}
