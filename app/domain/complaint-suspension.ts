// From 1/7/2026 (Law 136/2025/QH15 amending the Law on Complaints, new Art. 11a; domain.md §7) complaint handling
// can be suspended for a time and resumed — the suspended days are not counted — or suspended for good. Cases filed
// before that date keep the rules of their filing date. The lists of legal reasons are to verify against the text.

export const SUSPENSION_RULES = {
  appliesFrom: "2026-07-01",
  source: "Luật 136/2025/QH15 sửa đổi Luật Khiếu nại, Điều 11a (danh mục lý do cần kiểm chứng)",
  verified: false,
} as const;

/** Reasons for a temporary suspension (to verify against Art. 11a). */
export const SUSPENSION_REASONS = ["awaiting_other_body", "complainant_unable", "awaiting_assessment", "other"] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** Reasons for suspending for good (đình chỉ; to verify against Art. 11a). */
export const TERMINATION_REASONS = ["complainant_died", "body_dissolved", "decided_by_court", "other"] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** Suspension exists for complaints received on or after the date the amended law applies. */
export function suspensionApplies(c: { kindCode: string; receivedOn: string }): boolean {
  return c.kindCode === "complaint" && c.receivedOn >= SUSPENSION_RULES.appliesFrom;
}

/** Suspended for a time: the clock stands still, and not because the resident was asked for information. */
export function isSuspended(c: { status: string; pausedSince: string | null }): boolean {
  return c.pausedSince != null && c.status !== "info_requested";
}
