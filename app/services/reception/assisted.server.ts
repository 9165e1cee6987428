// Assisted filing: an official files a case on a resident's behalf — from a reception visit, a phone call, a posted
// letter (scanned and attached) or through the hamlet head — with the same form, schema and rules as online filing
// (cases/filing.server.ts). The channel is recorded on the case; a visit gets the new tracking code in the same
// transaction; the official hands over the printed receipt (tracking code and access key).
import { eq } from "drizzle-orm";
import * as t from "../../../db/schema";
import { vnDate } from "~/domain/dates";
import { ForbiddenError, NotFoundError } from "~/domain/errors";
import { filingSchema, parseFiling, prepareFilingValues } from "~/domain/filing";
import type { StaffUser } from "~/domain/permissions";
import { ASSISTED_CHANNELS, canManageReception, type FilingChannel } from "~/domain/reception";
import { ATTACHMENTS } from "~/services/cases/forms.server";
import { prepareAttachments } from "~/services/cases/attachments.server";
import { fileCase } from "~/services/cases/filing.server";
import { audit } from "~/services/platform/audit.server";
import { read } from "~/services/platform/database.server";
import { handleForm, type FormOutcome } from "~/services/platform/forms.server";
import { attachmentsError } from "~/services/platform/uploads.server";
import { filingReference, reference, requiredFields, selectableCommunes } from "~/services/reference/reference.server";
import { disclosureLinkErrors, linkableDisclosures } from "~/services/disclosures/links.server";
import { randomToken } from "~/services/platform/secrets.server";
import { fieldSpecs } from "~/domain/form-schema";

type AssistedChannel = Exclude<FilingChannel, "online">;

function isAssistedChannel(value: string | undefined): value is AssistedChannel {
  return (ASSISTED_CHANNELS as readonly string[]).includes(value ?? "");
}

/** Officials, leaders and district staff file on a resident's behalf; supervisors and administrators do not. */
export function requireAssistant(user: StaffUser): void {
  if (!canManageReception(user, user.communeId)) throw new ForbiddenError();
}

/** The visit a filing starts from, if the user works on its unit and it has no case yet. */
export async function visitForFiling(user: StaffUser, visitId: number | null) {
  if (visitId === null) return null;
  const visit = (await read().select().from(t.receptionVisits).where(eq(t.receptionVisits.id, visitId)))[0];
  if (!visit || !canManageReception(user, visit.communeId)) throw new NotFoundError();
  const person = (await read().select().from(t.receptionVisitors).where(eq(t.receptionVisitors.visitId, visit.id)).limit(1))[0];
  return {
    id: visit.id,
    sessionId: visit.sessionId,
    caseCode: visit.caseCode,
    prefill: {
      kind: visit.kindCode,
      description: visit.content,
      fullName: person?.name ?? "",
      address: person?.address ?? "",
      idNumber: person?.idNumber ?? "",
    },
  };
}

export async function submitAssistedFiling(
  request: Request,
  user: StaffUser,
  visitId: number | null,
): Promise<FormOutcome<{ outcome: "filed"; receiptToken: string }>> {
  requireAssistant(user);
  const visit = await visitForFiling(user, visitId);
  const ref = filingReference(await reference(), vnDate(new Date()));
  return handleForm(
    request,
    filingSchema(ref),
    {
      csrf: "token",
      files: ATTACHMENTS,
      prepare: prepareFilingValues,
      extraFields: { channel: { required: true, maxLength: 20 } },
      validate: (values) => {
        const parsed = parseFiling(values, ref);
        if (isAssistedChannel(values.channel)) return parsed;
        return { success: false, errors: { ...(parsed.success ? {} : parsed.errors), channel: "reception.error.channel" } };
      },
    },
    async ({ data, values, batch }) => {
      const linkErrors = await disclosureLinkErrors(data);
      if (Object.keys(linkErrors).length || batch.problems.length)
        return { outcome: "invalid", values, errors: { ...linkErrors, ...attachmentsError(batch.problems) } };
      const prepared = await prepareAttachments(batch, { keepLocation: data.keepPhotoLocation });
      if (prepared.problems.length) return { outcome: "invalid", values, errors: attachmentsError(prepared.problems) };
      const channel = values.channel as AssistedChannel;
      const filed = await fileCase(data, prepared.attachments, {
        language: "vi",
        assisted: {
          channel,
          userId: user.id,
          within: async (tx, { code }) => {
            if (visit && !visit.caseCode) await tx.update(t.receptionVisits).set({ caseCode: code }).where(eq(t.receptionVisits.id, visit.id));
            await audit({
              userId: user.id,
              action: "reception.assisted_filing",
              targetType: "case",
              targetId: code,
              details: { channel, visitId: visit?.id ?? null },
            });
          },
        },
      });
      return { outcome: "filed" as const, receiptToken: filed.receiptToken };
    },
  );
}

/** What the assisted filing page needs: the same choices and field rules as the public form, prefilled from a visit. */
export async function assistedFilingPage(user: StaffUser, visitId: number | null) {
  requireAssistant(user);
  const visit = await visitForFiling(user, visitId);
  const ref = await reference();
  const today = vnDate(new Date());
  return {
    visit,
    prefill: visit ? (visit.prefill as Record<string, string>) : null,
    disclosureGroups: await linkableDisclosures(),
    communes: selectableCommunes(ref, today).map((c) => ({ id: c.id, name: c.name })),
    hamlets: ref.hamlets,
    categories: ref.categories.map((c) => c.code),
    kinds: ref.kinds.map((k) => ({ code: k.code, required: requiredFields(ref, k.code, today) })),
    idempotencyKey: randomToken(18),
    fields: fieldSpecs(filingSchema(filingReference(ref, today))),
    channels: ASSISTED_CHANNELS,
  };
}
