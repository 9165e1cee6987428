// Citizen reception (tiếp công dân): the leaders' reception duty checked against a unit's schedule, group rules,
// session capacity, and the outcomes a reception officer may record for each kind of matter. Pure: the legal
// numbers arrive as data (db/data/reference.ts → reception_duty_rules) so an administrator corrects them, not code.
import { addDays, daysBetween, parseIsoDate, weekday } from "./dates";
import type { CalendarData } from "./deadlines";
import { isWorkingDay } from "./deadlines";
import { CASE_KINDS, type CaseKind } from "./filing";

export const RECEIVER_ROLES = ["chairman", "deputy", "officer"] as const;
export type ReceiverRole = (typeof RECEIVER_ROLES)[number];

export const SESSION_MODES = ["in_person", "online"] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const SESSION_STATUSES = ["scheduled", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const BOOKING_STATUSES = ["requested", "confirmed", "refused", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Bookings that hold a place in their session. */
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = ["requested", "confirmed"];

export const VISIT_OUTCOMES = ["guided", "new_case", "added_to_case", "transferred", "declined"] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const VISIT_CHANNELS = ["booked", "walk_in"] as const;
export type VisitChannel = (typeof VISIT_CHANNELS)[number];

/** How a case reached the portal: online by the resident, or filed by staff on their behalf through one of these. */
export const FILING_CHANNELS = ["online", "reception", "phone", "letter", "hamlet_head"] as const;
export type FilingChannel = (typeof FILING_CHANNELS)[number];
export const ASSISTED_CHANNELS = ["reception", "phone", "letter", "hamlet_head"] as const satisfies readonly FilingChannel[];

/** Weekdays a recurring rule may name (1 = Monday … 6 = Saturday): reception is held on working days. */
export const RULE_WEEKDAYS = [1, 2, 3, 4, 5, 6] as const;

// ---------------------------------------------------------------- the reception duty

/** A unit level's minimum of days on which its chairman receives citizens in person, in force between two dates. */
export interface DutyRule {
  level: "commune" | "district";
  receiverRole: ReceiverRole;
  period: "week" | "month";
  minDays: number;
  /** First day in force (YYYY-MM-DD), null = always. */
  validFrom: string | null;
  /** Last day in force (inclusive), null = still in force. */
  validTo: string | null;
  source: string;
}

/** Towns (thị trấn) follow the commune rule: both are the commune level of government. */
export function dutyLevel(unitLevel: "district" | "commune" | "town"): DutyRule["level"] {
  return unitLevel === "district" ? "district" : "commune";
}

export function dutyRuleOn(rules: readonly DutyRule[], level: DutyRule["level"], date: string): DutyRule | undefined {
  return rules.find((r) => r.level === level && (r.validFrom == null || r.validFrom <= date) && (r.validTo == null || date <= r.validTo));
}

/** A session as the duty check sees it. */
export interface DutySession {
  date: string;
  receiverRole: ReceiverRole;
  status: SessionStatus;
}

export interface DutyPeriod {
  from: string;
  to: string;
  rule: DutyRule | null;
  /** Days the rule asks for in this period: its minimum, never more than the period's working days. */
  required: number;
  /** Distinct working days on which the chairman receives (cancelled sessions and holidays do not count). */
  held: number;
  short: boolean;
}

function endOfWeek(date: string): string {
  // Weeks run Monday to Sunday, as the office's calendar does.
  return addDays(date, (7 - weekday(date)) % 7);
}

function endOfMonth(date: string): string {
  const { y, m } = parseIsoDate(date);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Checks a unit's schedule between two dates (inclusive) against the duty in force. The range is cut into the rule's
 * periods (Monday–Sunday weeks, calendar months); a period is also cut where the rule changes (so the week of
 * 29/6/2026 is checked up to 30/6 under the weekly rule, and July under the monthly one). Holidays are neither
 * required nor counted: a week of Tết asks for nothing.
 */
export function checkDuty(
  rules: readonly DutyRule[],
  level: DutyRule["level"],
  sessions: readonly DutySession[],
  from: string,
  to: string,
  calendar: CalendarData,
): { periods: DutyPeriod[]; short: boolean } {
  const periods: DutyPeriod[] = [];
  let cursor = from;
  while (cursor <= to) {
    const rule = dutyRuleOn(rules, level, cursor) ?? null;
    let end = rule ? (rule.period === "week" ? endOfWeek(cursor) : endOfMonth(cursor)) : to;
    if (rule?.validTo && rule.validTo < end) end = rule.validTo;
    // A rule that starts inside the period ends the period the day before.
    const next = rules
      .filter((r) => r.level === level && r.validFrom != null && r.validFrom > cursor && r.validFrom <= end)
      .map((r) => r.validFrom!)
      .sort()[0];
    if (next) end = addDays(next, -1);
    if (end > to) end = to;
    let workingDays = 0;
    for (let d = cursor; d <= end; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) workingDays++;
    const heldDays = new Set(
      sessions
        .filter((s) => s.status === "scheduled" && s.receiverRole === (rule?.receiverRole ?? "chairman"))
        .filter((s) => s.date >= cursor && s.date <= end && isWorkingDay(s.date, calendar))
        .map((s) => s.date),
    );
    const required = rule ? Math.min(rule.minDays, workingDays) : 0;
    periods.push({ from: cursor, to: end, rule, required, held: heldDays.size, short: heldDays.size < required });
    cursor = addDays(end, 1);
  }
  return { periods, short: periods.some((p) => p.short) };
}

// ---------------------------------------------------------------- recurring sessions

export interface RecurringRule {
  /** 1 = Monday … 6 = Saturday. */
  weekday: number;
  validFrom: string;
  validTo: string | null;
}

/** The dates a weekly rule gives between two dates (inclusive), holidays left out (no session is held on them). */
export function ruleDates(rule: RecurringRule, from: string, to: string, calendar: CalendarData): string[] {
  const start = rule.validFrom > from ? rule.validFrom : from;
  const end = rule.validTo && rule.validTo < to ? rule.validTo : to;
  const out: string[] = [];
  let d = addDays(start, (rule.weekday - weekday(start) + 7) % 7);
  for (; d <= end; d = addDays(d, 7)) if (!calendar.holidays.has(d)) out.push(d);
  return out;
}

// ---------------------------------------------------------------- groups

/**
 * Five or more people about the same matter are a group: they choose representatives among themselves, one or two
 * for 5–10 people, never more than five (Law 42/2013/QH13 Art. 29; Decree 124/2020 Art. 6(2) as amended).
 */
export const GROUP_RULE = {
  minPeople: 5,
  /** Up to this many people, at most `smallGroupMaxRepresentatives` representatives. */
  smallGroupMaxPeople: 10,
  smallGroupMaxRepresentatives: 2,
  maxRepresentatives: 5,
  source: "Luật Tiếp công dân 42/2013/QH13, Điều 29; Nghị định 124/2020/NĐ-CP, Điều 6(2) (sửa đổi)",
} as const;

/** The largest group a booking or a log entry takes: a bound against typing errors, not a legal number. */
export const MAX_GROUP_SIZE = 500;

export function isGroup(people: number): boolean {
  return people >= GROUP_RULE.minPeople;
}

/** How many representatives a group of `people` chooses (0–0 for fewer than five: each speaks for themself). */
export function representativesAllowed(people: number): { min: number; max: number } {
  if (!isGroup(people)) return { min: 0, max: 0 };
  return { min: 1, max: people <= GROUP_RULE.smallGroupMaxPeople ? GROUP_RULE.smallGroupMaxRepresentatives : GROUP_RULE.maxRepresentatives };
}

/** A message key when the people of a visit do not fit the group rule, else null. */
export function groupProblem(people: number, named: number): string | null {
  if (!Number.isInteger(people) || people < 1 || people > MAX_GROUP_SIZE) return `reception.error.people:${MAX_GROUP_SIZE}`;
  if (!isGroup(people)) return named === 1 ? null : "reception.error.onePerson";
  const { min, max } = representativesAllowed(people);
  if (named < min || named > max) return `reception.error.representatives:${max}`;
  return null;
}

// ---------------------------------------------------------------- capacity and booking

export interface BookableSession {
  date: string;
  /** HH:MM, Vietnam time. */
  startTime: string;
  status: SessionStatus;
  capacity: number;
}

/**
 * Why a session cannot take one more booking now (a message key), or null. `now` is the Vietnam date and time;
 * a session that has begun is past. A group takes one place: it comes with its representatives.
 */
export function bookingProblem(session: BookableSession, activeBookings: number, now: { date: string; time: string }): string | null {
  if (session.status === "cancelled") return "reception.error.cancelled";
  if (session.date < now.date || (session.date === now.date && session.startTime <= now.time)) return "reception.error.past";
  if (activeBookings >= session.capacity) return "reception.error.full";
  return null;
}

export function placesLeft(capacity: number, activeBookings: number): number {
  return Math.max(0, capacity - activeBookings);
}

// ---------------------------------------------------------------- outcomes

/**
 * What the officer may record per kind (Law 42/2013/QH13 Art. 28): a complaint outside the unit's competence is
 * guided to the competent body, not transferred; a denunciation outside it is received and transferred (the
 * denouncer is not sent away with directions, which would expose them); feedback and petitions may be either.
 */
export const OUTCOMES_BY_KIND: Record<CaseKind, readonly VisitOutcome[]> = {
  feedback: ["guided", "new_case", "added_to_case", "transferred", "declined"],
  petition: ["guided", "new_case", "added_to_case", "transferred", "declined"],
  complaint: ["guided", "new_case", "added_to_case", "declined"],
  denunciation: ["new_case", "added_to_case", "transferred", "declined"],
};
export const OUTCOME_RULE_SOURCE = "Luật Tiếp công dân 42/2013/QH13, Điều 28 (cần đối chiếu thêm)";

export function outcomeAllowed(kind: CaseKind, outcome: VisitOutcome): boolean {
  return OUTCOMES_BY_KIND[kind].includes(outcome);
}

export interface OutcomeDetails {
  /** The body the person was guided or transferred to. */
  body: string;
  /** The reason a matter was declined. */
  reason: string;
  /** The existing case a visit was added to. */
  caseCode: string;
}

/** One message per missing detail of an outcome (field name → key); empty when the outcome is complete. */
export function outcomeProblems(kind: CaseKind, outcome: VisitOutcome, details: OutcomeDetails): Record<string, string> {
  if (!outcomeAllowed(kind, outcome)) return { outcome: "reception.error.outcomeForKind" };
  const problems: Record<string, string> = {};
  if ((outcome === "guided" || outcome === "transferred") && !details.body) problems.outcomeBody = "reception.error.outcomeBody";
  if (outcome === "declined" && !details.reason) problems.outcomeReason = "reception.error.outcomeReason";
  if (outcome === "added_to_case" && !details.caseCode) problems.caseCode = "reception.error.caseCode";
  return problems;
}

/** From 1/7/2026 a person who comes to complain, denounce or petition shows an ID (Law 136/2025/QH15). */
export const ID_RULE = {
  kinds: ["complaint", "denunciation", "petition"] as readonly CaseKind[],
  validFrom: "2026-07-01",
  source: "Luật 136/2025/QH15 (hiệu lực 01/07/2026)",
};

export function idNumberRequired(kind: CaseKind, date: string): boolean {
  return ID_RULE.kinds.includes(kind) && date >= ID_RULE.validFrom;
}

/** Online reception is a formal channel from 1/7/2026 (Law 136/2025/QH15, Art. 3a); before, an online session is informal. */
export const ONLINE_RECEPTION_FROM = "2026-07-01";

export function isReceptionKind(value: string): value is CaseKind {
  return (CASE_KINDS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- who may do what

/** Roles as permissions.ts names them; kept structural so this module stays free of the case rules. */
interface ReceptionUser {
  role: "commune_official" | "commune_leader" | "district_staff" | "supervisor" | "admin";
  communeId: string;
}

/** Officials and leaders keep their own unit's schedule, bookings and log; district staff every unit's. */
export function canManageReception(user: ReceptionUser, communeId: string): boolean {
  if (user.role === "district_staff") return true;
  return (user.role === "commune_official" || user.role === "commune_leader") && user.communeId === communeId;
}

/** Supervisors read the log (never the visitors' identities): a district supervisor every unit's, else their own. */
export function canReadReceptionLog(user: ReceptionUser, communeId: string, districtId: string): boolean {
  if (canManageReception(user, communeId)) return true;
  return user.role === "supervisor" && (user.communeId === districtId || user.communeId === communeId);
}

export function seesVisitorIdentity(user: ReceptionUser): boolean {
  return user.role !== "supervisor";
}

/** The units whose reception a user works on or reads: every unit (null) or the listed one. */
export function receptionUnits(user: ReceptionUser, districtId: string): string[] | null {
  if (user.role === "district_staff") return null;
  if (user.role === "supervisor" && user.communeId === districtId) return null;
  if (user.role === "admin") return [];
  return [user.communeId];
}

const clockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** The Vietnam date and HH:MM at an instant (sessions are announced in local time). */
export function vnClock(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(clockFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  const hour = parts.hour === "24" ? "00" : parts.hour;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${hour}:${parts.minute}` };
}

// ---------------------------------------------------------------- dialogues

export const DIALOGUE_STATUSES = ["scheduled", "held", "cancelled"] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];
export const DIALOGUE_ROLES = ["filer", "representative", "official", "concerned", "front"] as const;
export type DialogueRole = (typeof DIALOGUE_ROLES)[number];

/**
 * Dialogue rules (Law on Complaints 2011 Art. 30, 39; Decree 124/2020 Art. 28 as amended by Decree 155/2026, from
 * 1/7/2026: written notice at least 5 days before, and handling continues when the complainant stays away without a
 * valid reason). Decree 155/2026 is known from transcribed copies only (medium confidence).
 */
export const DIALOGUE_RULE = {
  noticeDays: 5,
  validFrom: "2026-07-01",
  source: "Luật Khiếu nại 2011, Điều 30, 39; Nghị định 124/2020/NĐ-CP, Điều 28(5) (sửa đổi bởi Nghị định 155/2026/NĐ-CP, cần đối chiếu)",
} as const;

/** A message key when a dialogue on `date` is announced too late on `today`, else null. */
export function dialogueNoticeProblem(today: string, date: string): string | null {
  if (date < today) return "reception.error.pastDate";
  if (date < DIALOGUE_RULE.validFrom) return null;
  return daysBetween(today, date) < DIALOGUE_RULE.noticeDays ? `reception.error.dialogueNotice:${DIALOGUE_RULE.noticeDays}` : null;
}

/** Whether handling goes on although the filer stayed away: only without a valid reason, and only from 1/7/2026. */
export function continuesWithoutFiler(date: string, filerAttended: boolean, absenceValid: boolean): boolean {
  return date >= DIALOGUE_RULE.validFrom && !filerAttended && !absenceValid;
}

/** A dialogue is required for a complaint at the second instance and for a group case; at the first instance when the complaint and the verification differ. */
export function dialogueRequired(kind: CaseKind, secondInstance: boolean, group: boolean): boolean {
  return group || (kind === "complaint" && secondInstance);
}
