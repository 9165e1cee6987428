// The form posts of a case: filing, the resident's answer and own steps, an official's action. Each goes through
// handleForm (bounded body, CSRF, the form's one schema), then its rate limit, its files and its use case. Routes
// only map the outcome to a response.
import { vnDate } from "~/domain/dates";
import { infoResponseSchema, residentStepSchema, staffActionSchema } from "~/domain/case-forms";
import { filingSchema, parseFiling, prepareFilingValues, type FilingValues } from "~/domain/filing";
import { MAX_FILE_BYTES, MAX_FILES } from "~/domain/uploads";
import type { StaffUser } from "~/domain/permissions";
import { handleForm, type FormOutcome } from "~/services/platform/forms.server";
import { consume } from "~/services/platform/rate-limit.server";
import { requestLanguage, type RequestContext } from "~/services/platform/request.server";
import { attachmentsError, type FilePolicy } from "~/services/platform/uploads.server";
import { disclosureLinkErrors } from "~/services/disclosures/links.server";
import { filingReference, reference } from "~/services/reference/reference.server";
import { ATTACHMENT_FIELD, prepareAttachments } from "./attachments.server";
import { mayView } from "./access.server";
import { fileCase, filingRepeatKey } from "./filing.server";
import { read } from "~/services/platform/database.server";
import { performStaffAction, type StaffActionInput } from "./handling.server";
import { provideInformation, residentStep } from "./resident-steps.server";

export type { FormOutcome };

/** Residents' and officials' attachments: up to five photos or PDFs of 10 MB each. */
export const ATTACHMENTS: FilePolicy = { field: ATTACHMENT_FIELD, maxFiles: MAX_FILES, maxFileBytes: MAX_FILE_BYTES };

function clientKey(context: RequestContext | undefined): string {
  return context?.clientIp ?? "unknown";
}

export async function submitFiling(request: Request, context: RequestContext | undefined): Promise<FormOutcome<{ outcome: "filed"; receiptToken: string }>> {
  const ref = filingReference(await reference(), vnDate(new Date()));
  const schema = filingSchema(ref);
  let linkChecked = false;
  const outcome = await handleForm(
    request,
    schema,
    { csrf: "token", files: ATTACHMENTS, prepare: prepareFilingValues, validate: (values) => parseFiling(values, ref) },
    async ({ data, values, batch }) => {
      linkChecked = true;
      const linkErrors = await disclosureLinkErrors(data);
      if (Object.keys(linkErrors).length || batch.problems.length)
        return { outcome: "invalid", values, errors: { ...linkErrors, ...attachmentsError(batch.problems) } };
      const limited = await consume("filing", clientKey(context));
      if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
      const prepared = await prepareAttachments(batch, { keepLocation: data.keepPhotoLocation });
      if (prepared.problems.length) return { outcome: "invalid", values, errors: attachmentsError(prepared.problems) };
      const repeatKey = context?.csrfCookie ? filingRepeatKey(context.csrfCookie, data) : undefined;
      const filed = await fileCase(data, prepared.attachments, { language: requestLanguage(request), repeatKey });
      return { outcome: "filed" as const, receiptToken: filed.receiptToken };
    },
  );
  // The plan and its row are checked even when other fields failed, so every problem is told at once.
  if (outcome.outcome === "invalid" && !linkChecked) {
    const link = readLink(outcome.values);
    outcome.errors = { ...(await disclosureLinkErrors(link)), ...outcome.errors };
  }
  return outcome;
}

/** The plan and row as typed, when the rest of the form did not validate. */
function readLink(values: FilingValues): { disclosureId: number | null; planRowNo: number | null } {
  const id = (v: string | undefined) => (v && /^[1-9]\d{0,8}$/.test(v.trim()) ? Number(v.trim()) : null);
  const disclosureId = id(values.disclosureId);
  return { disclosureId, planRowNo: disclosureId === null ? null : id(values.planRowNo) };
}

/** The resident's answer to an information request (text and files), for a case their browser may open. */
export async function submitInfoResponse(request: Request, context: RequestContext | undefined, caseId: number): Promise<FormOutcome<{ outcome: "sent" }>> {
  return handleForm(request, infoResponseSchema, { csrf: "token", files: ATTACHMENTS }, async ({ data, values, batch }) => {
    if (batch.problems.length) return { outcome: "invalid", values, errors: attachmentsError(batch.problems) };
    const limited = await consume("infoResponse", clientKey(context));
    if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
    const prepared = await prepareAttachments(batch, { keepLocation: false });
    if (prepared.problems.length) return { outcome: "invalid", values, errors: attachmentsError(prepared.problems) };
    await provideInformation(caseId, data.body, prepared.attachments, data.idempotencyKey);
    return { outcome: "sent" as const };
  });
}

/** One official action from the case page (an answer may carry files); errors come back with the text typed. */
export async function submitStaffAction(
  request: Request,
  context: RequestContext | undefined,
  user: StaffUser,
  code: string,
): Promise<FormOutcome<{ outcome: "done"; action: string; stillVisible: boolean }>> {
  return handleForm(request, staffActionSchema, { csrf: "token", files: ATTACHMENTS }, async ({ data, values, batch }) => {
    let input: StaffActionInput = data;
    if (data.action === "answer" || data.action === "draft_answer") {
      if (batch.problems.length) return { outcome: "invalid", values, errors: attachmentsError(batch.problems) };
      const prepared = await prepareAttachments(batch, { keepLocation: false });
      if (prepared.problems.length) return { outcome: "invalid", values, errors: attachmentsError(prepared.problems) };
      input = { ...data, files: prepared.attachments };
    }
    await performStaffAction(user, code, input, clientKey(context));
    return { outcome: "done" as const, action: data.action, stillVisible: await mayView(read(), user, code) };
  });
}

/** The resident's rating, contest or withdrawal. */
export async function submitResidentStep(request: Request, caseId: number): Promise<FormOutcome<{ outcome: "done"; step: string }>> {
  return handleForm(request, residentStepSchema, { csrf: "token" }, async ({ data }) => {
    await residentStep(caseId, data);
    return { outcome: "done" as const, step: data.step };
  });
}
