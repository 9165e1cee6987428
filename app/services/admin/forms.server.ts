// Administrator form posts: handleForm with the one schema of domain/admin-forms.ts, then the admin service.
import { json } from "@remix-run/node";
import { adminSchema } from "~/domain/admin-forms";
import { handleForm, type FormOutcome } from "~/services/platform/forms.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { type StaffSession } from "~/services/staff/sessions.server";
import { requireAdminOperation } from "~/services/staff/context.server";
import { issueApiKey, revokeApiKey } from "~/services/open311/open311.server";
import * as admin from "./admin.server";
import { resendMail } from "./mail-admin.server";

type AdminDone = { outcome: "done"; message: string; params?: (string | number)[] };

export async function submitAdminForm(request: Request, session: StaffSession, ip: string): Promise<FormOutcome<AdminDone>> {
  return handleForm(request, adminSchema, { csrf: "token" }, async ({ data: input }) => {
    const user = session.user;
    switch (input.intent) {
      case "invite":
        await admin.inviteAccount(user, input, ip);
        break;
      case "update":
        await admin.updateAccount(user, input.id, input, ip);
        break;
      case "disable":
      case "enable":
        await admin.setAccountDisabled(user, input.id, input.intent === "disable", ip);
        break;
      case "reset-totp":
        await admin.resetSecondFactor(user, input.id, ip);
        break;
      case "add-unit":
        await admin.addUnit(user, { id: input.unitId, name: input.name, level: input.level, validFrom: input.validFrom || null }, ip);
        break;
      case "merge-unit": {
        const moved = await admin.mergeUnit(user, { id: input.unitId, successorId: input.successorId, validTo: input.validTo }, ip);
        return { outcome: "done" as const, message: "admin.units.merged", params: [moved] };
      }
      case "add-hamlet":
        await admin.addHamlet(user, input, ip);
        break;
      case "save-category":
        await admin.saveCategory(user, { code: input.code, nameVi: input.nameVi, nameEn: input.nameEn, active: input.active === "on" }, ip);
        break;
      case "save-disclosure-type":
        await admin.saveDisclosureType(
          user,
          {
            code: input.code,
            minPostingDays: input.minPostingDays,
            consultation: input.consultation === "on",
            publishNames: input.publishNames === "on",
            source: input.source,
            minConsultationDays: input.minConsultationDays,
            consultationSource: input.minConsultationDays !== undefined ? input.consultationSource : undefined,
          },
          ip,
        );
        break;
      case "add-template":
        await admin.addTemplate(user, { categoryCode: input.categoryCode || null, kindCode: input.kindCode || null, title: input.title, body: input.body }, ip);
        break;
      case "delete-template":
        await admin.deleteTemplate(user, input.id, ip);
        break;
      case "save-day":
        await admin.addCalendarDay(user, input, ip);
        break;
      case "remove-day":
        await admin.removeCalendarDay(user, input.date, ip);
        break;
      case "issue-api-key":
        // Shown once: only its hash is kept.
        return { outcome: "done" as const, message: "admin.apiKeys.issued", params: [await issueApiKey(user.id, input.label, ip)] };
      case "revoke-api-key":
        await revokeApiKey(user.id, input.id, ip);
        break;
      case "resend-mail":
        await resendMail(user, input.id, ip);
        return { outcome: "done" as const, message: "admin.mail.resent" };
      case "correct-mail":
        await resendMail(user, input.id, ip, input.email);
        return { outcome: "done" as const, message: "admin.mail.resent" };
    }
    return { outcome: "done" as const, message: "admin.saved" };
  });
}

/** The action of every admin page: the right operation, the form, the answer as JSON for the page. */
export async function adminAction(request: Request, ip: string, operation: "manage_accounts" | "manage_reference" | "manage_mail") {
  const session = await requireAdminOperation(request, operation);
  const outcome = await submitAdminForm(request, session, ip);
  switch (outcome.outcome) {
    case "done":
      return json({ message: outcome.message, params: outcome.params ?? [], errors: null, values: null });
    case "invalid":
      return json({ message: null, params: [], errors: outcome.errors, values: outcome.values }, { status: 400 });
    default:
      return rejectionResponse(outcome, {});
  }
}
