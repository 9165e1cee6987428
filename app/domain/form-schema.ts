// What a form's one zod schema tells the page and the body reader: each field's name, whether it is required and
// how long it may be (recorded by the text builders in form-text.ts as metadata), and the errors of a failed parse.
import { z } from "zod";

export interface FieldSpec {
  required: boolean;
  /** Characters (UTF-16 code units) the field may hold once cleaned. */
  maxLength?: number;
}

export type FieldSpecs = Record<string, FieldSpec>;
export type FieldErrors = Partial<Record<string, string>>;

/** Fields with no recorded length (ids, codes, enums, dates) are bounded by this when the body is read. */
export const DEFAULT_FIELD_LENGTH = 200;

type ObjectLike = z.ZodObject<z.ZodRawShape>;

/** The object schemas a form may be: one object, or the options of a union keyed by its intent field. */
function objects(schema: z.ZodType): ObjectLike[] {
  if (schema instanceof z.ZodObject) return [schema as ObjectLike];
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(objects);
  if (schema instanceof z.ZodPipe) return objects(schema.in as z.ZodType);
  return [];
}

function specOf(field: z.ZodType): FieldSpec {
  const meta = (field.meta() ?? {}) as { required?: boolean; maxLength?: number };
  return { required: meta.required === true, maxLength: meta.maxLength };
}

/** Each field's rules, for the page (required marks, maxlength) and the body reader's bounds. */
export function fieldSpecs(schema: z.ZodType): FieldSpecs {
  const specs: FieldSpecs = {};
  for (const object of objects(schema)) {
    for (const [name, field] of Object.entries(object.shape)) {
      const spec = specOf(field as z.ZodType);
      const known = specs[name];
      // A field of several variants: required only when every variant requires it, as long as the longest allows.
      specs[name] = known ? { required: known.required && spec.required, maxLength: Math.max(known.maxLength ?? 0, spec.maxLength ?? 0) || undefined } : spec;
    }
  }
  return specs;
}

/** The rules of one variant of a union form (e.g. the "answer" action), by the value of its discriminator. */
export function variantSpecs(schema: z.ZodType, discriminator: string, value: string): FieldSpecs {
  const variant = objects(schema).find((o) => {
    const d = o.shape[discriminator] as z.ZodType | undefined;
    return d instanceof z.ZodLiteral && d.values.has(value);
  });
  return variant ? fieldSpecs(variant) : {};
}

/** Longest value a field may carry in bytes before cleaning (NFD Vietnamese and UTF-8 take up to 4 per unit). */
export function fieldByteLimit(spec: FieldSpec | undefined): number {
  return 4 * (spec?.maxLength ?? DEFAULT_FIELD_LENGTH) + 64;
}

/** One message per field (the first), in form order, for the error summary and the inline messages. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!errors[field]) errors[field] = issue.message;
  }
  return errors;
}
