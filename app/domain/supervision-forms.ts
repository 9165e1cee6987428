// The supervision forms, one schema each: opening a supervision, issuing a recommendation, the unit's answer and
// the supervisor's conclusion. Messages are catalogue keys.
import { z } from "zod";
import { isIsoDate } from "./dates";
import { longText, required, singleLine } from "./form-text";
import { RESPONSES, SUBJECT_KINDS } from "./supervision";

const isoDate = (message: string) =>
  z
    .string()
    .refine((v) => isIsoDate(v), message)
    .meta({ required: true, maxLength: 10 });

const CASE_CODE = /^XT-\d{2}-\d{7}$/;

export const openSupervisionSchema = z
  .object({
    title: required(singleLine(200)),
    subjectKind: z.enum(SUBJECT_KINDS, { message: "supervision.error.subjectKind" }).meta({ required: true }),
    subjectText: longText(2000),
    /** Tracking codes, separated by commas, spaces or new lines. */
    caseCodes: longText(2000).transform((v) => [
      ...new Set(
        v
          .toUpperCase()
          .split(/[\s,;]+/)
          .filter(Boolean),
      ),
    ]),
    disclosureId: z.string().optional(),
    periodFrom: isoDate("supervision.error.date"),
    periodTo: isoDate("supervision.error.date"),
    members: required(longText(2000)),
    findings: longText(20_000),
  })
  .superRefine((v, ctx) => {
    if (v.periodTo < v.periodFrom) ctx.addIssue({ code: "custom", path: ["periodTo"], message: "supervision.error.period" });
    if (v.caseCodes.some((c) => !CASE_CODE.test(c))) ctx.addIssue({ code: "custom", path: ["caseCodes"], message: "supervision.error.caseCode" });
    if (v.subjectKind === "case" && v.caseCodes.length !== 1) ctx.addIssue({ code: "custom", path: ["caseCodes"], message: "supervision.error.oneCase" });
    if (v.subjectKind === "cases" && v.caseCodes.length < 1) ctx.addIssue({ code: "custom", path: ["caseCodes"], message: "supervision.error.someCases" });
    if (v.subjectKind === "disclosure" && !/^\d+$/.test(v.disclosureId ?? ""))
      ctx.addIssue({ code: "custom", path: ["disclosureId"], message: "supervision.error.disclosure" });
    if (v.subjectKind === "theme" && !v.subjectText.trim()) ctx.addIssue({ code: "custom", path: ["subjectText"], message: "supervision.error.theme" });
  });
export type OpenSupervisionForm = z.output<typeof openSupervisionSchema>;

/** What happens on the supervision's own page (the `intent` field says which). */
export const supervisionActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("findings"), findings: required(longText(20_000)) }),
  z.object({
    intent: z.literal("recommend"),
    unitId: z.string().min(1, "supervision.error.unit").max(60),
    body: required(longText(10_000)),
  }),
  z.object({
    intent: z.literal("answer"),
    recommendationId: z.coerce.number().int().positive(),
    response: z.enum(RESPONSES, { message: "supervision.error.response" }).meta({ required: true }),
    reasons: required(longText(10_000)),
    plan: longText(10_000),
  }),
  z.object({ intent: z.literal("critique"), critique: required(longText(20_000)) }),
  z.object({ intent: z.literal("answer_critique"), critiqueId: z.coerce.number().int().positive(), critiqueAnswer: required(longText(20_000)) }),
  z.object({
    intent: z.literal("settle"),
    recommendationId: z.coerce.number().int().positive(),
    settled: z.enum(["yes", "no"], { message: "supervision.error.settled" }).meta({ required: true }),
    note: longText(10_000),
  }),
]);
export type SupervisionActionForm = z.output<typeof supervisionActionSchema>;
