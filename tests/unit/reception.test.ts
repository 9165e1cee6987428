// The reception rules: the chairman's duty (weekly, then twice a month from 1/7/2026, holidays), group rules,
// capacity, and the outcomes an officer may record for each kind.
import { describe, expect, it } from "vitest";
import {
  bookingProblem,
  checkDuty,
  continuesWithoutFiler,
  dialogueNoticeProblem,
  dialogueRequired,
  dutyRuleOn,
  groupProblem,
  idNumberRequired,
  isGroup,
  outcomeAllowed,
  outcomeProblems,
  representativesAllowed,
  ruleDates,
  type DutyRule,
  type DutySession,
} from "~/domain/reception";
import { CALENDAR_DAYS, RECEPTION_DUTY_RULES } from "../../db/data/reference";

const calendar = {
  holidays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "holiday").map((d) => d.date)),
  workingDays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "working_day").map((d) => d.date)),
};
const rules: DutyRule[] = RECEPTION_DUTY_RULES;
const chairman = (date: string, status: "scheduled" | "cancelled" = "scheduled"): DutySession => ({ date, receiverRole: "chairman", status });

describe("the chairman's reception duty", () => {
  it("is one day a week for a commune until 30/6/2026 and two days a month from 1/7/2026", () => {
    expect(dutyRuleOn(rules, "commune", "2026-06-30")).toMatchObject({ period: "week", minDays: 1 });
    expect(dutyRuleOn(rules, "commune", "2026-07-01")).toMatchObject({ period: "month", minDays: 2 });
    expect(dutyRuleOn(rules, "district", "2026-03-01")).toMatchObject({ period: "month", minDays: 2 });
    for (const r of rules) expect(r.source).toMatch(/Luật/);
  });

  it("a commune receiving every Thursday in June 2026 meets the weekly rule; one week missed falls short", () => {
    const thursdays = ["2026-06-04", "2026-06-11", "2026-06-18", "2026-06-25"].map((d) => chairman(d));
    const june = checkDuty(rules, "commune", thursdays, "2026-06-01", "2026-06-28", calendar);
    expect(june.periods).toHaveLength(4);
    expect(june.short).toBe(false);
    const missed = checkDuty(rules, "commune", thursdays.slice(1), "2026-06-01", "2026-06-28", calendar);
    expect(missed.short).toBe(true);
    expect(missed.periods.filter((p) => p.short).map((p) => p.from)).toEqual(["2026-06-01"]);
  });

  it("a cancelled session or a deputy's session does not count for the chairman", () => {
    const week = checkDuty(
      rules,
      "commune",
      [chairman("2026-06-04", "cancelled"), { date: "2026-06-05", receiverRole: "deputy", status: "scheduled" }],
      "2026-06-01",
      "2026-06-07",
      calendar,
    );
    expect(week.short).toBe(true);
  });

  it("from 1/7/2026 two days a month are enough, and the week straddling the change is cut at 30/6", () => {
    const result = checkDuty(rules, "commune", [chairman("2026-06-29"), chairman("2026-07-09"), chairman("2026-07-23")], "2026-06-29", "2026-07-31", calendar);
    expect(result.periods.map((p) => [p.from, p.to, p.required, p.held])).toEqual([
      ["2026-06-29", "2026-06-30", 1, 1],
      ["2026-07-01", "2026-07-31", 2, 2],
    ]);
    expect(result.short).toBe(false);
    expect(checkDuty(rules, "commune", [chairman("2026-07-09")], "2026-07-01", "2026-07-31", calendar).short).toBe(true);
  });

  it("a week of holidays (Tết 2026) asks for nothing, and a session on a holiday does not count", () => {
    const tet = checkDuty(rules, "commune", [], "2026-02-16", "2026-02-22", calendar);
    expect(tet.periods[0].required).toBe(0);
    expect(tet.short).toBe(false);
    const onHoliday = checkDuty(rules, "commune", [chairman("2026-04-30")], "2026-04-27", "2026-05-03", calendar);
    expect(onHoliday.periods[0].held).toBe(0);
    expect(onHoliday.short).toBe(true);
  });

  it("the district chairman: two days a month", () => {
    expect(checkDuty(rules, "district", [chairman("2026-03-10")], "2026-03-01", "2026-03-31", calendar).short).toBe(true);
    expect(checkDuty(rules, "district", [chairman("2026-03-10"), chairman("2026-03-24")], "2026-03-01", "2026-03-31", calendar).short).toBe(false);
  });
});

describe("weekly rules", () => {
  it("give one date a week on the rule's weekday, holidays left out", () => {
    // Thursdays of April 2026; 30/4 is a holiday.
    expect(ruleDates({ weekday: 4, validFrom: "2026-01-01", validTo: null }, "2026-04-01", "2026-04-30", calendar)).toEqual([
      "2026-04-02",
      "2026-04-09",
      "2026-04-16",
      "2026-04-23",
    ]);
    expect(ruleDates({ weekday: 4, validFrom: "2026-04-10", validTo: "2026-04-20" }, "2026-04-01", "2026-04-30", calendar)).toEqual(["2026-04-16"]);
  });
});

describe("groups", () => {
  it("five or more people are a group; 5–10 choose one or two representatives, more people at most five", () => {
    expect(isGroup(4)).toBe(false);
    expect(isGroup(5)).toBe(true);
    expect(representativesAllowed(3)).toEqual({ min: 0, max: 0 });
    expect(representativesAllowed(10)).toEqual({ min: 1, max: 2 });
    expect(representativesAllowed(11)).toEqual({ min: 1, max: 5 });
    expect(representativesAllowed(400)).toEqual({ min: 1, max: 5 });
  });

  it("refuses a group of 0 or 10 000, six representatives, or a lone visitor with two names", () => {
    expect(groupProblem(0, 1)).toMatch(/^reception.error.people/);
    expect(groupProblem(10_000, 5)).toMatch(/^reception.error.people/);
    expect(groupProblem(1.5, 1)).toMatch(/^reception.error.people/);
    expect(groupProblem(30, 6)).toBe("reception.error.representatives:5");
    expect(groupProblem(8, 3)).toBe("reception.error.representatives:2");
    expect(groupProblem(8, 0)).toBe("reception.error.representatives:2");
    expect(groupProblem(2, 2)).toBe("reception.error.onePerson");
    expect(groupProblem(1, 1)).toBeNull();
    expect(groupProblem(12, 5)).toBeNull();
  });
});

describe("capacity", () => {
  const session = { date: "2026-12-10", startTime: "08:00", status: "scheduled" as const, capacity: 2 };
  const now = { date: "2026-12-08", time: "09:00" };
  it("takes bookings while places are left, refuses a full, past, started or cancelled session", () => {
    expect(bookingProblem(session, 1, now)).toBeNull();
    expect(bookingProblem(session, 2, now)).toBe("reception.error.full");
    expect(bookingProblem(session, 0, { date: "2026-12-11", time: "07:00" })).toBe("reception.error.past");
    expect(bookingProblem(session, 0, { date: "2026-12-10", time: "08:00" })).toBe("reception.error.past");
    expect(bookingProblem(session, 0, { date: "2026-12-10", time: "07:59" })).toBeNull();
    expect(bookingProblem({ ...session, status: "cancelled" }, 0, now)).toBe("reception.error.cancelled");
  });
});

describe("outcomes per kind", () => {
  it("a complaint is guided, never transferred; a denunciation is transferred, never merely guided", () => {
    expect(outcomeAllowed("complaint", "guided")).toBe(true);
    expect(outcomeAllowed("complaint", "transferred")).toBe(false);
    expect(outcomeAllowed("denunciation", "guided")).toBe(false);
    expect(outcomeAllowed("denunciation", "transferred")).toBe(true);
    expect(outcomeAllowed("feedback", "guided")).toBe(true);
  });

  it("each outcome asks for its details", () => {
    const none = { body: "", reason: "", caseCode: "" };
    expect(outcomeProblems("petition", "guided", none)).toEqual({ outcomeBody: "reception.error.outcomeBody" });
    expect(outcomeProblems("petition", "declined", none)).toEqual({ outcomeReason: "reception.error.outcomeReason" });
    expect(outcomeProblems("petition", "added_to_case", none)).toEqual({ caseCode: "reception.error.caseCode" });
    expect(outcomeProblems("petition", "new_case", none)).toEqual({});
    expect(outcomeProblems("complaint", "transferred", { ...none, body: "Sở" })).toEqual({ outcome: "reception.error.outcomeForKind" });
  });

  it("an ID number is asked from complainants, denouncers and petitioners from 1/7/2026", () => {
    expect(idNumberRequired("complaint", "2026-06-30")).toBe(false);
    expect(idNumberRequired("complaint", "2026-07-01")).toBe(true);
    expect(idNumberRequired("feedback", "2026-12-01")).toBe(false);
  });
});

describe("dialogues", () => {
  it("from 1/7/2026 a dialogue is announced at least 5 days before; before, no minimum", () => {
    expect(dialogueNoticeProblem("2026-12-08", "2026-12-12")).toBe("reception.error.dialogueNotice:5");
    expect(dialogueNoticeProblem("2026-12-08", "2026-12-13")).toBeNull();
    expect(dialogueNoticeProblem("2026-06-01", "2026-06-02")).toBeNull();
    expect(dialogueNoticeProblem("2026-12-08", "2026-12-07")).toBe("reception.error.pastDate");
  });

  it("handling continues without the filer only when absent without a valid reason, from 1/7/2026", () => {
    expect(continuesWithoutFiler("2026-07-01", false, false)).toBe(true);
    expect(continuesWithoutFiler("2026-07-01", false, true)).toBe(false);
    expect(continuesWithoutFiler("2026-07-01", true, false)).toBe(false);
    expect(continuesWithoutFiler("2026-06-30", false, false)).toBe(false);
  });

  it("is required at the second instance of a complaint and for a group case", () => {
    expect(dialogueRequired("complaint", true, false)).toBe(true);
    expect(dialogueRequired("complaint", false, false)).toBe(false);
    expect(dialogueRequired("petition", false, true)).toBe(true);
  });
});
