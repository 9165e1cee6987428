// Public disclosures: their lifecycle, the legal minimum posting period, and when residents may comment.
import { addDays, daysBetween } from "./dates";
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
