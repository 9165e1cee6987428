// Administrator form posts: CSRF, one zod schema per intent, then the admin service. Errors come back as keys.
import { InvalidError } from "~/domain/errors";
import { json } from "@remix-run/node";
import { z } from "zod";
import { ROLES } from "~/domain/permissions";
import { required, singleLine, longText } from "~/domain/form-text";
import { fieldErrors, type FieldErrors } from "~/domain/filing";
import type { StaffSession } from "~/services/staff/auth.server";
import * as admin from "./admin.server";
import { issueApiKey, revokeApiKey } from "~/services/open311/open311.server";
import { CSRF_FIELD, verifyCsrf } from "~/services/platform/request.server";
import { requireAdminOperation } from "~/services/staff/context.server";

const id = z.coerce.number().int().positive();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "error.date");

const adminSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), email: z.email({ message: "error.email" }).max(254), fullName: required(singleLine(100)), role: z.enum(ROLES), communeId: z.string().min(1, "admin.error.unit") }),
  z.object({ intent: z.literal("update"), id, fullName: required(singleLine(100)), role: z.enum(ROLES), communeId: z.string().min(1, "admin.error.unit") }),
  z.object({ intent: z.literal("disable"), id }),
  z.object({ intent: z.literal("enable"), id }),
  z.object({ intent: z.literal("reset-totp"), id }),
  z.object({ intent: z.literal("add-unit"), unitId: z.string().max(60), name: required(singleLine(100)), level: z.enum(["commune", "town"]), validFrom: date.optional().or(z.literal("")) }),
  z.object({ intent: z.literal("merge-unit"), unitId: z.string().max(60), successorId: z.string().max(60), validTo: date }),
  z.object({ intent: z.literal("add-hamlet"), communeId: z.string().max(60), name: required(singleLine(100)) }),
  z.object({ intent: z.literal("save-category"), code: z.string().max(40), nameVi: required(singleLine(100)), nameEn: required(singleLine(100)), active: z.string().optional() }),
  z.object({
    intent: z.literal("save-disclosure-type"),
    code: z.string().max(40),
    minPostingDays: z.coerce.number({ message: "admin.error.postingDays" }).int("admin.error.postingDays").min(1, "admin.error.postingDays").max(365, "admin.error.postingDays"),
    consultation: z.string().optional(),
    publishNames: z.string().optional(),
    source: required(singleLine(500)),
  }),
  z.object({ intent: z.literal("add-template"), categoryCode: z.string().max(40).optional(), title: required(singleLine(200)), body: required(longText(10_000)) }),
  z.object({ intent: z.literal("delete-template"), id }),
  z.object({ intent: z.literal("save-day"), date, kind: z.enum(["holiday", "working_day"]), name: required(singleLine(200)) }),
  z.object({ intent: z.literal("remove-day"), date }),
  z.object({ intent: z.literal("issue-api-key"), label: required(singleLine(100)) }),
  z.object({ intent: z.literal("revoke-api-key"), id }),
]);

export type AdminOutcome = { ok: true; message: string; params?: (string | number)[] } | { ok: false; status: number; errors: FieldErrors; values: Record<string, string> };

export async function submitAdminForm(request: Request, session: StaffSession, ip: string): Promise<AdminOutcome> {
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && k !== CSRF_FIELD && !(k in values)) values[k] = v;
  if (!verifyCsrf(request, form.get(CSRF_FIELD))) return { ok: false, status: 403, errors: { form: "error.csrf" }, values };
  const parsed = adminSchema.safeParse(values);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error), values };
  const user = session.user;
  const input = parsed.data;
  try {
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
        return { ok: true, message: "admin.units.merged", params: [moved] };
      }
      case "add-hamlet":
        await admin.addHamlet(user, input, ip);
        break;
      case "save-category":
        await admin.saveCategory(user, { code: input.code, nameVi: input.nameVi, nameEn: input.nameEn, active: input.active === "on" }, ip);
        break;
      case "save-disclosure-type":
        await admin.saveDisclosureType(user, { code: input.code, minPostingDays: input.minPostingDays, consultation: input.consultation === "on", publishNames: input.publishNames === "on", source: input.source }, ip);
        break;
      case "add-template":
        await admin.addTemplate(user, { categoryCode: input.categoryCode || null, title: input.title, body: input.body }, ip);
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
        return { ok: true, message: "admin.apiKeys.issued", params: [await issueApiKey(user.id, input.label, ip)] };
      case "revoke-api-key":
        await revokeApiKey(user.id, input.id, ip);
        break;
    }
  } catch (error) {
    if (error instanceof InvalidError) return { ok: false, status: 400, errors: { form: error.messageKey }, values };
    throw error;
  }
  return { ok: true, message: "admin.saved" };
}

/** The action of every admin page: the right operation, the form, the answer as JSON for the page. */
export async function adminAction(request: Request, ip: string, operation: "manage_accounts" | "manage_reference") {
  const session = await requireAdminOperation(request, operation);
  const outcome = await submitAdminForm(request, session, ip);
  return outcome.ok
    ? json({ message: outcome.message, params: outcome.params ?? [], errors: null, values: null })
    : json({ message: null, params: [], errors: outcome.errors, values: outcome.values }, { status: outcome.status });
}
