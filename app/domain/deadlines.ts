// Legal time limits: a pure function of the rules table (domain.md §2) and the holiday calendar.
import { addDays, weekday } from "./dates";

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
