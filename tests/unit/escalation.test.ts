// Deadlines that escalate by themselves: when a deadline has passed, how many working days late, and when the
// district may take the case over — across weekends and holidays.
import { describe, expect, it } from "vitest";
import type { CalendarData } from "~/domain/deadlines";
import { deadlinePassed, mayTakeOver, overdueWorkingDays } from "~/domain/escalation";
import { CALENDAR_DAYS, DISTRICT_ID } from "../../db/data/reference";
import { ESCALATION_RULES } from "../../db/data/supervision";

const calendar: CalendarData = {
  holidays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "holiday").map((d) => d.date)),
  workingDays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "working_day").map((d) => d.date)),
};
const open = { status: "in_progress", communeId: "xuan-bac", dueOn: "2026-12-04", pausedSince: null };

describe("a passed deadline", () => {
  it("is an open, running case after its due date", () => {
    expect(deadlinePassed(open, "2026-12-04")).toBe(false);
    expect(deadlinePassed(open, "2026-12-05")).toBe(true);
    expect(deadlinePassed({ ...open, pausedSince: "2026-12-01" }, "2026-12-10")).toBe(false);
    expect(deadlinePassed({ ...open, status: "answered" }, "2026-12-10")).toBe(false);
  });

  it("counts working days late across a weekend and Tết", () => {
    expect(overdueWorkingDays(open, "2026-12-06", calendar)).toBe(0); // Sat, Sun
    expect(overdueWorkingDays(open, "2026-12-11", calendar)).toBe(5); // Mon–Fri
    // Due Fri 13/2/2026; Tết is 14–22/2: on Tue 24/2 two working days are late.
    expect(overdueWorkingDays({ ...open, dueOn: "2026-02-13" }, "2026-02-24", calendar)).toBe(2);
  });
});

describe("the district's take-over", () => {
  it("opens after the rule's working days overdue (data with its source)", () => {
    expect(ESCALATION_RULES.takeOverAfter.workingDays).toBe(5);
    expect(ESCALATION_RULES.takeOverAfter.verified).toBe(false);
    expect(ESCALATION_RULES.takeOverAfter.source.length).toBeGreaterThan(10);
    expect(mayTakeOver(open, DISTRICT_ID, "2026-12-10", calendar, ESCALATION_RULES)).toBe(false); // 4 working days
    expect(mayTakeOver(open, DISTRICT_ID, "2026-12-11", calendar, ESCALATION_RULES)).toBe(true); // 5
    // Over Tết the holidays do not count: due Fri 13/2, five working days late only on Fri 27/2.
    const tet = { ...open, dueOn: "2026-02-13" };
    expect(mayTakeOver(tet, DISTRICT_ID, "2026-02-26", calendar, ESCALATION_RULES)).toBe(false);
    expect(mayTakeOver(tet, DISTRICT_ID, "2026-02-27", calendar, ESCALATION_RULES)).toBe(true);
  });

  it("never applies to a case the district already holds, nor to a paused one", () => {
    expect(mayTakeOver({ ...open, communeId: DISTRICT_ID }, DISTRICT_ID, "2026-12-31", calendar, ESCALATION_RULES)).toBe(false);
    expect(mayTakeOver({ ...open, pausedSince: "2026-12-01" }, DISTRICT_ID, "2026-12-31", calendar, ESCALATION_RULES)).toBe(false);
  });
});
