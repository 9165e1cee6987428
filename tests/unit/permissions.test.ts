import { describe, expect, it } from "vitest";
import {
  canAdmin,
  canOnCase,
  caseOperations,
  caseScope,
  inScope,
  requiresSecondFactor,
  ROLES,
  seesFilerIdentity,
  type CaseOperation,
  type Role,
  type StaffUser,
} from "~/domain/permissions";

const DISTRICT = "huyen-xuan-truong";
const user = (role: Role, communeId: string): StaffUser => ({ id: 1, role, communeId });
const caseIn = (communeId: string) => ({ communeId, kindCode: "complaint" });
const ALL_OPERATIONS: CaseOperation[] = [
  "view",
  "view_contact",
  "download_attachment",
  "accept",
  "refuse",
  "transfer",
  "start",
  "request_info",
  "answer",
  "close",
  "reopen",
  "assign",
  "extend",
  "note",
  "remark",
];

describe("scope: which cases a user may list", () => {
  it("commune staff see only their commune", () => {
    for (const role of ["commune_official", "commune_leader"] as const) {
      const scope = caseScope(user(role, "xuan-bac"), DISTRICT);
      expect(scope).toEqual({ all: false, communeIds: ["xuan-bac"] });
      expect(inScope(scope, "xuan-hong")).toBe(false);
    }
  });

  it("district staff and administrators see every unit; a district supervisor too, a commune supervisor only theirs", () => {
    expect(caseScope(user("district_staff", DISTRICT), DISTRICT)).toEqual({ all: true });
    expect(caseScope(user("admin", DISTRICT), DISTRICT)).toEqual({ all: true });
    expect(caseScope(user("supervisor", DISTRICT), DISTRICT)).toEqual({ all: true });
    expect(caseScope(user("supervisor", "xuan-thanh"), DISTRICT)).toEqual({ all: false, communeIds: ["xuan-thanh"] });
  });
});

describe("operations on one case", () => {
  it("nothing at all is allowed on another commune's case, whatever the role", () => {
    for (const role of ROLES.filter((r) => r !== "district_staff" && r !== "admin")) {
      const u = user(role, "xuan-bac");
      for (const op of ALL_OPERATIONS) expect(canOnCase(u, op, caseIn("xuan-hong"), DISTRICT), `${role} ${op}`).toBe(false);
    }
  });

  it("an official handles but neither assigns nor extends; a leader does both", () => {
    const official = caseOperations(user("commune_official", "xuan-bac"), caseIn("xuan-bac"), DISTRICT);
    expect(official).toEqual(expect.arrayContaining(["view", "view_contact", "accept", "answer", "note"]));
    expect(official).not.toContain("assign");
    expect(official).not.toContain("extend");
    expect(official).not.toContain("remark");
    const leader = caseOperations(user("commune_leader", "xuan-bac"), caseIn("xuan-bac"), DISTRICT);
    expect(leader).toEqual(expect.arrayContaining(["assign", "extend", "answer"]));
  });

  it("a supervisor reads and remarks, never sees the filer nor acts", () => {
    expect(caseOperations(user("supervisor", DISTRICT), caseIn("xuan-bac"), DISTRICT)).toEqual(["view", "remark"]);
  });

  it("an administrator can look but not handle cases", () => {
    expect(caseOperations(user("admin", DISTRICT), caseIn("xuan-bac"), DISTRICT)).toEqual(["view"]);
  });

  it("district staff handle any unit's case", () => {
    expect(canOnCase(user("district_staff", DISTRICT), "transfer", caseIn("xuan-bac"), DISTRICT)).toBe(true);
    expect(canOnCase(user("district_staff", DISTRICT), "accept", caseIn(DISTRICT), DISTRICT)).toBe(true);
  });
});

describe("administration", () => {
  it("only administrators manage accounts, reference data and read the audit log; they do not export cases", () => {
    for (const role of ROLES) {
      const u = user(role, DISTRICT);
      expect(canAdmin(u, "manage_accounts")).toBe(role === "admin");
      expect(canAdmin(u, "manage_reference")).toBe(role === "admin");
      expect(canAdmin(u, "view_audit")).toBe(role === "admin");
      expect(canAdmin(u, "export")).toBe(role !== "admin");
    }
  });

  it("the periodic report is for district staff and supervisors", () => {
    expect(ROLES.filter((r) => canAdmin(user(r, DISTRICT), "view_reports"))).toEqual(["district_staff", "supervisor"]);
  });

  it("the second factor is required for administrators only", () => {
    expect(ROLES.filter(requiresSecondFactor)).toEqual(["admin"]);
  });
});

describe("the commune whose answer is contested", () => {
  const contested = { communeId: "xuan-truong", kindCode: "complaint", firstInstanceCommuneId: "xuan-hong" };
  const official: StaffUser = { id: 1, role: "commune_official", communeId: "xuan-hong" };

  it("may still read the case and its files, and do nothing else", () => {
    expect(canOnCase(official, "view", contested, "xuan-truong")).toBe(true);
    expect(canOnCase(official, "download_attachment", contested, "xuan-truong")).toBe(true);
    for (const op of ["view_contact", "answer", "note", "transfer", "close"] as const) expect(canOnCase(official, op, contested, "xuan-truong")).toBe(false);
  });

  it("other communes may not", () => {
    expect(canOnCase({ ...official, communeId: "xuan-bac" }, "view", contested, "xuan-truong")).toBe(false);
  });
});

describe("who sees who filed", () => {
  it("handling staff do; supervisors and administrators read redacted text and cannot search by the filer", () => {
    expect(ROLES.filter((role) => seesFilerIdentity({ role }))).toEqual(["commune_official", "commune_leader", "district_staff"]);
  });
});
