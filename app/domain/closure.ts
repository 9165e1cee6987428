// Closure the resident confirms: after an answer the resident is asked whether the matter is settled; the case
// closes on their confirmation, by itself after the rule's days without a reply, or by an official with a reason.
import { addDays } from "./dates";

export interface ClosureRules {
  autoCloseAfter: { days: number; unit: "calendar"; source: string; verified: boolean; effectiveFrom: string };
}

/** How a closed case was closed, as the public page tells it. */
export type ClosureKind = "resident_confirmed" | "no_reply" | "official";

/** The day an answered case closes by itself if the resident does not reply (the answer's date + the rule's days). */
export function autoCloseOn(answeredOn: string, rules: ClosureRules): string {
  return addDays(answeredOn, rules.autoCloseAfter.days);
}

export interface ClosureState {
  status: string;
  /** The Vietnamese date of the answer in force. */
  answeredOn: string | null;
  /** The resident said the matter is not settled, after that answer. */
  declined: boolean;
}

/** Whether the resident is asked (and may still answer) "is your matter settled?". */
export function asksResident(c: ClosureState): boolean {
  return c.status === "answered" && c.answeredOn != null && !c.declined;
}

/** Whether the daily job closes the case today: asked, and the rule's days have gone by without a reply. */
export function closesWithoutReply(c: ClosureState, today: string, rules: ClosureRules): boolean {
  return asksResident(c) && today >= autoCloseOn(c.answeredOn!, rules);
}

/** Reads how a case was closed from its latest "closed" event (who closed it). */
export function closureKind(event: { actor: string }): ClosureKind {
  if (event.actor === "resident") return "resident_confirmed";
  if (event.actor === "system") return "no_reply";
  return "official";
}
