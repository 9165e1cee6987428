// The figures of the statistics page, the periodic report and their CSV, and the rule that credits each act on a
// case to the unit that did it.
import type { CaseEventType } from "./case-workflow";

/** The figures shown for every unit, category or kind, in table order (statistics page, report, CSV). */
export const FIGURE_COLUMNS = ["received", "accepted", "answered", "answeredOnTime", "overdueNow", "averageDaysToAnswer", "satisfaction"] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** One line of figures: a unit, a category or a kind (`key`), as the pages, the report and the CSV show it. */
export interface FigureRow {
  key: string;
  label: string;
  received: number;
  accepted: number;
  answered: number;
  answeredOnTime: number;
  overdueNow: number;
  averageDaysToAnswer: number | null;
  satisfaction: number | null;
  /** How many ratings the satisfaction is the mean of. */
  ratings: number;
}

/** The acts counted per unit, and the events that record them. Rating is counted from the rated answer. */
export const FIGURE_ACTS = {
  /** A unit receives a case when it is filed with it, transferred to it, or taken to it as the upper level. */
  received: ["filed", "transferred", "contested"],
  accepted: ["accepted"],
  answered: ["answered"],
} as const satisfies Record<string, readonly CaseEventType[]>;

/** Events that move a case to another unit: the one it reaches is credited with receiving it. */
const MOVES: ReadonlySet<CaseEventType> = new Set(FIGURE_ACTS.received);

/**
 * The unit an event is credited to, fixed when it is recorded so that figures stay with it after the case moves
 * on: the unit a filing, transfer or contest reached; the unit whose answer a rating is about; otherwise the unit
 * holding the case, which is the one that acted.
 */
export function creditedUnit(type: CaseEventType, units: { holding: string; reached?: string; ratedAnswerUnit?: string | null }): string {
  if (MOVES.has(type)) {
    if (!units.reached) throw new Error(`A ${type} event needs the unit it reached`);
    return units.reached;
  }
  if (type === "rated" && units.ratedAnswerUnit) return units.ratedAnswerUnit;
  return units.holding;
}

/** An answer is on time when given (in Vietnam's calendar) no later than its stage's due date; unknown due: not counted. */
export function answeredOnTime(answeredOn: string, dueOn: string | null): boolean {
  return dueOn !== null && answeredOn <= dueOn;
}

/** Share of answers given on time, in whole per cent; null (shown "—", empty in CSV) when nothing was answered. */
export function onTimeShare(answered: number, onTime: number): number | null {
  return answered > 0 ? Math.round((onTime / answered) * 100) : null;
}

/**
 * A figure as a page shows it ("—" for no value) and as the CSV holds it (an empty cell). Answers on time mean
 * nothing where nothing was answered: no value then, like the averages, never a "0" that reads as a failure.
 */
export function figureText(row: Record<FigureColumn, number | null>, column: FigureColumn, target: "page" | "csv"): string {
  const value = column === "answeredOnTime" && !row.answered ? null : row[column];
  if (value === null) return target === "page" ? "—" : "";
  return target === "page" ? value.toLocaleString("vi-VN") : String(value);
}
