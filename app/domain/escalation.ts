// Deadlines that escalate by themselves: when a case's stage deadline has passed (a public timeline event, written
// once by the daily job) and when the district may take the case over from its unit. Pure rules; the number of
// working days is data with its source (db/data/supervision.ts).
import { isOpen } from "./case-workflow";
import { workingDaysBetween } from "./countdown";
import type { CalendarData } from "./deadlines";

export interface EscalationRules {
  takeOverAfter: { workingDays: number; source: string; verified: boolean; effectiveFrom: string };
}

export interface CaseDeadlineState {
  status: string;
  communeId: string;
  dueOn: string;
  /** While the resident is asked for information the clock stands still: nothing is overdue. */
  pausedSince: string | null;
}

/** The unit still owes the case and its running clock's due date is behind today. */
export function deadlinePassed(c: Omit<CaseDeadlineState, "communeId">, today: string): boolean {
  return isOpen(c.status) && c.pausedSince == null && today > c.dueOn;
}

/** Working days past the due date (0 while not passed). */
export function overdueWorkingDays(c: Omit<CaseDeadlineState, "communeId">, today: string, calendar: CalendarData): number {
  return deadlinePassed(c, today) ? workingDaysBetween(c.dueOn, today, calendar) : 0;
}

/** The district may take over a case a commune holds once it is overdue by the rule's working days. */
export function mayTakeOver(c: CaseDeadlineState, districtId: string, today: string, calendar: CalendarData, rules: EscalationRules): boolean {
  if (c.communeId === districtId) return false;
  return overdueWorkingDays(c, today, calendar) >= rules.takeOverAfter.workingDays;
}
