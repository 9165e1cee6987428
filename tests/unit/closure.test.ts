// Closure the resident confirms: when the resident is asked, and the day an answered case closes by itself.
import { describe, expect, it } from "vitest";
import { asksResident, autoCloseOn, closesWithoutReply, closureKind } from "~/domain/closure";
import { CLOSURE_RULES } from "../../db/data/closure";

describe("closure after an answer", () => {
  it("closes by itself the rule's days after the answer (data with its source)", () => {
    expect(CLOSURE_RULES.autoCloseAfter).toMatchObject({ days: 15, unit: "calendar", verified: false });
    expect(autoCloseOn("2026-11-20", CLOSURE_RULES)).toBe("2026-12-05");
    const answered = { status: "answered", answeredOn: "2026-11-20", declined: false };
    expect(closesWithoutReply(answered, "2026-12-04", CLOSURE_RULES)).toBe(false);
    expect(closesWithoutReply(answered, "2026-12-05", CLOSURE_RULES)).toBe(true);
  });

  it("asks only about an answer the resident has not declined, and never closes a declined one by itself", () => {
    expect(asksResident({ status: "answered", answeredOn: "2026-11-20", declined: false })).toBe(true);
    expect(asksResident({ status: "answered", answeredOn: "2026-11-20", declined: true })).toBe(false);
    expect(asksResident({ status: "closed", answeredOn: "2026-11-20", declined: false })).toBe(false);
    expect(closesWithoutReply({ status: "answered", answeredOn: "2026-11-20", declined: true }, "2027-01-01", CLOSURE_RULES)).toBe(false);
  });

  it("tells how a case was closed from who closed it", () => {
    expect(closureKind({ actor: "resident" })).toBe("resident_confirmed");
    expect(closureKind({ actor: "system" })).toBe("no_reply");
    expect(closureKind({ actor: "official" })).toBe("official");
  });
});
