// Supervision recommendations (kiến nghị giám sát): who may open, answer and settle them, their response deadline
// and whether they are overdue. Pure rules; the numbers come from db/data/supervision.ts with their source.
import { countdown, workingDaysBetween, type Countdown } from "./countdown";
import { dueDate, type CalendarData, type DayUnit } from "./deadlines";
import type { StaffUser } from "./permissions";

export interface SupervisionRules {
  /** Time the supervised unit has to answer a recommendation, counted from the day it is issued. */
  response: { length: number; unit: DayUnit; source: string; verified: boolean; effectiveFrom: string };
}

export const SUBJECT_KINDS = ["case", "cases", "disclosure", "theme"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const RECOMMENDATION_STATES = ["open", "answered", "settled", "not_settled"] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

export const RESPONSES = ["accepted", "partly", "not_accepted"] as const;
export type RecommendationResponse = (typeof RESPONSES)[number];

/** The date by which a recommendation issued on `issuedOn` must be answered. */
export function responseDueOn(issuedOn: string, rules: SupervisionRules, calendar: CalendarData): string {
  return dueDate(issuedOn, rules.response.length, rules.response.unit, calendar);
}

export interface RecommendationClock {
  state: RecommendationState;
  dueOn: string;
  /** The Vietnamese date it was answered, once it was. */
  answeredOn: string | null;
}

/** Open past its due date. */
export function isOverdue(r: RecommendationClock, today: string): boolean {
  return r.state === "open" && today > r.dueOn;
}

/** Answered after its due date (the lateness stays on the record once answered). */
export function answeredLate(r: RecommendationClock): boolean {
  return r.answeredOn != null && r.answeredOn > r.dueOn;
}

/** Working days past due: today's for an open one, at the answer for an answered one, 0 when on time. */
export function workingDaysLate(r: RecommendationClock, today: string, calendar: CalendarData): number {
  const end = r.answeredOn ?? (r.state === "open" ? today : null);
  if (!end || end <= r.dueOn) return 0;
  return Math.max(1, workingDaysBetween(r.dueOn, end, calendar));
}

/** The countdown shown beside an open recommendation; null once answered. */
export function recommendationCountdown(r: RecommendationClock, today: string, calendar: CalendarData): Countdown | null {
  return r.state === "open" ? countdown(r.dueOn, today, calendar) : null;
}

/** The board's column for a recommendation. */
export function boardColumn(r: RecommendationClock, today: string): "overdue" | "open" | "answered" | "settled" | "not_settled" {
  if (isOverdue(r, today)) return "overdue";
  return r.state;
}

// ---------------------------------------------------------------- who may do what

/** Supervisors open supervisions and issue recommendations: a commune's for that commune, the district's for any unit. */
export function canSupervise(user: StaffUser, unitId: string, districtId: string): boolean {
  if (user.role !== "supervisor") return false;
  return user.communeId === districtId || user.communeId === unitId;
}

/** The supervised unit answers: its leader or officials (a district unit's recommendation, district staff). */
export function canAnswerRecommendation(user: StaffUser, unitId: string): boolean {
  if (user.communeId !== unitId) return false;
  return user.role === "commune_leader" || user.role === "commune_official" || user.role === "district_staff";
}

/**
 * Who reads a recommendation on staff pages: the supervisors who may issue it, the addressed unit's staff and the
 * district's staff (oversight). Nobody else: a commune never sees another commune's recommendations.
 */
export function canReadRecommendation(user: StaffUser, unitId: string, districtId: string): boolean {
  if (canSupervise(user, unitId, districtId)) return true;
  if (user.role === "district_staff") return true;
  return canAnswerRecommendation(user, unitId);
}

/** The units whose recommendations a user reads: every unit, or the listed ones. */
export function recommendationScope(user: StaffUser, districtId: string): { all: true } | { all: false; unitIds: string[] } {
  if (user.role === "district_staff" || (user.role === "supervisor" && user.communeId === districtId)) return { all: true };
  if (user.role === "admin") return { all: false, unitIds: [] };
  return { all: false, unitIds: [user.communeId] };
}

/** A recommendation moves open → answered (by the unit) → settled or not settled (by the supervisor). */
export function nextState(state: RecommendationState, action: "answer" | "settle" | "not_settle"): RecommendationState | null {
  if (action === "answer") return state === "open" ? "answered" : null;
  if (state !== "answered") return null;
  return action === "settle" ? "settled" : "not_settled";
}

// ---------------------------------------------------------------- social criticism of a draft (phản biện xã hội)

/** A supervisor files a critique of a disclosure of a unit they supervise, while its consultation is open. */
export function canFileCritique(user: StaffUser, disclosure: { communeId: string; status: string }, districtId: string): boolean {
  return canSupervise(user, disclosure.communeId, districtId) && disclosure.status === "consultation_open";
}

/** The final version is not published while a critique of the consulted version waits for the unit's answer. */
export function critiquesBlockPublishing(critiques: readonly { answer: string | null }[]): boolean {
  return critiques.some((c) => !c.answer?.trim());
}
