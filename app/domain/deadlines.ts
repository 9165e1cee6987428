// Legal time limits: a pure function of the rules table (domain.md §2) and the holiday calendar.
import { addDays, daysBetween, weekday } from "./dates";

export type DayUnit = "calendar" | "working";

export interface CalendarData {
  /** Public holidays and days off in lieu (YYYY-MM-DD). */
  holidays: ReadonlySet<string>;
  /** Saturdays worked in exchange for a bridge day off (YYYY-MM-DD). */
  workingDays: ReadonlySet<string>;
}

export interface DeadlineRule {
  kindCode: string;
  stage: string;
  categoryCode: string | null;
  length: number;
  unit: DayUnit;
  extensionAllowed?: boolean;
}

export function isWorkingDay(date: string, calendar: CalendarData): boolean {
  if (calendar.workingDays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

export function nextWorkingDay(date: string, calendar: CalendarData): string {
  let d = date;
  while (!isWorkingDay(d, calendar)) d = addDays(d, 1);
  return d;
}

/**
 * The due date for a time limit counted from `start` (the day of the starting event, which is not counted).
 * Working days skip weekends and holidays; a calendar-day limit that ends on a day off rolls to the next working day.
 */
export function dueDate(start: string, length: number, unit: DayUnit, calendar: CalendarData): string {
  if (length < 0 || !Number.isInteger(length)) throw new Error(`Invalid time limit: ${length}`);
  if (unit === "calendar") return nextWorkingDay(addDays(start, length), calendar);
  let d = start;
  let counted = 0;
  while (counted < length) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) counted++;
  }
  return d;
}

/** Picks the rule for a kind and stage, preferring one specific to the category. */
export function findRule<R extends DeadlineRule>(
  rules: readonly R[],
  kindCode: string,
  stage: string,
  categoryCode?: string | null,
): R | undefined {
  const candidates = rules.filter((r) => r.kindCode === kindCode && r.stage === stage);
  return candidates.find((r) => r.categoryCode != null && r.categoryCode === categoryCode) ?? candidates.find((r) => r.categoryCode == null);
}

/** The first-stage limit shown on the receipt: process (feedback, petition, denunciation) or accept (complaint). */
export const FIRST_STAGE: Record<string, string> = {
  feedback: "process",
  petition: "process",
  complaint: "accept",
  denunciation: "process",
};

export function firstStageDueDate(
  rules: readonly DeadlineRule[],
  kindCode: string,
  categoryCode: string,
  receivedOn: string,
  calendar: CalendarData,
): string {
  const stage = FIRST_STAGE[kindCode];
  const rule = stage ? findRule(rules, kindCode, stage, categoryCode) : undefined;
  if (!rule) throw new Error(`No time-limit rule for ${kindCode}/${stage}`);
  return dueDate(receivedOn, rule.length, rule.unit, calendar);
}

export interface StageClock {
  /** Day the stage started (not counted). */
  startedOn: string;
  length: number;
  unit: DayUnit;
  /** Extra days granted for a complex case, in the rule's unit. */
  extensionDays?: number;
  /** Finished pauses [from, to]: days after `from` up to and including `to` are not counted. */
  pauses?: readonly (readonly [string, string])[];
}

/**
 * The due date of a stage whose clock may have been paused (information requested, domain.md §2) or extended.
 * Paused days count neither as calendar nor as working days; the result rolls to a working day.
 */
export function stageDueDate(clock: StageClock, calendar: CalendarData): string {
  const pauses = clock.pauses ?? [];
  const paused = (d: string) => pauses.some(([from, to]) => d > from && d <= to);
  const length = clock.length + (clock.extensionDays ?? 0);
  let d = clock.startedOn;
  let counted = 0;
  while (counted < length) {
    d = addDays(d, 1);
    if (paused(d)) continue;
    if (clock.unit === "calendar" || isWorkingDay(d, calendar)) counted++;
  }
  return clock.unit === "calendar" ? nextWorkingDay(d, calendar) : d;
}

export type Urgency = "overdue" | "due_soon" | "on_track" | "paused";

/** Lists flag cases due within 3 days and overdue ones (domain: "cases near or past their deadline stand out"). */
export function urgency(dueOn: string, today: string, paused: boolean): Urgency {
  if (paused) return "paused";
  if (dueOn < today) return "overdue";
  return daysBetween(today, dueOn) <= 3 ? "due_soon" : "on_track";
}

/**
 * Days added when a case is declared complex: the difference to the "<stage>_complex" rule (complaints, once),
 * or the rule's own length for rules that allow extension (denunciations: +30 days, at most twice). Null: none left.
 */
export function extensionFor(
  rules: readonly DeadlineRule[],
  kindCode: string,
  stage: string,
  categoryCode: string | null,
  timesExtended: number,
): number | null {
  const base = findRule(rules, kindCode, stage, categoryCode);
  if (!base) return null;
  const complex = findRule(rules, kindCode, `${stage}_complex`, categoryCode);
  if (complex) return timesExtended === 0 ? complex.length - base.length : null;
  if (base.extensionAllowed) return timesExtended < 2 ? base.length : null;
  return null;
}
