// Posts about disclosures: residents' comments and subscriptions, and the staff's drafting and publishing.
// CSRF first, one zod schema per intent, then the disclosures service; errors come back as catalogue keys.
import { z } from "zod";
import { fieldErrors, type FieldErrors } from "~/domain/filing";
import { checkbox, longText, required, singleLine } from "~/domain/form-text";
import { phoneDigits } from "~/domain/text";
import type { StaffUser } from "~/domain/permissions";
import { MAX_PLAN_CSV_BYTES, type PlanProblem } from "~/domain/plan-table";
import { prepareAttachments } from "~/services/cases/attachments.server";
import * as disclosures from "./disclosures.server";
import { householdRow, importPlanTable, PlanImportError } from "./plan-table.server";
import { attachmentsError, parseUploadForm, type FormOutcome } from "~/services/cases/forms.server";
import { consume } from "~/services/platform/rate-limit.server";
import { CSRF_FIELD, verifyCsrf, type RequestContext } from "~/services/platform/request.server";

const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "error.formExpired");

function strings(form: FormData, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = form.get(k);
    if (typeof v === "string") out[k] = v;
  }
  return out;
}

// ---------------------------------------------------------------- residents

const commentSchema = z.object({
  body: required(longText(5_000)),
  authorName: required(singleLine(100)),
  authorPhone: required(singleLine(20)).refine((v) => /^0\d{9,10}$/.test(phoneDigits(v)), "error.phone"),
  showName: checkbox,
  idempotencyKey,
});

export async function submitComment(request: Request, context: RequestContext | undefined, slug: string): Promise<FormOutcome<Record<string, string>, { outcome: "sent" }>> {
  const form = await request.formData();
  const values = strings(form, ["body", "authorName", "authorPhone", "showName", "idempotencyKey"]);
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { outcome: "forbidden", values };
  const parsed = commentSchema.safeParse(values);
  if (!parsed.success) return { outcome: "invalid", values, errors: fieldErrors(parsed.error) };
  const limited = await consume("comment", context?.clientIp ?? "unknown");
  if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
  try {
    await disclosures.addComment(slug, parsed.data);
  } catch (error) {
    if (error instanceof disclosures.DisclosureError) return { outcome: "invalid", values, errors: { form: error.messageKey } };
    throw error;
  }
  return { outcome: "sent" };
}

const subscribeSchema = z.object({
  email: z.email({ message: "error.email" }).max(254),
  communeId: z.string().max(60).optional().transform((v) => (v ? v : null)),
});

export async function submitSubscription(request: Request, context: RequestContext | undefined): Promise<FormOutcome<Record<string, string>, { outcome: "sent" }>> {
  const form = await request.formData();
  const values = strings(form, ["email", "communeId"]);
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { outcome: "forbidden", values };
  const parsed = subscribeSchema.safeParse({ ...values, email: values.email?.trim() });
  if (!parsed.success) return { outcome: "invalid", values, errors: fieldErrors(parsed.error) };
  const limited = await consume("subscribe", context?.clientIp ?? "unknown");
  if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
  try {
    await disclosures.subscribe(parsed.data.email, parsed.data.communeId);
  } catch (error) {
    if (error instanceof disclosures.DisclosureError) return { outcome: "invalid", values, errors: { communeId: error.messageKey } };
    throw error;
  }
  return { outcome: "sent" };
}

const householdSchema = z.object({ code: required(singleLine(40)) });

/** A household looks up its own row with the code from its notice; counted against the look-up rate limit. */
export async function submitHouseholdLookup(
  request: Request,
  context: RequestContext | undefined,
  slug: string,
): Promise<FormOutcome<Record<string, string>, { outcome: "found"; found: NonNullable<Awaited<ReturnType<typeof householdRow>>> }>> {
  const form = await request.formData();
  const values = strings(form, ["code"]);
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { outcome: "forbidden", values };
  const limited = await consume("household", context?.clientIp ?? "unknown");
  if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
  const parsed = householdSchema.safeParse(values);
  if (!parsed.success) return { outcome: "invalid", values, errors: fieldErrors(parsed.error) };
  const found = await householdRow(slug, parsed.data.code);
  if (!found) return { outcome: "invalid", values, errors: { code: "plan.household.notFound" } };
  return { outcome: "found", found };
}

// ---------------------------------------------------------------- staff

const MAX_PROBLEMS_SHOWN = 200;

/** UTF-8 (with or without BOM) as spreadsheets save "CSV UTF-8"; anything that is not valid UTF-8 is refused. */
function decodeCsv(bytes: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** "Tổng vốn: 12 tỷ đồng" lines → key figures. */
function keyFigures(text: string): { label: string; value: string }[] {
  return text
    .split("\n")
    .map((line) => line.split(":"))
    .filter((parts) => parts.length >= 2 && parts[0].trim() && parts.slice(1).join(":").trim())
    .map((parts) => ({ label: parts[0].trim(), value: parts.slice(1).join(":").trim() }))
    .slice(0, 20);
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "error.date");
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "error.date");
/** A datetime-local field is Vietnam time. */
const vnInstant = (v: string) => new Date(`${v}:00+07:00`).toISOString();
const id = z.coerce.number().int().positive();
const draftFields = {
  title: required(singleLine(300)),
  summary: required(longText(2_000)),
  body: required(longText(50_000)),
  keyFigures: longText(5_000),
};

const staffSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), typeCode: z.string().min(1, "disclosure.error.type").max(40), communeId: z.string().min(1, "admin.error.unit").max(60), ...draftFields }),
  z.object({ intent: z.literal("update"), ...draftFields }),
  z.object({ intent: z.literal("publish"), from: date, to: date }),
  z.object({ intent: z.literal("open-consultation"), from: localDateTime, to: localDateTime }),
  z.object({ intent: z.literal("close-consultation"), summary: required(longText(20_000)) }),
  z.object({ intent: z.literal("withdraw"), reason: required(longText(2_000)) }),
  z.object({ intent: z.literal("new-version") }),
  z.object({ intent: z.literal("reply"), commentId: id, reply: required(longText(5_000)) }),
  z.object({ intent: z.literal("hide"), commentId: id, reason: required(singleLine(300)) }),
  z.object({ intent: z.literal("upload") }),
  z.object({ intent: z.literal("import-plan") }),
]);

export type StaffDisclosureOutcome =
  | { outcome: "done"; intent: string; id: number; imported?: { rows: number; newCodes: number } }
  | { outcome: "invalid"; values: Record<string, string>; errors: FieldErrors; problems?: PlanProblem[]; moreProblems?: number }
  | { outcome: "forbidden" | "tooLarge"; values?: Record<string, string> };

/** One staff post about a disclosure (`id` null when creating). Uploads are multipart; the rest is a plain form. */
export async function submitStaffDisclosure(request: Request, context: RequestContext | undefined, user: StaffUser, disclosureId: number | null): Promise<StaffDisclosureOutcome> {
  const ip = context?.clientIp ?? "unknown";
  const parsedForm = await parseUploadForm(request, { acceptTable: true });
  if ("outcome" in parsedForm) return { outcome: parsedForm.outcome === "forbidden" ? "forbidden" : "tooLarge" };
  const { form, batch } = parsedForm;
  try {
    const values = strings(form, ["intent", "typeCode", "communeId", "title", "summary", "body", "keyFigures", "from", "to", "reason", "commentId", "reply"]);
    if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { outcome: "forbidden", values };
    const parsed = staffSchema.safeParse(values);
    if (!parsed.success) return { outcome: "invalid", values, errors: fieldErrors(parsed.error) };
    const input = parsed.data;
    try {
      if (input.intent === "create") {
        const created = await disclosures.createDraft(user, { ...input, keyFigures: keyFigures(input.keyFigures) }, ip);
        return { outcome: "done", intent: input.intent, id: created };
      }
      const target = disclosureId!;
      switch (input.intent) {
        case "update":
          await disclosures.updateDraft(user, target, { title: input.title, summary: input.summary, body: input.body, keyFigures: keyFigures(input.keyFigures) }, ip);
          break;
        case "publish":
          await disclosures.publish(user, target, { from: input.from, to: input.to }, ip);
          break;
        case "open-consultation":
          await disclosures.openConsultation(user, target, { from: vnInstant(input.from), to: vnInstant(input.to) }, ip);
          break;
        case "close-consultation":
          await disclosures.closeConsultation(user, target, input.summary, ip);
          break;
        case "withdraw":
          await disclosures.withdraw(user, target, input.reason, ip);
          break;
        case "new-version":
          return { outcome: "done", intent: input.intent, id: await disclosures.newVersion(user, target, ip) };
        case "reply":
          await disclosures.replyToComment(user, input.commentId, input.reply, ip);
          break;
        case "hide":
          await disclosures.hideComment(user, input.commentId, input.reason, ip);
          break;
        case "upload": {
          const prepared = await prepareAttachments(batch, { keepLocation: false });
          if (prepared.problems.length) {
            return { outcome: "invalid", values, errors: attachmentsError(prepared.problems) };
          }
          await disclosures.addDocuments(user, target, prepared.attachments, ip);
          break;
        }
        case "import-plan": {
          const file = batch.tableFile;
          if (!file) return { outcome: "invalid", values, errors: { planCsv: "plan.error.noFile" } };
          if (!file.bytes) return { outcome: "invalid", values, errors: { planCsv: `plan.error.fileTooLarge:${MAX_PLAN_CSV_BYTES / 1024 / 1024}` } };
          const text = decodeCsv(file.bytes);
          if (text === null) return { outcome: "invalid", values, errors: { planCsv: "plan.error.encoding" } };
          return { outcome: "done", intent: input.intent, id: target, imported: await importPlanTable(user, target, text, ip) };
        }
      }
      return { outcome: "done", intent: input.intent, id: target };
    } catch (error) {
      if (error instanceof PlanImportError) return { outcome: "invalid", values, errors: { planCsv: "plan.error.rows" }, problems: error.problems.slice(0, MAX_PROBLEMS_SHOWN), moreProblems: Math.max(0, error.problems.length - MAX_PROBLEMS_SHOWN) };
      if (error instanceof disclosures.DisclosureError) {
        // Refused by role or unit: a 403, like every other staff post the user may not make.
        if (error.messageKey === "disclosure.error.forbidden") return { outcome: "forbidden", values };
        return { outcome: "invalid", values, errors: { form: error.messageKey } };
      }
      throw error;
    }
  } finally {
    await batch.discard();
  }
}
