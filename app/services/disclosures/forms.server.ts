// Posts about disclosures: residents' comments, subscriptions and household look-ups, and the staff's drafting and
// publishing. Each goes through handleForm with its one schema (domain/disclosure-forms.ts), then the service.
import { commentSchema, householdSchema, keyFigures, staffDisclosureSchema, subscribeSchema, vnInstant } from "~/domain/disclosure-forms";
import { ForbiddenError, InvalidError } from "~/domain/errors";
import type { FieldErrors } from "~/domain/form-schema";
import type { StaffUser } from "~/domain/permissions";
import { MAX_PLAN_CSV_BYTES, type PlanProblem } from "~/domain/plan-table";
import { MAX_FILE_BYTES, MAX_FILES } from "~/domain/uploads";
import { ATTACHMENT_FIELD, prepareAttachments } from "~/services/cases/attachments.server";
import { handleForm, type FormOutcome, type FormValues } from "~/services/platform/forms.server";
import { consume } from "~/services/platform/rate-limit.server";
import type { RequestContext } from "~/services/platform/request.server";
import { attachmentsError, type FilePolicy } from "~/services/platform/uploads.server";
import { addComment, hideComment, replyToComment } from "./comments.server";
import { addDocuments, closeConsultation, createDraft, newVersion, openConsultation, publish, updateDraft, withdraw } from "./lifecycle.server";
import { householdRow, importPlanTable } from "./plan-table.server";
import { subscribe } from "./subscriptions.server";

// ---------------------------------------------------------------- residents

// Comments and subscriptions are sent from pages served to everyone from the cache: no per-visitor token, the
// browser's Fetch Metadata / Origin says where the post comes from (docs/decisions/013).
export async function submitComment(request: Request, context: RequestContext | undefined, slug: string): Promise<FormOutcome<{ outcome: "sent" }>> {
  return handleForm(request, commentSchema, { csrf: "origin" }, async ({ data, values }) => {
    const limited = await consume("comment", context?.clientIp ?? "unknown");
    if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
    await addComment(slug, data);
    return { outcome: "sent" as const };
  });
}

export async function submitSubscription(request: Request, context: RequestContext | undefined): Promise<FormOutcome<{ outcome: "sent" }>> {
  return handleForm(request, subscribeSchema, { csrf: "origin" }, async ({ data, values }) => {
    const limited = await consume("subscribe", context?.clientIp ?? "unknown");
    if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
    try {
      await subscribe(data.email, data.communeId);
    } catch (error) {
      if (error instanceof InvalidError) return { outcome: "invalid", values, errors: { communeId: error.messageKey } };
      throw error;
    }
    return { outcome: "sent" as const };
  });
}

/** A household looks up its own row with the code from its notice; counted against the look-up rate limit. */
export async function submitHouseholdLookup(
  request: Request,
  context: RequestContext | undefined,
  slug: string,
): Promise<FormOutcome<{ outcome: "found"; found: NonNullable<Awaited<ReturnType<typeof householdRow>>> }>> {
  return handleForm(request, householdSchema, { csrf: "token" }, async ({ data, values }) => {
    const limited = await consume("household", context?.clientIp ?? "unknown");
    if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
    const found = await householdRow(slug, data.code);
    if (!found) return { outcome: "invalid", values, errors: { code: "plan.household.notFound" } };
    return { outcome: "found" as const, found };
  });
}

// ---------------------------------------------------------------- staff

const MAX_PROBLEMS_SHOWN = 200;

/** Documents of a disclosure, and the compensation plan's table as a CSV file kept in memory. */
const DISCLOSURE_FILES: FilePolicy = {
  field: ATTACHMENT_FIELD,
  maxFiles: MAX_FILES,
  maxFileBytes: MAX_FILE_BYTES,
  table: { field: "planCsv", maxBytes: MAX_PLAN_CSV_BYTES },
};

/** UTF-8 (with or without BOM) as spreadsheets save "CSV UTF-8"; anything that is not valid UTF-8 is refused. */
function decodeCsv(bytes: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export type StaffDisclosureOutcome =
  | FormOutcome<{ outcome: "done"; intent: string; id: number; imported?: { rows: number; newCodes: number } }>
  | { outcome: "invalid"; values: FormValues; errors: FieldErrors; problems: PlanProblem[]; moreProblems: number };

/** One staff post about a disclosure (`id` null when creating). Uploads are multipart; the rest is a plain form. */
export async function submitStaffDisclosure(
  request: Request,
  context: RequestContext | undefined,
  user: StaffUser,
  disclosureId: number | null,
): Promise<StaffDisclosureOutcome> {
  const ip = context?.clientIp ?? "unknown";
  return handleForm(request, staffDisclosureSchema, { csrf: "token", files: DISCLOSURE_FILES }, async ({ data: input, values, batch }) => {
    try {
      if (input.intent === "create") {
        const created = await createDraft(user, { ...input, keyFigures: keyFigures(input.keyFigures) }, ip);
        return { outcome: "done" as const, intent: input.intent, id: created };
      }
      const target = disclosureId!;
      switch (input.intent) {
        case "update":
          await updateDraft(user, target, { title: input.title, summary: input.summary, body: input.body, keyFigures: keyFigures(input.keyFigures) }, ip);
          break;
        case "publish":
          if (input.reposted && !input.signedOn) return { outcome: "invalid" as const, values, errors: { signedOn: "disclosure.error.signedOn" } };
          await publish(
            user,
            target,
            { from: input.from, to: input.to, signedOn: input.reposted ? input.signedOn : null, versionReason: input.versionReason },
            ip,
          );
          break;
        case "open-consultation":
          await openConsultation(user, target, { from: vnInstant(input.from), to: vnInstant(input.to) }, ip);
          break;
        case "close-consultation":
          await closeConsultation(user, target, { summary: input.summary, reason: input.reason }, ip);
          break;
        case "withdraw":
          await withdraw(user, target, input.reason, ip);
          break;
        case "new-version":
          return { outcome: "done" as const, intent: input.intent, id: await newVersion(user, target, ip) };
        case "reply":
          await replyToComment(user, input.commentId, input.reply, ip);
          break;
        case "hide":
          await hideComment(user, input.commentId, input.reason, ip);
          break;
        case "upload": {
          if (batch.problems.length) return { outcome: "invalid" as const, values, errors: attachmentsError(batch.problems) };
          const prepared = await prepareAttachments(batch, { keepLocation: false });
          if (prepared.problems.length) {
            return { outcome: "invalid" as const, values, errors: attachmentsError(prepared.problems) };
          }
          await addDocuments(user, target, prepared.attachments, ip);
          break;
        }
        case "import-plan": {
          const file = batch.tableFile;
          if (!file) return { outcome: "invalid" as const, values, errors: { planCsv: "plan.error.noFile" } };
          if (!file.bytes) return { outcome: "invalid" as const, values, errors: { planCsv: `plan.error.fileTooLarge:${MAX_PLAN_CSV_BYTES / 1024 / 1024}` } };
          const text = decodeCsv(file.bytes);
          if (text === null) return { outcome: "invalid" as const, values, errors: { planCsv: "plan.error.encoding" } };
          return { outcome: "done" as const, intent: input.intent, id: target, imported: await importPlanTable(user, target, text, ip) };
        }
      }
      return { outcome: "done" as const, intent: input.intent, id: target };
    } catch (error) {
      // Refused by role or unit: a 403, like every other staff post the user may not make.
      if (error instanceof ForbiddenError) return { outcome: "forbidden", values };
      if (error instanceof InvalidError && error.messageKey === "plan.error.rows") {
        const problems = error.details as PlanProblem[];
        return {
          outcome: "invalid",
          values,
          errors: { planCsv: "plan.error.rows" },
          problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
          moreProblems: Math.max(0, problems.length - MAX_PROBLEMS_SHOWN),
        };
      }
      throw error;
    }
  });
}
