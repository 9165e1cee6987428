// Public disclosures: their lifecycle, the legal minimum posting and consultation periods (how they are counted:
// docs/decisions/010), and when residents may comment.
import { addDays, daysBetween, vnDate } from "./dates";
import { InvalidError } from "./errors";
import { foldForSearch } from "./text";

/** The kinds of disclosure the law lists (their posting rules are data in disclosure_types). */
export const DISCLOSURE_TYPE_CODES = [
  "investment_project",
  "construction_work",
  "land_use_plan",
  "compensation_plan",
  "budget",
  "contributions",
  "administrative_procedures",
  "inspection_results",
  "other",
] as const;
export type DisclosureTypeCode = (typeof DISCLOSURE_TYPE_CODES)[number];

export function isDisclosureTypeCode(value: unknown): value is DisclosureTypeCode {
  return (DISCLOSURE_TYPE_CODES as readonly unknown[]).includes(value);
}

export const DISCLOSURE_STATUSES = ["draft", "published", "consultation_open", "consultation_closed", "superseded", "withdrawn"] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

/** Published and neither replaced nor withdrawn: what the home page lists and a case may be about. */
export const IN_FORCE_STATUSES = ["published", "consultation_open", "consultation_closed"] as const;

/** Every status the public may see: in force, replaced by a newer version, or withdrawn with its reason. */
export const PUBLIC_STATUSES = [...IN_FORCE_STATUSES, "superseded", "withdrawn"] as const satisfies readonly DisclosureStatus[];

export function isInForce(status: string): boolean {
  return (IN_FORCE_STATUSES as readonly string[]).includes(status);
}

export type DisclosureAction = "publish" | "open_consultation" | "close_consultation" | "withdraw" | "supersede";

const TRANSITIONS: Record<DisclosureAction, { from: readonly DisclosureStatus[]; to: DisclosureStatus }> = {
  publish: { from: ["draft"], to: "published" },
  open_consultation: { from: ["published"], to: "consultation_open" },
  close_consultation: { from: ["consultation_open"], to: "consultation_closed" },
  withdraw: { from: ["published", "consultation_open", "consultation_closed"], to: "withdrawn" },
  supersede: { from: ["published", "consultation_open", "consultation_closed"], to: "superseded" },
};

/** A step the disclosure's status does not allow; shown as "error.actionNotAllowed". */
export class DisclosureTransitionError extends InvalidError {
  constructor() {
    super("error.actionNotAllowed");
  }
}

export function nextDisclosureStatus(status: DisclosureStatus, action: DisclosureAction): DisclosureStatus {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) throw new DisclosureTransitionError();
  return t.to;
}

export function allowedDisclosureActions(status: DisclosureStatus): DisclosureAction[] {
  return (Object.keys(TRANSITIONS) as DisclosureAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

/** The posting period counts both its first and last day; it may not be shorter than the type's minimum. */
export function postingProblem(from: string, to: string, minDays: number): string | null {
  if (to < from) return "error.postingOrder";
  return daysBetween(from, to) + 1 < minDays ? `error.postingTooShort:${minDays}` : null;
}

/** What is asked when publishing: the period, and for a re-posted document the date it was signed. */
export interface PostingRequest {
  from: string;
  to: string;
  /** Set when an already signed document is re-posted: its period may count from that date (recorded and shown). */
  signedOn?: string | null;
  /** Why a new version replaces the previous one (what changed); required for every version after the first. */
  versionReason?: string | null;
}

/**
 * A posting period starts no earlier than the day it is published on the portal — or, for a re-posted document,
 * the day it was signed — is not already over, and lasts at least the type's minimum. A new version is posted
 * afresh: its period restarts at its own publication (never from a signed date) and it says why it replaces the last.
 */
export function postingPeriodProblem(request: PostingRequest, context: { minPostingDays: number; publishedOn: string; newVersion: boolean }): string | null {
  const { from, to } = request;
  const signedOn = request.signedOn || null;
  if (to < from) return "error.postingOrder";
  if (context.newVersion && !request.versionReason?.trim()) return "disclosure.error.versionReason";
  if (context.newVersion && signedOn) return "disclosure.error.versionRestartsPosting";
  if (signedOn && signedOn > context.publishedOn) return "disclosure.error.signedAfterPublication";
  if (from < (signedOn ?? context.publishedOn)) return signedOn ? "disclosure.error.postingBeforeSigned" : "disclosure.error.postingBeforePublication";
  if (to < context.publishedOn) return "disclosure.error.postingOver";
  return postingProblem(from, to, context.minPostingDays);
}

/** The earliest lawful end of a posting that starts on `from`. */
export function minimumPostingEnd(from: string, minDays: number): string {
  return addDays(from, minDays - 1);
}

/** The consultation happens while the plan is posted: from the first posting day's 00:00 to the last day's end, Vietnam time. */
export function consultationWindowProblem(posting: { from: string; to: string }, window: { from: string; to: string }): string | null {
  const start = Date.parse(window.from);
  const end = Date.parse(window.to);
  if (!(end > start)) return "error.postingOrder";
  const postingStart = Date.parse(`${posting.from}T00:00:00+07:00`);
  const postingEnd = Date.parse(`${addDays(posting.to, 1)}T00:00:00+07:00`);
  return start < postingStart || end > postingEnd ? "disclosure.error.consultationOutsidePosting" : null;
}

/**
 * Calendar days (Vietnam) a window of instants touches, first and last day included, as posting days are counted.
 * Counted from when comments can really be sent: a window opened after its announced start counts from the opening.
 */
export function consultationDays(window: { from: string; to: string }, openedAt: Date): number {
  const start = Math.max(Date.parse(window.from), openedAt.getTime());
  const end = Date.parse(window.to);
  if (!(end > start)) return 0;
  return daysBetween(vnDate(new Date(start)), vnDate(new Date(end - 1))) + 1;
}

/** Opening a consultation: inside the posting period, and at least the type's legal minimum from the moment it opens. */
export function consultationOpeningProblem(
  posting: { from: string; to: string },
  window: { from: string; to: string },
  rule: { minConsultationDays: number },
  openedAt: Date,
): string | null {
  const problem = consultationWindowProblem(posting, window);
  if (problem) return problem;
  if (Date.parse(window.to) <= openedAt.getTime()) return "disclosure.error.consultationOver";
  return consultationDays(window, openedAt) < rule.minConsultationDays ? `disclosure.error.consultationTooShort:${rule.minConsultationDays}` : null;
}

/**
 * Closing a consultation: not before it opened; before its announced end only with a reason (shown publicly);
 * the summary speaks of comments only when some were received, and is required when they were.
 */
export function consultationClosingProblem(
  window: { from: string; to: string },
  input: { summary: string; reason: string },
  commentsReceived: number,
  now: Date,
): string | null {
  if (now.getTime() < Date.parse(window.from)) return "disclosure.error.consultationNotStarted";
  if (now.getTime() < Date.parse(window.to) && !input.reason.trim()) return "disclosure.error.closeEarlyReason";
  if (commentsReceived === 0 && input.summary.trim()) return "disclosure.error.summaryWithoutComments";
  if (commentsReceived > 0 && !input.summary.trim()) return "disclosure.error.summaryRequired";
  return null;
}

type Dated = {
  status: string;
  postingFrom: string | null;
  postingTo: string | null;
  consultationFrom: string | null;
  consultationTo: string | null;
  consultationClosedAt?: string | null;
};

/** Where a consultation stands for the public; null when there is none. */
export type ConsultationPhase = "upcoming" | "open" | "ended" | "closed" | "closed_early";

export function consultationPhase(d: Dated, now: Date): ConsultationPhase | null {
  if (!d.consultationFrom || !d.consultationTo) return null;
  const closedAt = d.consultationClosedAt ? Date.parse(d.consultationClosedAt) : null;
  if (closedAt !== null) return closedAt < Date.parse(d.consultationTo) ? "closed_early" : "closed";
  if (d.status !== "consultation_open") return "closed";
  if (now.getTime() < Date.parse(d.consultationFrom)) return "upcoming";
  return now.getTime() < Date.parse(d.consultationTo) ? "open" : "ended";
}

/**
 * The consultation period a page shows: from its start to when it really ended (the announced end is kept beside an
 * early close). A period whose end would precede its start is never shown (null).
 */
export function consultationPeriodShown(d: Dated): { from: string; to: string; announcedTo: string | null } | null {
  if (!d.consultationFrom || !d.consultationTo) return null;
  const announced = d.consultationTo;
  const closedEarly = d.consultationClosedAt && Date.parse(d.consultationClosedAt) < Date.parse(announced) ? d.consultationClosedAt : null;
  const to = closedEarly ?? announced;
  if (!(Date.parse(to) > Date.parse(d.consultationFrom))) return null;
  return { from: d.consultationFrom, to, announcedTo: closedEarly ? announced : null };
}

/**
 * The status the public reads, from the real dates: "Đang niêm yết" only between the posting's first and last day,
 * "Đang lấy ý kiến" only while comments are taken. A catalogue key.
 */
export type PublicStatusLabel = `dstatus.${DisclosureStatus | "posting_ended" | "posting_upcoming" | "consultation_upcoming" | "consultation_ended"}`;

export function publicStatusLabel(d: Dated & { status: DisclosureStatus }, now: Date): PublicStatusLabel {
  if (!isInForce(d.status)) return `dstatus.${d.status}`;
  const today = vnDate(now);
  if (d.postingTo && today > d.postingTo) return "dstatus.posting_ended";
  if (d.postingFrom && today < d.postingFrom) return "dstatus.posting_upcoming";
  if (d.status === "consultation_open") {
    const phase = consultationPhase(d, now);
    if (phase === "upcoming") return "dstatus.consultation_upcoming";
    if (phase === "ended") return "dstatus.consultation_ended";
  }
  return `dstatus.${d.status}`;
}

/** Comments are accepted from the window's start up to, not including, its end instant. */
export function consultationOpen(d: { status: string; consultationFrom: string | null; consultationTo: string | null }, now: Date): boolean {
  if (d.status !== "consultation_open" || !d.consultationFrom || !d.consultationTo) return false;
  const t = now.getTime();
  return t >= Date.parse(d.consultationFrom) && t < Date.parse(d.consultationTo);
}

/** A readable, unique address: the folded title and the disclosure's id. */
export function disclosureSlug(title: string, id: number): string {
  const words = foldForSearch(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .replace(/-[^-]*$/, "");
  return `${words || "cong-khai"}-${id}`;
}
