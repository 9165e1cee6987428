// The field rules are dated data: from 1/7/2026 (Law 136/2025/QH15) a complaint or denunciation needs the filer's
// ID number; one filed on 30/6/2026 does not. The rule in force is the one of the filing date.
import { describe, expect, it } from "vitest";
import { parseFiling, type CaseKind } from "~/domain/filing";
import { requiredFields, type Reference } from "~/services/reference/reference.server";
import { KIND_FIELD_RULES } from "../../db/data/reference";

const ref = { kindFieldRules: KIND_FIELD_RULES.map((r) => ({ ...r, validTo: null })) } as unknown as Reference;

function errorsOn(today: string, kind: CaseKind, extra: Record<string, string>) {
  const result = parseFiling(
    {
      kind,
      category: "land",
      commune: "xuan-bac",
      hamletId: "",
      place: "Xóm 1",
      title: "Khiếu nại quyết định thu hồi đất",
      description: "Quyết định thu hồi đất không đúng diện tích.",
      requestedOutcome: "Đề nghị xem xét lại.",
      fullName: "Trần Văn Bình",
      phone: "0912 345 678",
      email: "",
      address: "Xóm 1",
      idNumber: "",
      dataConsent: "on",
      truthConfirmed: "on",
      idempotencyKey: "abcdefghijklmnop1234",
      ...extra,
    },
    {
      categoryCodes: ["land"],
      communeIds: ["xuan-bac"],
      hamletCommune: new Map(),
      requiredFields: (k) => requiredFields(ref, k, today),
      today,
    },
  );
  return result.success ? {} : result.errors;
}

const complaint = { complainedDecision: "QĐ 12/QĐ-UBND", complainedBody: "UBND xã Xuân Bắc", decisionKnownOn: "2026-06-01" };
const denunciation = { accusedPerson: "Cán bộ địa chính xã" };

describe("the ID number from 1/7/2026", () => {
  it("is not required for a complaint or denunciation filed on 30/6/2026", () => {
    expect(requiredFields(ref, "complaint", "2026-06-30")).not.toContain("idNumber");
    expect(errorsOn("2026-06-30", "complaint", complaint).idNumber).toBeUndefined();
    expect(errorsOn("2026-06-30", "denunciation", denunciation).idNumber).toBeUndefined();
  });

  it("is required for one filed on 1/7/2026, and never for feedback", () => {
    expect(requiredFields(ref, "complaint", "2026-07-01")).toContain("idNumber");
    expect(errorsOn("2026-07-01", "complaint", complaint).idNumber).toBeDefined();
    expect(errorsOn("2026-07-01", "denunciation", denunciation).idNumber).toBeDefined();
    expect(errorsOn("2026-07-01", "complaint", { ...complaint, idNumber: "036080001234" }).idNumber).toBeUndefined();
    expect(errorsOn("2026-07-01", "feedback", {}).idNumber).toBeUndefined();
  });
});

describe("suspending a complaint's handling from 1/7/2026", () => {
  it("applies to complaints received from that date, never to other kinds", async () => {
    const { isSuspended, suspensionApplies, SUSPENSION_RULES } = await import("~/domain/complaint-suspension");
    expect(SUSPENSION_RULES.verified).toBe(false);
    expect(suspensionApplies({ kindCode: "complaint", receivedOn: "2026-06-30" })).toBe(false);
    expect(suspensionApplies({ kindCode: "complaint", receivedOn: "2026-07-01" })).toBe(true);
    expect(suspensionApplies({ kindCode: "denunciation", receivedOn: "2026-07-01" })).toBe(false);
    expect(isSuspended({ status: "in_progress", pausedSince: "2026-07-06" })).toBe(true);
    expect(isSuspended({ status: "info_requested", pausedSince: "2026-07-06" })).toBe(false);
    expect(isSuspended({ status: "in_progress", pausedSince: null })).toBe(false);
  });
});
