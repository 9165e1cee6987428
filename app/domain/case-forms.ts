// The forms of a case after filing, one schema each, read by the server (validation) and the page (which fields
// are required, how long they may be): an official's actions, the resident's answer and own steps, the look-up.
import { z } from "zod";
import { SUSPENSION_REASONS, TERMINATION_REASONS } from "./complaint-suspension";
import { longText, required, singleLine } from "./form-text";
import { normaliseTrackingCode } from "./tracking-code";

/** Legal grounds for refusing to accept a case (Luật Khiếu nại 2011 Điều 11, Luật Tiếp công dân). */
export const REFUSAL_REASONS = [
  "not_competent",
  "anonymous",
  "out_of_time",
  "already_decided",
  "in_court",
  "no_capacity",
  "not_affecting_filer",
  "repeat",
  "other",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const idempotencyKeyField = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "error.formExpired");

const note = longText(10_000);
/** The draft the leader saw, so that a newer draft is not approved unread. */
const draftId = z.coerce.number({ message: "error.draftChanged" }).int().positive("error.draftChanged");

/** One schema per official action (the `action` field says which); what each requires is read by the page. */
export const staffActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), note }),
  z.object({ action: z.literal("refuse"), reason: z.enum(REFUSAL_REASONS, { message: "error.chooseReason" }), note: required(note) }),
  z.object({ action: z.literal("transfer"), toCommuneId: z.string().min(1, "error.transferTarget").max(60), note: required(note) }),
  z.object({ action: z.literal("start"), note }),
  z.object({ action: z.literal("request_info"), note: required(note) }),
  z.object({ action: z.literal("answer"), note: required(note), signedBy: required(singleLine(200)) }),
  // An answer in the chairman's name prepared by an official; a leader approves it (which sends it) or returns it.
  z.object({ action: z.literal("draft_answer"), note: required(note), signedBy: required(singleLine(200)) }),
  z.object({ action: z.literal("approve_answer"), draftId: draftId }),
  z.object({ action: z.literal("return_answer"), draftId: draftId, note: required(note) }),
  z.object({ action: z.literal("close"), note }),
  z.object({ action: z.literal("reopen"), note: required(note) }),
  z.object({ action: z.literal("assign"), assigneeUserId: z.coerce.number({ message: "error.assignee" }).int().positive("error.assignee") }),
  z.object({ action: z.literal("extend"), note: required(note) }),
  z.object({ action: z.literal("note"), note: required(note) }),
  z.object({ action: z.literal("remark"), note: required(note) }),
  z.object({ action: z.literal("take_over"), note: required(note) }),
  z.object({ action: z.literal("suspend"), reason: z.enum(SUSPENSION_REASONS, { message: "error.chooseReason" }), note: required(note) }),
  z.object({ action: z.literal("resume"), note: required(note) }),
  z.object({ action: z.literal("terminate"), reason: z.enum(TERMINATION_REASONS, { message: "error.chooseReason" }), note: required(note) }),
]);
export type StaffActionForm = z.output<typeof staffActionSchema>;
export type StaffActionName = StaffActionForm["action"];

/** Every official action, in the order the case page offers them. */
export const STAFF_ACTIONS: readonly StaffActionName[] = staffActionSchema.options.map((o) => o.shape.action.value);

export function isStaffAction(action: string): action is StaffActionName {
  return (STAFF_ACTIONS as readonly string[]).includes(action);
}

/** The resident's answer to a request for more information (files travel beside it). */
export const infoResponseSchema = z.object({
  body: required(longText(10_000)),
  idempotencyKey: idempotencyKeyField,
});

/** The resident's rating, contest or withdrawal (the `step` field says which). */
export const residentStepSchema = z.discriminatedUnion("step", [
  z.object({
    step: z.literal("rate"),
    score: z.coerce.number({ message: "error.chooseScore" }).int().min(1, "error.chooseScore").max(5, "error.chooseScore"),
    comment: longText(2_000),
  }),
  z.object({ step: z.literal("contest"), reason: required(longText(10_000)) }),
  z.object({ step: z.literal("withdraw"), reason: longText(2_000) }),
  z.object({ step: z.literal("withdraw_part"), part: required(longText(2_000)) }),
  // "Is your matter settled?" after an answer: yes closes the case, no keeps it open to the unit.
  z.object({
    step: z.literal("settled"),
    settled: z.enum(["yes", "no"], { message: "closure.error.choose" }).meta({ required: true }),
    comment: longText(2_000),
  }),
]);

/** Look-up: code + access key, or code + phone number (the receipt link carries its own token). */
export const lookupSchema = z
  .object({
    code: singleLine(30)
      .pipe(z.string().min(1, "error.required"))
      .refine((v) => normaliseTrackingCode(v) !== null, "error.badCode")
      .meta({ maxLength: 30, required: true }),
    accessKey: singleLine(40),
    phone: singleLine(30),
  })
  .superRefine((v, ctx) => {
    if (!v.accessKey && !v.phone) ctx.addIssue({ code: "custom", path: ["accessKey"], message: "error.lookupSecret" });
  });

export const receiptLookupSchema = z.object({ receiptToken: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
