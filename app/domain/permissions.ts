// Who may see and do what, by role and unit. Every staff loader and action asks here, on the server.

export const ROLES = ["commune_official", "commune_leader", "district_staff", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface StaffUser {
  id: number;
  role: Role;
  /** The commune the account belongs to, or the district's id. */
  communeId: string;
}

/** Which cases a user may list: every unit, or the listed ones. Lists always take this as a parameter. */
export type CaseScope = { all: true } | { all: false; communeIds: readonly string[] };

export function caseScope(user: StaffUser, districtId: string): CaseScope {
  if (user.role === "district_staff" || user.role === "admin") return { all: true };
  if (user.role === "supervisor" && user.communeId === districtId) return { all: true };
  return { all: false, communeIds: [user.communeId] };
}

export function inScope(scope: CaseScope, communeId: string): boolean {
  return scope.all || scope.communeIds.includes(communeId);
}

export type CaseOperation =
  | "view"
  | "view_contact"
  | "download_attachment"
  | "accept"
  | "refuse"
  | "transfer"
  | "start"
  | "request_info"
  | "answer"
  | "draft_answer"
  | "approve_answer"
  | "close"
  | "reopen"
  | "assign"
  | "extend"
  | "note"
  | "remark"
  | "take_over"
  | "suspend"
  | "resume"
  | "terminate";

const HANDLING: readonly CaseOperation[] = [
  "view",
  "view_contact",
  "download_attachment",
  "accept",
  "refuse",
  "transfer",
  "start",
  "request_info",
  "answer",
  "draft_answer",
  "close",
  "reopen",
  "note",
];

const BY_ROLE: Record<Role, readonly CaseOperation[]> = {
  commune_official: HANDLING,
  // Approving an answer also needs leading the unit that holds the case (answers.ts, leadsUnit).
  // Suspending a complaint's handling (for a time or for good) is the deciding leader's (complaint-suspension.ts).
  commune_leader: [...HANDLING, "assign", "extend", "approve_answer", "suspend", "resume", "terminate"],
  // Taking over an overdue case is the upper level's (domain/escalation.ts says when).
  district_staff: [...HANDLING, "assign", "extend", "approve_answer", "take_over", "suspend", "resume", "terminate"],
  // Supervisors read and remark; they never see who filed (personal data is for those handling the case).
  supervisor: ["view", "remark"],
  // Administrators run the system, not the cases.
  admin: ["view"],
};

/**
 * May this role see who filed (and so find a case by the filer's name, phone or e-mail)? Those who cannot read
 * every case's text redacted, as the public would, whether or not the filer agreed to publication.
 */
export function seesFilerIdentity(user: Pick<StaffUser, "role">): boolean {
  return BY_ROLE[user.role].includes("view_contact");
}

export interface CaseRef {
  communeId: string;
  kindCode: string;
  /** The commune whose answer was contested, once the upper level holds the case. */
  firstInstanceCommuneId?: string | null;
}

/** What the commune whose answer is contested may still do: read the case it decided, and its files. */
const FIRST_INSTANCE_READS: readonly CaseOperation[] = ["view", "download_attachment"];

/** May this user perform this operation on this case? Out-of-scope cases are refused whatever the role. */
export function canOnCase(user: StaffUser, operation: CaseOperation, target: CaseRef, districtId: string): boolean {
  const scope = caseScope(user, districtId);
  if (inScope(scope, target.communeId)) return BY_ROLE[user.role].includes(operation);
  const decidedHere = target.firstInstanceCommuneId != null && inScope(scope, target.firstInstanceCommuneId);
  return decidedHere && FIRST_INSTANCE_READS.includes(operation) && BY_ROLE[user.role].includes(operation);
}

export function caseOperations(user: StaffUser, target: CaseRef, districtId: string): CaseOperation[] {
  return BY_ROLE[user.role].filter((op) => canOnCase(user, op, target, districtId));
}

/** Roles that handle cases, and so may be assigned one. */
export const ASSIGNABLE_ROLES = ["commune_official", "commune_leader", "district_staff"] as const satisfies readonly Role[];

/** May this account be assigned a case held by `communeId`? Active handling staff of that very unit only. */
export function canBeAssigned(account: StaffUser & { disabledAt?: string | null }, communeId: string): boolean {
  return !account.disabledAt && account.communeId === communeId && (ASSIGNABLE_ROLES as readonly Role[]).includes(account.role);
}

export type AdminOperation = "manage_accounts" | "manage_reference" | "manage_mail" | "view_audit" | "export" | "view_reports";

export function canAdmin(user: StaffUser, operation: AdminOperation): boolean {
  switch (operation) {
    case "manage_accounts":
    case "manage_reference":
    case "manage_mail": // mail that did not arrive, with its recipients' addresses (personal data)
    case "view_audit":
      return user.role === "admin";
    case "export":
      return user.role !== "admin";
    case "view_reports":
      // The district's periodic report (directive item 7): district staff and supervisors.
      return user.role === "district_staff" || user.role === "supervisor";
  }
}

/** Administrators must use a second factor (ASVS 6.3.3); others may. */
export function requiresSecondFactor(role: Role): boolean {
  return role === "admin";
}

/** Who publishes disclosures: a commune leader for their commune, district staff for any unit. */
export function canManageDisclosures(user: StaffUser, communeId: string): boolean {
  if (user.role === "district_staff") return true;
  return user.role === "commune_leader" && user.communeId === communeId;
}

/** Whose disclosures a user manages in the staff list: every unit's for the district, else their own unit's. */
export function disclosureScope(user: StaffUser): CaseScope {
  return user.role === "district_staff" ? { all: true } : { all: false, communeIds: [user.communeId] };
}

/** District accounts (not administrators) work the triage queue: cases routed to the district itself. */
export function worksTriageQueue(user: StaffUser, districtId: string): boolean {
  return user.communeId === districtId && user.role !== "admin";
}

/** Officials answer residents' comments on a consultation of their unit (and the district on any). */
export function canReplyToComments(user: StaffUser, communeId: string): boolean {
  if (user.role === "district_staff") return true;
  return (user.role === "commune_leader" || user.role === "commune_official") && user.communeId === communeId;
}
