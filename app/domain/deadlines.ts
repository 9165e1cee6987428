// Legal time limits: a pure function of the rules table (domain.md §2) and the holiday calendar.
import { isAnswered, isOpen } from "./case-workflow";
import { addDays, daysBetween, weekday } from "./dates";

/** The stages of a case's own clock (the side limits and the "_complex" variants are not stages). */
export const CASE_STAGES = ["process", "accept", "resolve", "appeal_file", "resolve_second"] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

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
  /** The event that starts this stage's clock: "received", "accepted", "answered", "contested", … */
  startEvent: string;
  /** Whether a request for information from the resident stops this stage's clock until they answer. */
  pausesOnInfoRequest?: boolean;
  extensionAllowed?: boolean;
}

/**
 * Limits that are not a stage of the case's own clock: the 90 days a complainant has to file (counted from when
 * the decision became known) and the days a unit has to pass on a denunciation it is not competent for.
 */
export const SIDE_LIMITS: ReadonlySet<string> = new Set(["file_limit", "transfer"]);

/** The stage whose clock the event starts for this kind (a rule's start_event), or null when none does. */
export function stageForEvent(rules: readonly DeadlineRule[], kindCode: string, categoryCode: string | null, event: string): CaseStage | null {
  const stages = [
    ...new Set(
      rules.filter((r) => r.kindCode === kindCode && r.startEvent === event && !SIDE_LIMITS.has(r.stage) && !r.stage.endsWith("_complex")).map((r) => r.stage),
    ),
  ];
  // A category-specific rule and the general one name the same stage; several stages for one event is a data error.
  const stage = stages.find((st) => findRule(rules, kindCode, st, categoryCode));
  return (stage as CaseStage | undefined) ?? null;
}

/** The case's clock: which stage runs, since when, with which pauses and extension. */
export interface CaseClock {
  kindCode: string;
  categoryCode: string;
  stage: string;
  stageStartedOn: string;
  extensionDays: number;
  pauses: readonly (readonly [string, string])[];
}

/** The due date of the case's current stage from the rules, the calendar, its pauses and its extension. */
export function caseDueOn(clock: CaseClock, rules: readonly DeadlineRule[], calendar: CalendarData): string {
  const rule = findRule(rules, clock.kindCode, clock.stage, clock.categoryCode);
  if (!rule) throw new Error(`No time-limit rule for ${clock.kindCode}/${clock.stage}`);
  return stageDueDate(
    { startedOn: clock.stageStartedOn, length: rule.length, unit: rule.unit, extensionDays: clock.extensionDays, pauses: clock.pauses },
    calendar,
  );
}

/** The clock fields of a case when `stage` starts today: no pause, no extension, its own due date. */
export function startStage(
  clock: Pick<CaseClock, "kindCode" | "categoryCode">,
  stage: CaseStage,
  today: string,
  rules: readonly DeadlineRule[],
  calendar: CalendarData,
) {
  const next = { ...clock, stage, stageStartedOn: today, extensionDays: 0, pauses: [] as [string, string][] };
  return { stage, stageStartedOn: today, extensionDays: 0, pauses: next.pauses, complex: false, dueOn: caseDueOn(next, rules, calendar) };
}

/** Whether asking the resident for information stops the clock of the case's current stage (rule data). */
export function pausesOnInfoRequest(rules: readonly DeadlineRule[], clock: Pick<CaseClock, "kindCode" | "categoryCode" | "stage">): boolean {
  return findRule(rules, clock.kindCode, clock.stage, clock.categoryCode)?.pausesOnInfoRequest ?? true;
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
export function findRule<R extends DeadlineRule>(rules: readonly R[], kindCode: string, stage: string, categoryCode?: string | null): R | undefined {
  const candidates = rules.filter((r) => r.kindCode === kindCode && r.stage === stage);
  return candidates.find((r) => r.categoryCode != null && r.categoryCode === categoryCode) ?? candidates.find((r) => r.categoryCode == null);
}

/** The stage a new case starts in (the one its receipt's date belongs to): process, or accept for a complaint. */
export function firstStage(rules: readonly DeadlineRule[], kindCode: string, categoryCode: string): CaseStage {
  const stage = stageForEvent(rules, kindCode, categoryCode, "received");
  if (!stage) throw new Error(`No time-limit rule starting on receipt for ${kindCode}`);
  return stage;
}

/** The due date of the first stage for a case received on `receivedOn` (what the receipt shows). */
export function firstStageDueDate(rules: readonly DeadlineRule[], kindCode: string, categoryCode: string, receivedOn: string, calendar: CalendarData): string {
  return caseDueOn(
    { kindCode, categoryCode, stage: firstStage(rules, kindCode, categoryCode), stageStartedOn: receivedOn, extensionDays: 0, pauses: [] },
    rules,
    calendar,
  );
}

/** The date of a limit that is not the case's own clock (SIDE_LIMITS), counted from `from`; null without a rule. */
export function sideLimitDue(
  rules: readonly DeadlineRule[],
  kindCode: string,
  stage: string,
  categoryCode: string | null,
  from: string,
  calendar: CalendarData,
): string | null {
  const rule = findRule(rules, kindCode, stage, categoryCode);
  return rule ? dueDate(from, rule.length, rule.unit, calendar) : null;
}

/**
 * When a complaint is filed after its filing limit (90 days from the day the decision became known, Luật Khiếu nại
 * Điều 9), the last day of that limit; null when it is in time or the rule does not apply. This is a warning, never a
 * refusal: days lost to illness, disaster or other objective obstacles do not count, and only the official can judge.
 */
export function filingLimitPassed(
  rules: readonly DeadlineRule[],
  kindCode: string,
  categoryCode: string | null,
  decisionKnownOn: string | null | undefined,
  filedOn: string,
  calendar: CalendarData,
): string | null {
  if (!decisionKnownOn) return null;
  const limit = sideLimitDue(rules, kindCode, "file_limit", categoryCode, decisionKnownOn, calendar);
  return limit !== null && filedOn > limit ? limit : null;
}

/** The day by which a denunciation outside the unit's competence must be passed on (Luật Tố cáo Điều 24); null otherwise. */
export function transferDueOn(
  rules: readonly DeadlineRule[],
  kindCode: string,
  categoryCode: string | null,
  receivedOn: string,
  calendar: CalendarData,
): string | null {
  return sideLimitDue(rules, kindCode, "transfer", categoryCode, receivedOn, calendar);
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

/** What a case's clock says now, as every view shows it (receipt, the filer's page, the public page, the staff view). */
export interface DeadlineInForce {
  stage: CaseStage;
  /** Who owes the next step: the unit, or the resident (the period to take a complaint's answer to the upper level). */
  owedBy: "unit" | "resident";
  /** Day the stage's clock started (the day of the event that started it). */
  startedOn: string;
  /** The due date with the finished pauses and the extension; while paused, as if the clock ran again today. */
  dueOn: string;
  /** Set while the clock is stopped waiting for the resident's information. */
  pausedSince: string | null;
  /** Days not counted because the clock was paused (finished pauses, and the open one up to today). */
  pausedDays: number;
  /** Extra days granted in this stage, and how many times. */
  extensionDays: number;
  extensions: number;
}

/** The fields of a case its clock is kept in (the row written with each event) and its status. */
export interface CaseClockState extends CaseClock {
  status: string;
  pausedSince: string | null;
}

/**
 * The deadline in force: the stage whose clock runs now and its due date, with pauses (information requested) and
 * extensions — or null when nothing is due (refused, withdrawn, an answer with no appeal period). The clock's fields
 * come from the case, written in the same transaction as each event; the events say how often this stage was
 * extended (an extension recorded on or after the stage started).
 */
export function deadlineInForce(
  c: CaseClockState,
  events: readonly { type: string; createdOn: string }[],
  rules: readonly DeadlineRule[],
  calendar: CalendarData,
  today: string,
): DeadlineInForce | null {
  const stage = c.stage as CaseStage;
  const owedBy = isOpen(c.status) ? "unit" : isAnswered(c.status) && stage === "appeal_file" ? "resident" : null;
  if (!owedBy || !findRule(rules, c.kindCode, stage, c.categoryCode)) return null;
  // An open pause counts up to today: the due date moves on by each day the resident is waited for.
  const pauses = c.pausedSince ? [...c.pauses, [c.pausedSince, today] as const] : c.pauses;
  const pausedDays = pauses.reduce((n, [from, to]) => n + Math.max(0, daysBetween(from, to)), 0);
  return {
    stage,
    owedBy,
    startedOn: c.stageStartedOn,
    dueOn: caseDueOn({ ...c, pauses }, rules, calendar),
    pausedSince: c.pausedSince,
    pausedDays,
    extensionDays: c.extensionDays,
    extensions: events.filter((e) => e.type === "extended" && e.createdOn >= c.stageStartedOn).length,
  };
}
