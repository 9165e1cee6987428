// The administrators' forms, one schema per intent (the `intent` field says which), read by the server and pages.
import { z } from "zod";
import { longText, required, singleLine } from "./form-text";
import { DISCLOSURE_TYPE_CODES } from "./disclosure";
import { ROLES } from "./permissions";
import { CASE_KINDS } from "./filing";

const id = z.coerce.number().int().positive();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "error.date");

export const adminSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invite"),
    email: z.email({ message: "error.email" }).max(254),
    fullName: required(singleLine(100)),
    role: z.enum(ROLES),
    communeId: z.string().min(1, "admin.error.unit"),
  }),
  z.object({ intent: z.literal("update"), id, fullName: required(singleLine(100)), role: z.enum(ROLES), communeId: z.string().min(1, "admin.error.unit") }),
  z.object({ intent: z.literal("disable"), id }),
  z.object({ intent: z.literal("enable"), id }),
  z.object({ intent: z.literal("reset-totp"), id }),
  z.object({
    intent: z.literal("add-unit"),
    unitId: z.string().max(60),
    name: required(singleLine(100)),
    level: z.enum(["commune", "town"]),
    validFrom: date.optional().or(z.literal("")),
  }),
  z.object({ intent: z.literal("merge-unit"), unitId: z.string().max(60), successorId: z.string().max(60), validTo: date }),
  z.object({ intent: z.literal("add-hamlet"), communeId: z.string().max(60), name: required(singleLine(100)) }),
  z.object({
    intent: z.literal("save-category"),
    code: z.string().max(40),
    nameVi: required(singleLine(100)),
    nameEn: required(singleLine(100)),
    active: z.string().optional(),
  }),
  z.object({
    intent: z.literal("save-disclosure-type"),
    code: z.enum(DISCLOSURE_TYPE_CODES, { message: "disclosure.error.type" }),
    minPostingDays: z.coerce
      .number({ message: "admin.error.postingDays" })
      .int("admin.error.postingDays")
      .min(1, "admin.error.postingDays")
      .max(365, "admin.error.postingDays"),
    consultation: z.string().optional(),
    minConsultationDays: z.coerce
      .number({ message: "admin.error.consultationDays" })
      .int("admin.error.consultationDays")
      .min(1, "admin.error.consultationDays")
      .max(365, "admin.error.consultationDays")
      .optional(),
    consultationSource: singleLine(500),
    publishNames: z.string().optional(),
    source: required(singleLine(500)),
  }),
  z.object({
    intent: z.literal("add-template"),
    categoryCode: z.string().max(40).optional(),
    // Empty: a template for every kind.
    kindCode: z.union([z.literal(""), z.enum(CASE_KINDS)], { message: "admin.error.templateKind" }).optional(),
    title: required(singleLine(200)),
    body: required(longText(10_000)),
  }),
  z.object({ intent: z.literal("delete-template"), id }),
  z.object({ intent: z.literal("save-day"), date, kind: z.enum(["holiday", "working_day"]), name: required(singleLine(200)) }),
  z.object({ intent: z.literal("remove-day"), date }),
  z.object({ intent: z.literal("issue-api-key"), label: required(singleLine(100)) }),
  z.object({ intent: z.literal("revoke-api-key"), id }),
  z.object({ intent: z.literal("resend-mail"), id }),
  z.object({ intent: z.literal("correct-mail"), id, email: z.email({ message: "error.email" }).max(254) }),
]);
