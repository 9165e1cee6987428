import { describe, expect, it } from "vitest";
import { allowedActions, CASE_STATUSES, nextStatus, TransitionError, type Actor, type CaseAction, type CaseStatus } from "~/domain/case-workflow";

// The expected table, written out independently of TRANSITIONS: [action, from, actor] → to.
const EXPECTED: [CaseAction, CaseStatus, Actor, CaseStatus | "previous"][] = [
  ["accept", "received", "official", "accepted"],
  ["refuse", "received", "official", "refused"],
  ...(["received", "accepted", "in_progress"] as const).map((s) => ["transfer", s, "official", "received"] as [CaseAction, CaseStatus, Actor, CaseStatus]),
  ["start", "accepted", "official", "in_progress"],
  ["start", "contested", "official", "in_progress"],
  ...(["received", "accepted", "in_progress", "contested"] as const).map(
    (s) => ["request_info", s, "official", "info_requested"] as [CaseAction, CaseStatus, Actor, CaseStatus],
  ),
  ["provide_info", "info_requested", "resident", "previous"],
  ...(["accepted", "in_progress", "contested"] as const).map((s) => ["answer", s, "official", "answered"] as [CaseAction, CaseStatus, Actor, CaseStatus]),
  ...(["answered", "refused"] as const).flatMap((s) =>
    (["official", "system"] as const).map((a) => ["close", s, a, "closed"] as [CaseAction, CaseStatus, Actor, CaseStatus]),
  ),
  ["contest", "answered", "resident", "contested"],
  ["contest", "closed", "resident", "contested"],
  ...(["closed", "refused", "withdrawn"] as const).map((s) => ["reopen", s, "official", "received"] as [CaseAction, CaseStatus, Actor, CaseStatus]),
  ...(["received", "accepted", "in_progress", "info_requested", "contested"] as const).map(
    (s) => ["withdraw", s, "resident", "withdrawn"] as [CaseAction, CaseStatus, Actor, CaseStatus],
  ),
  // The district's take-over of an overdue case leaves its status where it is.
  ...(["received", "accepted", "in_progress", "contested"] as const).map((s) => ["take_over", s, "official", s] as [CaseAction, CaseStatus, Actor, CaseStatus]),
  ["confirm_closure", "answered", "resident", "closed"],
  // From 1/7/2026 a complaint's handling is suspended and resumed (status unchanged), or suspended for good.
  ...(["accepted", "in_progress"] as const).flatMap((s) => [
    ["suspend", s, "official", s] as [CaseAction, CaseStatus, Actor, CaseStatus],
    ["resume", s, "official", s] as [CaseAction, CaseStatus, Actor, CaseStatus],
    ["terminate", s, "official", "closed"] as [CaseAction, CaseStatus, Actor, CaseStatus],
  ]),
];
const ACTIONS: CaseAction[] = [
  "accept",
  "refuse",
  "transfer",
  "start",
  "request_info",
  "provide_info",
  "answer",
  "close",
  "contest",
  "reopen",
  "withdraw",
  "take_over",
  "confirm_closure",
  "suspend",
  "resume",
  "terminate",
];
const ACTORS: Actor[] = ["resident", "official", "system"];

describe("the case state machine", () => {
  it("allows exactly the documented transitions, and refuses every other status × action × actor", () => {
    let allowed = 0;
    for (const status of CASE_STATUSES) {
      for (const action of ACTIONS) {
        for (const actor of ACTORS) {
          const expected = EXPECTED.find(([a, s, who]) => a === action && s === status && who === actor);
          if (expected) {
            const to = expected[3] === "previous" ? "in_progress" : expected[3];
            expect(nextStatus(status, action, actor, "in_progress"), `${status} ${action} ${actor}`).toBe(to);
            allowed++;
          } else {
            expect(() => nextStatus(status, action, actor, "in_progress"), `${status} ${action} ${actor}`).toThrow(TransitionError);
          }
        }
      }
    }
    expect(allowed).toBe(EXPECTED.length);
  });

  it("answering an information request returns to where the case was, and needs that status", () => {
    expect(nextStatus("info_requested", "provide_info", "resident", "accepted")).toBe("accepted");
    expect(nextStatus("info_requested", "provide_info", "resident", "received")).toBe("received");
    expect(() => nextStatus("info_requested", "provide_info", "resident", null)).toThrow(TransitionError);
  });

  it("lists the actions open to an actor in a status", () => {
    expect(allowedActions("received", "official")).toEqual(["accept", "refuse", "transfer", "request_info", "take_over"]);
    expect(allowedActions("answered", "resident")).toEqual(["contest", "confirm_closure"]);
    expect(allowedActions("closed", "official")).toEqual(["reopen"]);
    expect(allowedActions("withdrawn", "resident")).toEqual([]);
  });
});
