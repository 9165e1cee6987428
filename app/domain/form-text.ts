// zod builders for what people type: NUL and broken Unicode refused, NFC and invisible characters cleaned, then
// the length checked on what will be stored. Messages are catalogue keys.
import { z } from "zod";
import { cleanLongText, cleanSingleLine, hasNul, isBlank, isWellFormed } from "./text";

const rawText = z
  .string()
  .optional()
  .transform((v) => v ?? "")
  .superRefine((v, ctx) => {
    if (hasNul(v) || !isWellFormed(v)) ctx.addIssue({ code: "custom", message: "error.invalidCharacters" });
  });

// Each builder records what the page needs to know (maxLength, required) as zod metadata: the page reads it with
// `fieldSpecs` (domain/form-schema.ts), so the rule is written once, here, for the server and the page.
export function singleLine(max: number) {
  return rawText
    .transform(cleanSingleLine)
    .pipe(z.string().max(max, `error.tooLong:${max}`))
    .meta({ maxLength: max });
}
export function longText(max: number) {
  return rawText
    .transform(cleanLongText)
    .pipe(z.string().max(max, `error.tooLong:${max}`))
    .meta({ maxLength: max, multiline: true });
}
export function required(schema: ReturnType<typeof singleLine>) {
  const meta = schema.meta() ?? {};
  return schema.pipe(z.string().refine((v) => !isBlank(v), "error.required")).meta({ ...meta, required: true });
}
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1")
  .meta({ maxLength: 5 });
