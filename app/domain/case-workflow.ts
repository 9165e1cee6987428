// The case state machine: which status may follow which, and who may move it. Pure data + one function.

import { addDays, vnDate } from "./dates";
import { InvalidError } from "./errors";

export const CASE_STATUSES = ["received", "accepted", "refused", "in_progress", "info_requested", "answered", "closed", "contested", "withdrawn"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type Actor = "resident" | "official" | "system";

/** Every kind of event on a case's timeline (the public ones reach the resident and the public page). */
export const CASE_EVENT_TYPES = [
  "filed",
  "accepted",
  "refused",
  "transferred",
  "started",
  "info_requested",
  "info_provided",
  "answered",
  // An answer in the chairman's name: drafted by an official, then approved (and sent) or returned by a leader.
  "answer_drafted",
  "answer_approved",
  "answer_returned",
  "closed",
  "reopened",
  "assigned",
  "extended",
  "note",
  "supervision_remark",
  "rated",
  "contested",
  "withdrawn",
  // A dialogue meeting was held (reception context): the public timeline says so, with no names.
  "dialogue_held",
  // Deadlines that escalate by themselves (domain/escalation.ts): written once by the daily job, and the district's take-over.
  "deadline_passed",
  "taken_over",
  // The resident's reply to "is your matter settled?" when it is "no" (a "yes" closes the case: a "closed" event).
  "closure_declined",
  // From 1/7/2026 a complaint's handling is suspended and resumed, or suspended for good (complaint-suspension.ts).
  "suspended",
  "resumed",
  "terminated",
  // From 1/7/2026 the complainant may withdraw part of a complaint; that part is not reopened.
  "partly_withdrawn",
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export type CaseAction =
  | "accept"
  | "refuse"
  | "transfer"
  | "start"
  | "request_info"
  | "provide_info"
  | "answer"
  | "close"
  | "contest"
  | "reopen"
  | "withdraw"
  | "take_over"
  | "confirm_closure"
  | "suspend"
  | "resume"
  | "terminate";

interface Transition {
  from: readonly CaseStatus[];
  /** "previous": the status saved when information was requested; "unchanged": the action moves who holds it, not where it is. */
  to: CaseStatus | "previous" | "unchanged";
  by: readonly Actor[];
}

// Named groups of statuses: every list, figure and API reads these instead of spelling the statuses out.
/** The unit still owes the resident something: the legal clock runs (or is paused). */
export const OPEN_STATUSES = ["received", "accepted", "in_progress", "info_requested", "contested"] as const satisfies readonly CaseStatus[];
/** An answer is on record. */
export const ANSWERED_STATUSES = ["answered", "closed"] as const satisfies readonly CaseStatus[];
/** Nothing more is due from the unit; lists put these after the open ones. */
export const FINISHED_STATUSES = ["answered", "closed", "refused", "withdrawn"] as const satisfies readonly CaseStatus[];

const OPEN: readonly CaseStatus[] = OPEN_STATUSES;

export const TRANSITIONS: Record<CaseAction, Transition> = {
  accept: { from: ["received"], to: "accepted", by: ["official"] },
  refuse: { from: ["received"], to: "refused", by: ["official"] },
  transfer: { from: ["received", "accepted", "in_progress"], to: "received", by: ["official"] },
  start: { from: ["accepted", "contested"], to: "in_progress", by: ["official"] },
  request_info: { from: ["received", "accepted", "in_progress", "contested"], to: "info_requested", by: ["official"] },
  // Answering an information request returns the case to where it was when the request was made.
  provide_info: { from: ["info_requested"], to: "previous", by: ["resident"] },
  answer: { from: ["accepted", "in_progress", "contested"], to: "answered", by: ["official"] },
  close: { from: ["answered", "refused"], to: "closed", by: ["official", "system"] },
  contest: { from: ["answered", "closed"], to: "contested", by: ["resident"] },
  reopen: { from: ["closed", "refused", "withdrawn"], to: "received", by: ["official"] },
  withdraw: { from: OPEN, to: "withdrawn", by: ["resident"] },
  // The district takes over a case its unit left overdue (escalation.ts says when); the case stays where it is.
  take_over: { from: ["received", "accepted", "in_progress", "contested"], to: "unchanged", by: ["official"] },
  // The resident confirms the answer settled the matter (domain/closure.ts).
  confirm_closure: { from: ["answered"], to: "closed", by: ["resident"] },
  // A complaint's handling suspended (the clock stops) and resumed, or suspended for good (complaint-suspension.ts).
  suspend: { from: ["accepted", "in_progress"], to: "unchanged", by: ["official"] },
  resume: { from: ["accepted", "in_progress"], to: "unchanged", by: ["official"] },
  terminate: { from: ["accepted", "in_progress"], to: "closed", by: ["official"] },
};

export function isOpen(status: string): boolean {
  return OPEN.includes(status as CaseStatus);
}

export function isAnswered(status: string): boolean {
  return (ANSWERED_STATUSES as readonly string[]).includes(status);
}

/** An action the case's status or the actor does not allow; shown as "error.actionNotAllowed". */
export class TransitionError extends InvalidError {
  constructor(
    readonly action: CaseAction,
    readonly status: CaseStatus,
  ) {
    super("error.actionNotAllowed");
  }
}

/** The status after `action`, or a TransitionError. `previous` is the status saved when information was requested. */
export function nextStatus(status: CaseStatus, action: CaseAction, actor: Actor, previous: CaseStatus | null = null): CaseStatus {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status) || !t.by.includes(actor)) throw new TransitionError(action, status);
  if (t.to === "unchanged") return status;
  if (t.to !== "previous") return t.to;
  if (!previous) throw new TransitionError(action, status);
  return previous;
}

export function allowedActions(status: CaseStatus, actor: Actor): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((a) => {
    const t = TRANSITIONS[a];
    return t.from.includes(status) && t.by.includes(actor);
  });
}

/** Days after an answer during which the resident may take it to the upper level, for kinds without a legal appeal period. */
export const DEFAULT_CONTEST_DAYS = 30;

/**
 * Whether the resident may still contest the answer: within the complaint's appeal period (its own stage and due
 * date), or within DEFAULT_CONTEST_DAYS of the answer for the other kinds.
 */
export function contestOpen(row: { status: string; stage: string; dueOn: string; answeredAt: string | null }, today: string): boolean {
  if (!isAnswered(row.status)) return false;
  return (contestUntil(row) ?? "") >= today;
}

/** The last day the answer can be contested, or null when there is no answer. */
export function contestUntil(row: { stage: string; dueOn: string; answeredAt: string | null }): string | null {
  if (row.stage === "appeal_file") return row.dueOn;
  return row.answeredAt ? addDays(vnDate(new Date(row.answeredAt)), DEFAULT_CONTEST_DAYS) : null;
}
