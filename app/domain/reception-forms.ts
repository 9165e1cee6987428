// The reception forms, one schema each, read by the server and the pages: a resident's booking and its
// cancellation; the staff's schedule (weekly rules, one-off sessions, cancellations), bookings and the log.
import { z } from "zod";
import { CASE_KINDS } from "./filing";
import { checkbox, longText, required, singleLine } from "./form-text";
import { GROUP_RULE, MAX_GROUP_SIZE, RECEIVER_ROLES, SESSION_MODES, VISIT_OUTCOMES } from "./reception";
import { phoneDigits } from "./text";
import { normaliseTrackingCode } from "./tracking-code";

const id = z.coerce
  .number({ message: "reception.error.session" })
  .int("reception.error.session")
  .positive("reception.error.session")
  .max(2 ** 31);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.date")
  .meta({ maxLength: 10 });
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "reception.error.time")
  .meta({ maxLength: 5 });
const phone = required(singleLine(20)).refine((v) => /^0\d{9,10}$/.test(phoneDigits(v)), "error.phone");
const email = singleLine(254).refine((v) => v === "" || z.email().safeParse(v).success, "error.email");
/** An existing tracking code, typed as people type it; stored in its canonical form. */
const caseCode = singleLine(20)
  .refine((v) => v === "" || normaliseTrackingCode(v) !== null, "reception.error.trackingCode")
  .transform((v) => (v === "" ? null : normaliseTrackingCode(v)));
const people = z
  .string()
  .max(6)
  .optional()
  .transform((v, ctx) => {
    const n = v == null || v.trim() === "" ? NaN : Number(v.trim());
    if (!Number.isInteger(n) || n < 1 || n > MAX_GROUP_SIZE) {
      ctx.addIssue({ code: "custom", message: `reception.error.people:${MAX_GROUP_SIZE}` });
      return z.NEVER;
    }
    return n;
  })
  .meta({ maxLength: 6 });

export const BOOKING_LIMITS = { name: 100, matter: 1_000 } as const;

/** A resident asks for a place in a session. A group says how many come (two or more); alone is one. */
export const bookingSchema = z
  .object({
    sessionId: id,
    name: required(singleLine(BOOKING_LIMITS.name)),
    phone,
    email,
    matter: required(longText(BOOKING_LIMITS.matter)),
    group: checkbox,
    people: z.string().max(6).optional().meta({ maxLength: 6 }),
    caseCode,
  })
  .transform((v, ctx) => {
    let count = 1;
    if (v.group) {
      const n = Number((v.people ?? "").trim());
      if (!v.people?.trim() || !Number.isInteger(n) || n < 2 || n > MAX_GROUP_SIZE) {
        ctx.addIssue({ code: "custom", path: ["people"], message: `reception.error.groupSize:${MAX_GROUP_SIZE}` });
        return z.NEVER;
      }
      count = n;
    }
    return {
      sessionId: v.sessionId,
      name: v.name,
      phone: v.phone,
      email: v.email === "" ? null : v.email,
      matter: v.matter,
      people: count,
      caseCode: v.caseCode,
    };
  });
export type BookingInput = z.output<typeof bookingSchema>;

export const cancelBookingSchema = z.object({ confirm: checkbox });

const sessionDetails = {
  receiverRole: z.enum(RECEIVER_ROLES, { message: "reception.error.receiverRole" }),
  receiverName: required(singleLine(120)),
  place: required(singleLine(300)),
  mode: z.enum(SESSION_MODES, { message: "reception.error.mode" }),
  meetingUrl: singleLine(500).refine((v) => v === "" || /^https:\/\/[^\s<>"]+$/.test(v), "reception.error.meetingUrl"),
  startTime: time,
  endTime: time,
  capacity: z.coerce
    .number({ message: "reception.error.capacity" })
    .int("reception.error.capacity")
    .min(1, "reception.error.capacity")
    .max(200, "reception.error.capacity"),
  communeId: z.string().min(1, "admin.error.unit").max(60),
};

function sessionChecks<T extends { mode: string; meetingUrl: string; startTime: string; endTime: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.mode === "online" && !v.meetingUrl) ctx.addIssue({ code: "custom", path: ["meetingUrl"], message: "reception.error.meetingUrl" });
  if (v.endTime <= v.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "reception.error.endTime" });
}

/** One schema per staff intent on the schedule (the `intent` field says which). */
export const scheduleSchema = z.discriminatedUnion("intent", [
  z
    .object({
      intent: z.literal("addRule"),
      weekday: z.coerce.number().int().min(1, "reception.error.weekday").max(6, "reception.error.weekday"),
      validFrom: date,
      ...sessionDetails,
    })
    .superRefine(sessionChecks),
  z.object({ intent: z.literal("addSession"), date, ...sessionDetails }).superRefine(sessionChecks),
  z.object({ intent: z.literal("cancelSession"), sessionId: id, reason: required(singleLine(300)) }),
  z.object({ intent: z.literal("endRule"), ruleId: id, lastDate: date }),
]);
export type ScheduleInput = z.output<typeof scheduleSchema>;

/** Staff decisions on a booking: confirm, move to another session, refuse with a reason (mailed). */
export const bookingDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), bookingId: id }),
  z.object({ intent: z.literal("move"), bookingId: id, toSessionId: id }),
  z.object({ intent: z.literal("refuse"), bookingId: id, reason: required(singleLine(500)) }),
]);
export type BookingDecision = z.output<typeof bookingDecisionSchema>;

/** The representatives (or the one person) a log entry names: at most five, per the group rule. */
export const VISITOR_SLOTS = GROUP_RULE.maxRepresentatives;
const visitorFields = Object.fromEntries(
  Array.from({ length: VISITOR_SLOTS }, (_, i) => i + 1).flatMap((n) => [
    [`name${n}`, singleLine(100)],
    [`address${n}`, singleLine(300)],
    [`idNumber${n}`, singleLine(20).refine((v) => v === "" || /^\d{9}$|^\d{12}$|^[A-Z]\d{7,8}$/.test(v.toUpperCase()), "reception.error.idNumber")],
  ]),
) as Record<`${"name" | "address" | "idNumber"}${1 | 2 | 3 | 4 | 5}`, ReturnType<typeof singleLine>>;

/** A line of the reception log: who came (one person, or a group and its representatives), what about, what was done. */
export const visitSchema = z.object({
  bookingId: z
    .string()
    .max(12)
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().positive().nullable()),
  kind: z.enum(CASE_KINDS, { message: "error.chooseKind" }),
  people,
  ...visitorFields,
  content: required(longText(5_000)),
  handledBefore: singleLine(300),
  outcome: z.enum(VISIT_OUTCOMES, { message: "reception.error.outcome" }),
  outcomeBody: singleLine(300),
  outcomeDocument: singleLine(100),
  outcomeReason: singleLine(500),
  caseCode,
  followUp: singleLine(500),
});
export type VisitInput = z.output<typeof visitSchema>;

/** The named people of a log entry, in the order typed, blanks skipped. */
export function visitorsOf(input: VisitInput): { name: string; address: string; idNumber: string | null }[] {
  const out: { name: string; address: string; idNumber: string | null }[] = [];
  for (let n = 1; n <= VISITOR_SLOTS; n++) {
    const key = n as 1 | 2 | 3 | 4 | 5;
    const name = input[`name${key}`];
    if (!name) continue;
    out.push({ name, address: input[`address${key}`], idNumber: input[`idNumber${key}`] ? input[`idNumber${key}`].toUpperCase() : null });
  }
  return out;
}

/** A case's group: how many people, who (names or households, one per line), and up to five representatives. */
const repFields = Object.fromEntries(
  Array.from({ length: GROUP_RULE.maxRepresentatives }, (_, i) => i + 1).flatMap((n) => [
    [`repName${n}`, singleLine(100)],
    [`repPhone${n}`, singleLine(20).refine((v) => v === "" || /^0\d{9,10}$/.test(phoneDigits(v)), "error.phone")],
    [`repEmail${n}`, singleLine(254).refine((v) => v === "" || z.email().safeParse(v).success, "error.email")],
    [`repAddress${n}`, singleLine(300)],
  ]),
) as Record<`rep${"Name" | "Phone" | "Email" | "Address"}${1 | 2 | 3 | 4 | 5}`, ReturnType<typeof singleLine>>;

export const groupSchema = z.object({ people, coFilers: longText(5_000), ...repFields });
export type GroupInput = z.output<typeof groupSchema>;

export function representativesOf(input: GroupInput): { name: string; phone: string | null; email: string | null; address: string }[] {
  const out: { name: string; phone: string | null; email: string | null; address: string }[] = [];
  for (let n = 1; n <= GROUP_RULE.maxRepresentatives; n++) {
    const k = n as 1 | 2 | 3 | 4 | 5;
    const name = input[`repName${k}`];
    if (!name) continue;
    out.push({ name, phone: input[`repPhone${k}`] || null, email: input[`repEmail${k}`] || null, address: input[`repAddress${k}`] });
  }
  return out;
}

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, "error.date")
  .meta({ maxLength: 16 });

/** Schedule a dialogue (participants: officials, people or bodies concerned, one per line; the Front's representative). */
export const dialogueScheduleSchema = z.object({
  intent: z.literal("schedule"),
  startsAt: localDateTime,
  place: required(singleLine(300)),
  officials: required(longText(2_000)),
  concerned: longText(2_000),
  front: singleLine(200),
});

/** The minutes: attendance of each participant (by id), what was said, agreed and disputed. */
/** Attendance slots of the minutes form, one per participant in the order listed (`pid<n>` says which). */
export const MAX_DIALOGUE_PARTICIPANTS = 30;
const attendanceFields = Object.fromEntries(
  Array.from({ length: MAX_DIALOGUE_PARTICIPANTS }, (_, i) => i + 1).flatMap((n) => [
    [`pid${n}`, z.string().max(12).optional()],
    [`present${n}`, checkbox],
    [`reason${n}`, singleLine(300)],
    [`valid${n}`, checkbox],
  ]),
) as Record<`pid${number}`, z.ZodOptional<z.ZodString>> &
  Record<`present${number}` | `valid${number}`, typeof checkbox> &
  Record<`reason${number}`, ReturnType<typeof singleLine>>;

export function attendanceOf(input: Record<string, unknown>): Map<number, { attended: boolean; reason: string; valid: boolean }> {
  const out = new Map<number, { attended: boolean; reason: string; valid: boolean }>();
  for (let n = 1; n <= MAX_DIALOGUE_PARTICIPANTS; n++) {
    const pid = Number(input[`pid${n}`]);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    out.set(pid, { attended: input[`present${n}`] === true, reason: String(input[`reason${n}`] ?? ""), valid: input[`valid${n}`] === true });
  }
  return out;
}

export const dialogueMinutesSchema = z.object({
  intent: z.literal("minutes"),
  dialogueId: id,
  ...attendanceFields,
  content: required(longText(20_000)),
  agreed: longText(5_000),
  disputed: longText(5_000),
});

export const dialogueSchema = z.discriminatedUnion("intent", [dialogueScheduleSchema, dialogueMinutesSchema]);
export type DialogueInput = z.output<typeof dialogueSchema>;
