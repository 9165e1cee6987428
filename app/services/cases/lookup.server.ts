// The look-up form: code + access key, code + phone, or the receipt link's token. One message for every failure.
import { z } from "zod";
import { lookupSchema, receiptLookupSchema } from "~/domain/case-forms";
import { fieldErrors } from "~/domain/form-schema";
import { normaliseTrackingCode } from "~/domain/tracking-code";
import { eq } from "drizzle-orm";
import * as t from "../../../db/schema";
import { phoneDigits } from "~/domain/text";
import { read, transaction } from "~/services/platform/database.server";
import { publicUrl } from "~/services/platform/config.server";
import { nudgeMailWorker } from "~/services/platform/mail.server";
import { mailFiler } from "./handling.server";
import { normaliseAccessKey, safeEqual, sha256 } from "~/services/platform/secrets.server";
import { consume, isExhausted } from "~/services/platform/rate-limit.server";
import { handleForm, type FormOutcome } from "~/services/platform/forms.server";
import { grantCase, type RequestContext } from "~/services/platform/request.server";

export type LookupCredentials = { code: string; accessKey: string } | { code: string; phone: string } | { receiptToken: string };

/** The case id if the credentials open it; null otherwise (the caller gives one message for every failure). */
export async function verifyLookup(credentials: LookupCredentials): Promise<number | null> {
  if ("receiptToken" in credentials) {
    const row = (
      await read()
        .select({ id: t.cases.id })
        .from(t.cases)
        .where(eq(t.cases.receiptTokenHash, sha256(credentials.receiptToken)))
    )[0];
    return row?.id ?? null;
  }
  const code = normaliseTrackingCode(credentials.code);
  if (!code) return null;
  const row = (
    await read()
      .select({ id: t.cases.id, accessKeyHash: t.cases.accessKeyHash, phoneDigits: t.caseContacts.phoneDigits })
      .from(t.cases)
      .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
      .where(eq(t.cases.code, code))
  )[0];
  if (!row) return null;
  if ("accessKey" in credentials) {
    return safeEqual(sha256(normaliseAccessKey(credentials.accessKey)), row.accessKeyHash) ? row.id : null;
  }
  const digits = phoneDigits(credentials.phone);
  return digits.length >= 9 && safeEqual(digits, row.phoneDigits) ? row.id : null;
}

/**
 * Code + phone, limited per case whatever the address: after five wrong numbers in an hour that code's phone look-up
 * is locked (the access key still opens it) and the filer is mailed once, so they know someone is trying.
 */
async function lookupByPhone(codeInput: string, phone: string): Promise<number | null | "locked"> {
  const code = normaliseTrackingCode(codeInput);
  if (!code) return null;
  if (!(await isExhausted("lookupPhonePerCase", code)).ok) return "locked";
  const caseId = await verifyLookup({ code, phone });
  if (caseId !== null) return caseId;
  const counted = await consume("lookupPhonePerCase", code);
  if (counted.ok && counted.remaining === 0) await mailPhoneLookupLocked(code);
  return null;
}

async function mailPhoneLookupLocked(code: string): Promise<void> {
  const caseId = await caseIdByCode(code);
  if (caseId === null) return;
  const now = new Date();
  await transaction((tx) =>
    mailFiler(
      tx,
      caseId,
      (tr, caseCode) => ({ subject: tr("mail.lookupLocked.subject", caseCode), text: tr("mail.lookupLocked.body", caseCode, `${publicUrl()}/tra-cuu`) }),
      now,
    ),
  );
  nudgeMailWorker();
}

export async function caseCode(caseId: number): Promise<string> {
  return (await read().select({ code: t.cases.code }).from(t.cases).where(eq(t.cases.id, caseId)))[0].code;
}

export async function caseIdByCode(codeInput: string): Promise<number | null> {
  const code = normaliseTrackingCode(codeInput);
  if (!code) return null;
  return (await read().select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.code, code)))[0]?.id ?? null;
}

const lookupFormSchema = z.object({
  receiptToken: z.string().max(100).optional(),
  code: lookupSchema.shape.code.optional(),
  accessKey: lookupSchema.shape.accessKey,
  phone: lookupSchema.shape.phone,
});

export type LookupOutcome = FormOutcome<{ outcome: "found"; code: string; setCookie: string }>;

/** Opens a case for this browser with its receipt link's token, or its code with the access key or the phone. */
export async function submitLookup(request: Request, context: RequestContext | undefined): Promise<LookupOutcome> {
  return handleForm(
    request,
    lookupFormSchema,
    {
      csrf: "token",
      // The receipt page's button carries its token; the form carries a code and a secret.
      validate: (values) => {
        const result = values.receiptToken ? receiptLookupSchema.safeParse(values) : lookupSchema.safeParse(values);
        return result.success
          ? { success: true, data: result.data as z.output<typeof lookupFormSchema> }
          : { success: false, errors: fieldErrors(result.error) };
      },
    },
    async ({ data, values }) => {
      // Every attempt counts: guessing is slowed per client (the phone number has far fewer bits than the key).
      const limited = await consume("lookup", context?.clientIp ?? "unknown");
      if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
      const code = data.code ?? "";
      let caseId = data.receiptToken
        ? await verifyLookup({ receiptToken: data.receiptToken })
        : data.accessKey
          ? await verifyLookup({ code, accessKey: data.accessKey })
          : null;
      if (caseId === null && !data.receiptToken && data.phone) {
        const phoneLock = await lookupByPhone(code, data.phone);
        if (phoneLock === "locked") return { outcome: "invalid", values, errors: { form: "error.lookupPhoneLocked" } };
        caseId = phoneLock;
      }
      if (caseId === null) return { outcome: "invalid", values, errors: { form: "error.lookupFailed" } };
      return { outcome: "found" as const, code: await caseCode(caseId), setCookie: await grantCase(request, caseId) };
    },
  );
}
