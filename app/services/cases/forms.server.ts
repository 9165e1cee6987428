// Resident form posts with files: size guard, multipart parsing into an UploadBatch, CSRF and rate-limit checks,
// then the use case. Routes call these and only map the outcome to a response.
import { MaxPartSizeExceededError, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";
import { vnDate } from "~/domain/dates";
import { fieldErrors, filingSchema, readDisclosureLink, readFilingForm, type FieldErrors, type FilingValues } from "~/domain/filing";
import { MAX_REQUEST_BYTES } from "~/domain/uploads";
import { longText, required, singleLine } from "~/domain/form-text";
import { REFUSAL_REASONS } from "../../../db/data/reference";
import type { StaffUser } from "~/domain/permissions";
import { prepareAttachments, UploadBatch, type PreparedAttachment, type UploadProblem } from "./attachments.server";
import { InvalidActionError, performStaffAction, type StaffActionInput } from "./staff-cases.server";
import { CaseStateError, fileCase, provideInformation, residentStep } from "./cases.server";
import { DisclosureLinkError, disclosureLinkErrors } from "~/services/disclosures/links.server";
import { reference, requiredFields } from "~/services/reference/reference.server";
import { consume } from "~/services/platform/rate-limit.server";
import { CSRF_FIELD, requestLanguage, verifyCsrf, type RequestContext } from "~/services/platform/request.server";

/** A post refused before its use case ran; `values` hands back what was typed where it could be read. */
export type FormRejection = { values?: Record<string, string> } & (
  | { outcome: "forbidden" }
  | { outcome: "tooLarge" }
  | { outcome: "rateLimited"; retryAfterSeconds: number }
);

export type FormOutcome<Values, Success> =
  | Success
  | FormRejection
  | { outcome: "invalid"; values: Values; errors: FieldErrors };

function problemMessage(p: UploadProblem): string {
  return p.code === "tooManyFiles" ? `error.tooManyFiles:${p.limit}` : `error.${p.code}:${p.name}`;
}

/** Parses a multipart post with its files; callers must `batch.discard()` in a finally block. */
export async function parseUploadForm(request: Request, options: { acceptTable?: boolean } = {}): Promise<{ form: FormData; batch: UploadBatch } | FormRejection> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_REQUEST_BYTES) return { outcome: "tooLarge" };
  const batch = new UploadBatch(options.acceptTable);
  const contentType = request.headers.get("Content-Type") ?? "";
  try {
    const form = contentType.startsWith("multipart/form-data")
      ? await unstable_parseMultipartFormData(request, batch.handler())
      : await request.formData();
    return { form, batch };
  } catch (error) {
    await batch.discard();
    if (error instanceof MaxPartSizeExceededError) return { outcome: "tooLarge" };
    throw error;
  }
}

function clientKey(context: RequestContext | undefined): string {
  return context?.clientIp ?? "unknown";
}

export async function submitFiling(
  request: Request,
  context: RequestContext | undefined,
): Promise<FormOutcome<FilingValues, { outcome: "filed"; receiptToken: string }>> {
  const parsed = await parseUploadForm(request);
  if ("outcome" in parsed) return parsed;
  const { form, batch } = parsed;
  try {
    const values = readFilingForm(form);
    // Hand back what was typed even here: an expired cookie must not cost the resident their text.
    if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { outcome: "forbidden", values };
    const ref = await reference();
    const today = vnDate(new Date());
    const schema = filingSchema({
      categoryCodes: ref.categories.map((c) => c.code),
      communeIds: ref.communes.filter((c) => c.level !== "district").map((c) => c.id),
      hamletCommune: new Map(ref.hamlets.map((h) => [h.id, h.communeId])),
      requiredFields: (kind) => requiredFields(ref, kind, today),
      today,
    });
    const result = schema.safeParse(values);
    const errors: FieldErrors = result.success ? {} : fieldErrors(result.error);
    // The plan and its row are looked up even when other fields failed, so every problem is told at once.
    const linkErrors = await disclosureLinkErrors(result.success ? result.data : readDisclosureLink(values));
    if (!result.success || Object.keys(linkErrors).length) {
      return { outcome: "invalid", values, errors: { ...linkErrors, ...errors, ...attachmentsError(batch.problems) } };
    }

    const limited = await consume("filing", clientKey(context));
    if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };

    const prepared = await prepareAttachments(batch, { keepLocation: result.data.keepPhotoLocation });
    if (prepared.problems.length) return { outcome: "invalid", values, errors: attachmentsError(prepared.problems) };

    try {
      const filed = await fileCase(result.data, prepared.attachments, { language: requestLanguage(request) });
      return { outcome: "filed", receiptToken: filed.receiptToken };
    } catch (error) {
      if (error instanceof DisclosureLinkError) return { outcome: "invalid", values, errors: error.errors };
      throw error;
    }
  } finally {
    await batch.discard();
  }
}

export function attachmentsError(problems: readonly UploadProblem[]): FieldErrors {
  return problems.length ? { attachments: problems.map(problemMessage).join("\n") } : {};
}

const infoResponseSchema = z.object({
  body: required(longText(10_000)),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "error.formExpired"),
});

export type InfoResponseValues = { body?: string };

/** The resident's answer to an information request (text and files), for a case their browser may open. */
export async function submitInfoResponse(
  request: Request,
  context: RequestContext | undefined,
  caseId: number,
): Promise<FormOutcome<InfoResponseValues, { outcome: "sent" }>> {
  const parsed = await parseUploadForm(request);
  if ("outcome" in parsed) return parsed;
  const { form, batch } = parsed;
  try {
    const raw = { body: form.get("body"), idempotencyKey: form.get("idempotencyKey") };
    const values = { body: typeof raw.body === "string" ? raw.body : "" };
    if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { outcome: "forbidden", values };
    const result = infoResponseSchema.safeParse(raw);
    if (!result.success) return { outcome: "invalid", values, errors: { ...fieldErrors(result.error), ...attachmentsError(batch.problems) } };
    const limited = await consume("infoResponse", clientKey(context));
    if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
    const prepared = await prepareAttachments(batch, { keepLocation: false });
    if (prepared.problems.length) return { outcome: "invalid", values, errors: attachmentsError(prepared.problems) };
    try {
      await provideInformation(caseId, result.data.body, prepared.attachments, result.data.idempotencyKey);
    } catch (error) {
      if (error instanceof CaseStateError) return { outcome: "invalid", values, errors: { form: "error.notWaitingForInfo" } };
      throw error;
    }
    return { outcome: "sent" };
  } finally {
    await batch.discard();
  }
}

// ---------------------------------------------------------------- official actions

const note = longText(10_000);
const staffActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), note }),
  z.object({ action: z.literal("refuse"), reason: z.enum(REFUSAL_REASONS, { message: "error.chooseReason" }), note: required(note) }),
  z.object({ action: z.literal("transfer"), toCommuneId: z.string().min(1, "error.transferTarget").max(60), note: required(note) }),
  z.object({ action: z.literal("start"), note }),
  z.object({ action: z.literal("request_info"), note: required(note) }),
  z.object({ action: z.literal("answer"), note: required(note), signedBy: required(singleLine(200)) }),
  z.object({ action: z.literal("close"), note }),
  z.object({ action: z.literal("reopen"), note: required(note) }),
  z.object({ action: z.literal("assign"), assigneeUserId: z.coerce.number({ message: "error.assignee" }).int().positive("error.assignee") }),
  z.object({ action: z.literal("extend"), note: required(note) }),
  z.object({ action: z.literal("note"), note: required(note) }),
  z.object({ action: z.literal("remark"), note: required(note) }),
]);

export type StaffActionValues = { action?: string; note?: string; signedBy?: string };

/** One official action from the case page (an answer may carry files); errors come back with the text typed. */
export async function submitStaffAction(
  request: Request,
  context: RequestContext | undefined,
  user: StaffUser,
  code: string,
): Promise<FormOutcome<StaffActionValues, { outcome: "done"; action: string }>> {
  const parsed = await parseUploadForm(request);
  if ("outcome" in parsed) return parsed;
  const { form, batch } = parsed;
  try {
    const raw: Record<string, string> = {};
    for (const key of ["action", "note", "reason", "toCommuneId", "signedBy", "assigneeUserId"]) {
      const v = form.get(key);
      if (typeof v === "string") raw[key] = v;
    }
    const values: StaffActionValues = { action: raw.action, note: raw.note, signedBy: raw.signedBy };
    if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { outcome: "forbidden", values };
    const result = staffActionSchema.safeParse(raw);
    if (!result.success) return { outcome: "invalid", values, errors: { ...fieldErrors(result.error), ...attachmentsError(batch.problems) } };
    let files: PreparedAttachment[] = [];
    if (result.data.action === "answer") {
      const prepared = await prepareAttachments(batch, { keepLocation: false });
      if (prepared.problems.length) return { outcome: "invalid", values, errors: attachmentsError(prepared.problems) };
      files = prepared.attachments;
    }
    const input = result.data.action === "answer" ? { ...result.data, files } : result.data;
    try {
      await performStaffAction(user, code, input as StaffActionInput, clientKey(context));
    } catch (error) {
      if (error instanceof InvalidActionError) return { outcome: "invalid", values, errors: { form: error.messageKey } };
      throw error;
    }
    return { outcome: "done", action: result.data.action };
  } finally {
    await batch.discard();
  }
}

// ---------------------------------------------------------------- the resident's rating, contest, withdrawal

const residentStepSchema = z.discriminatedUnion("step", [
  z.object({ step: z.literal("rate"), score: z.coerce.number({ message: "error.chooseScore" }).int().min(1, "error.chooseScore").max(5, "error.chooseScore"), comment: longText(2_000) }),
  z.object({ step: z.literal("contest"), reason: required(longText(10_000)) }),
  z.object({ step: z.literal("withdraw"), reason: longText(2_000) }),
]);

export type ResidentStepValues = { step?: string; comment?: string; reason?: string };

export async function submitResidentStep(
  request: Request,
  caseId: number,
): Promise<FormOutcome<ResidentStepValues, { outcome: "done"; step: string }>> {
  const form = await request.formData();
  const raw: Record<string, string> = {};
  for (const key of ["step", "score", "comment", "reason"]) {
    const v = form.get(key);
    if (typeof v === "string") raw[key] = v;
  }
  const values: ResidentStepValues = { step: raw.step, comment: raw.comment, reason: raw.reason };
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { outcome: "forbidden", values };
  const result = residentStepSchema.safeParse(raw);
  if (!result.success) return { outcome: "invalid", values, errors: fieldErrors(result.error) };
  try {
    await residentStep(caseId, result.data.step === "rate" ? result.data : result.data);
  } catch (error) {
    if (error instanceof CaseStateError) return { outcome: "invalid", values, errors: { form: error.message.startsWith("error.") ? error.message : "error.actionNotAllowed" } };
    throw error;
  }
  return { outcome: "done", step: result.data.step };
}
