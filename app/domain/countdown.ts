// The plain countdown people read beside a due date ("còn 3 ngày làm việc", "quá hạn 2 ngày"): one pure function of
// the stored due date, today's Vietnamese date and the holiday calendar, so a cached page can recompute it cheaply.
import { addDays } from "./dates";
import { isWorkingDay, type CalendarData } from "./deadlines";

export type Countdown =
  /** Working days left after today, up to and including the due date. */
  | { state: "remaining"; workingDays: number }
  | { state: "due_today"; workingDays: 0 }
  /** Working days that have passed since the due date, today included when it is one. */
  | { state: "overdue"; workingDays: number };

/** Working days d with from < d <= to (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar: CalendarData): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
  return count;
}

export function countdown(dueOn: string, today: string, calendar: CalendarData): Countdown {
  if (today === dueOn) return { state: "due_today", workingDays: 0 };
  if (today < dueOn) return { state: "remaining", workingDays: workingDaysBetween(today, dueOn, calendar) };
  // Past the due date: a weekend right after it counts as overdue, but as 0 working days until Monday comes.
  return { state: "overdue", workingDays: Math.max(1, workingDaysBetween(dueOn, today, calendar)) };
}

/** The catalogue key and parameter of a countdown: `countdown.remaining` {n}, `countdown.due_today`, `countdown.overdue` {n}. */
export function countdownMessage(c: Countdown): { key: `countdown.${Countdown["state"]}`; days: number } {
  return { key: `countdown.${c.state}`, days: c.workingDays };
}
