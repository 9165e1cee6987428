// The case state machine: which status may follow which, and who may move it. Pure data + one function.

export const CASE_STATUSES = [
  "received",
  "accepted",
  "refused",
  "transferred",
  "in_progress",
  "info_requested",
  "answered",
  "closed",
  "contested",
  "withdrawn",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type Actor = "resident" | "official" | "system";

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
  | "withdraw";

interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus | "previous";
  by: readonly Actor[];
}

const OPEN: readonly CaseStatus[] = ["received", "accepted", "in_progress", "info_requested", "contested"];

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
};

export function isOpen(status: CaseStatus): boolean {
  return OPEN.includes(status);
}

export class TransitionError extends Error {
  constructor(
    readonly action: CaseAction,
    readonly status: CaseStatus,
  ) {
    super(`Action ${action} is not allowed from status ${status}`);
  }
}

/** The status after `action`, or a TransitionError. `previous` is the status saved when information was requested. */
export function nextStatus(
  status: CaseStatus,
  action: CaseAction,
  actor: Actor,
  previous: CaseStatus | null = null,
): CaseStatus {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status) || !t.by.includes(actor)) throw new TransitionError(action, status);
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
