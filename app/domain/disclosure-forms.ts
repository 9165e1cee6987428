// The forms about disclosures, one schema each, read by the server and the pages: residents' comments,
// subscriptions and household look-ups; the staff's drafting, publishing, consultation, replies and documents.
import { z } from "zod";
import { DISCLOSURE_TYPE_CODES } from "./disclosure";
import { checkbox, longText, required, singleLine } from "./form-text";
import { phoneDigits } from "./text";

export const commentSchema = z.object({
  body: required(longText(5_000)),
  authorName: required(singleLine(100)),
  authorPhone: required(singleLine(20)).refine((v) => /^0\d{9,10}$/.test(phoneDigits(v)), "error.phone"),
  showName: checkbox,
  /** Sent by pages that carry one; otherwise the key is derived from the comment itself (see comments.server.ts). */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, "error.formExpired")
    .optional(),
});

export const subscribeSchema = z.object({
  email: singleLine(254)
    .pipe(z.email({ message: "error.email" }))
    .meta({ maxLength: 254, required: true }),
  communeId: z
    .string()
    .max(60)
    .optional()
    .transform((v) => (v ? v : null)),
});

export const householdSchema = z.object({ code: required(singleLine(40)) });

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "error.date");
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "error.date");
const id = z.coerce.number().int().positive();
const draftFields = {
  title: required(singleLine(300)),
  summary: required(longText(2_000)),
  body: required(longText(50_000)),
  keyFigures: longText(5_000),
};

/** One schema per staff intent on a disclosure (the `intent` field says which). */
export const staffDisclosureSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    typeCode: z.enum(DISCLOSURE_TYPE_CODES, { message: "disclosure.error.type" }),
    communeId: z.string().min(1, "admin.error.unit").max(60),
    ...draftFields,
  }),
  z.object({ intent: z.literal("update"), ...draftFields }),
  z.object({
    intent: z.literal("publish"),
    from: date,
    to: date,
    /** Ticked when re-posting an already signed document; then its signed date is required. */
    reposted: checkbox,
    signedOn: z.union([z.literal(""), date]).optional(),
    versionReason: longText(2_000),
  }),
  z.object({ intent: z.literal("open-consultation"), from: localDateTime, to: localDateTime }),
  z.object({ intent: z.literal("close-consultation"), summary: longText(20_000), reason: longText(2_000) }),
  z.object({ intent: z.literal("withdraw"), reason: required(longText(2_000)) }),
  z.object({ intent: z.literal("new-version") }),
  z.object({ intent: z.literal("reply"), commentId: id, reply: required(longText(5_000)) }),
  z.object({ intent: z.literal("hide"), commentId: id, reason: required(singleLine(300)) }),
  z.object({ intent: z.literal("upload") }),
  z.object({ intent: z.literal("import-plan") }),
]);

/** "Tổng vốn: 12 tỷ đồng" lines → key figures. */
export function keyFigures(text: string): { label: string; value: string }[] {
  return text
    .split("\n")
    .map((line) => line.split(":"))
    .filter((parts) => parts.length >= 2 && parts[0].trim() && parts.slice(1).join(":").trim())
    .map((parts) => ({ label: parts[0].trim(), value: parts.slice(1).join(":").trim() }))
    .slice(0, 20);
}

/** A datetime-local field is Vietnam time. */
export function vnInstant(localDateTime: string): string {
  return new Date(`${localDateTime}:00+07:00`).toISOString();
}
