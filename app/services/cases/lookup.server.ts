// The look-up form: code + access key, code + phone, or the receipt link's token. One message for every failure.
import { z } from "zod";
import { fieldErrors, type FieldErrors } from "~/domain/filing";
import { normaliseTrackingCode } from "~/domain/tracking-code";
import { caseCode, verifyLookup } from "./cases.server";
import { consume } from "~/services/platform/rate-limit.server";
import { CSRF_FIELD, grantCase, verifyCsrf, type RequestContext } from "~/services/platform/request.server";
import type { FormRejection } from "./forms.server";

const lookupSchema = z.union([
  z.object({ receiptToken: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) }),
  z
    .object({
      code: z
        .string()
        .trim()
        .min(1, "error.required")
        .refine((v) => normaliseTrackingCode(v) !== null, "error.badCode"),
      accessKey: z.string().trim().max(40).optional().default(""),
      phone: z.string().trim().max(30).optional().default(""),
    })
    .superRefine((v, ctx) => {
      if (!v.accessKey && !v.phone) ctx.addIssue({ code: "custom", path: ["accessKey"], message: "error.lookupSecret" });
    }),
]);

export type LookupValues = { code?: string; accessKey?: string; phone?: string };

export type LookupOutcome =
  | { outcome: "found"; code: string; setCookie: string }
  | { outcome: "invalid"; values: LookupValues; errors: FieldErrors }
  | FormRejection;

export async function submitLookup(request: Request, context: RequestContext | undefined): Promise<LookupOutcome> {
  const form = await request.formData();
  const str = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)).normalize("NFC") : undefined);
  const values: LookupValues = { code: str("code"), accessKey: str("accessKey"), phone: str("phone") };
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { outcome: "forbidden", values };
  // Every attempt counts, valid or not: guessing is slowed per client (the phone number has far fewer bits than the key).
  const limited = await consume("lookup", context?.clientIp ?? "unknown");
  if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
  const receiptToken = str("receiptToken");
  const parsed = lookupSchema.safeParse(receiptToken ? { receiptToken } : { ...values });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { outcome: "invalid", values, errors: Object.keys(errors).length ? errors : { form: "error.lookupFailed" } };
  }
  const data = parsed.data;
  const caseId =
    "receiptToken" in data
      ? await verifyLookup({ receiptToken: data.receiptToken })
      : ((data.accessKey ? await verifyLookup({ code: data.code, accessKey: data.accessKey }) : null) ??
        (data.phone ? await verifyLookup({ code: data.code, phone: data.phone }) : null));
  if (caseId === null) return { outcome: "invalid", values, errors: { form: "error.lookupFailed" } };
  return { outcome: "found", code: await caseCode(caseId), setCookie: await grantCase(request, caseId) };
}
