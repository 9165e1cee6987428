import { describe, expect, it } from "vitest";
import { dueDate, findRule, firstStageDueDate, isWorkingDay, nextWorkingDay, type CalendarData, type DeadlineRule } from "~/domain/deadlines";
import { addDays, daysBetween, formatDate, formatDateTime, vnDate, weekday } from "~/domain/dates";
import { CALENDAR_DAYS, DEADLINE_RULES } from "../../db/data/reference";

const calendar: CalendarData = {
  holidays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "holiday").map((d) => d.date)),
  workingDays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "working_day").map((d) => d.date)),
};
const rules: DeadlineRule[] = DEADLINE_RULES.map((r) => ({ ...r, categoryCode: null }));

describe("working days", () => {
  it("are Monday to Friday, without holidays, plus worked Saturdays", () => {
    expect(isWorkingDay("2026-11-25", calendar)).toBe(true); // Wednesday
    expect(isWorkingDay("2026-11-28", calendar)).toBe(false); // Saturday
    expect(isWorkingDay("2026-02-17", calendar)).toBe(false); // Tết
    expect(isWorkingDay("2026-04-27", calendar)).toBe(false); // Hùng Kings, in lieu
    expect(isWorkingDay("2026-04-30", calendar)).toBe(false);
    expect(isWorkingDay("2026-05-01", calendar)).toBe(false);
    expect(isWorkingDay("2026-09-02", calendar)).toBe(false);
    expect(isWorkingDay("2026-08-22", calendar)).toBe(true); // worked Saturday
    expect(nextWorkingDay("2026-02-14", calendar)).toBe("2026-02-23");
  });
});

describe("first-stage deadlines for each kind (the date on the receipt)", () => {
  it("feedback and petitions: 10 working days", () => {
    // Wed 25/11/2026 + 10 working days → Wed 9/12/2026.
    expect(firstStageDueDate(rules, "feedback", "land", "2026-11-25", calendar)).toBe("2026-12-09");
    expect(firstStageDueDate(rules, "petition", "land", "2026-11-25", calendar)).toBe("2026-12-09");
  });

  it("complaints: accept within 10 calendar days, rolled to a working day", () => {
    // 25/11 + 10 = Sat 5/12 → Mon 7/12.
    expect(firstStageDueDate(rules, "complaint", "land", "2026-11-25", calendar)).toBe("2026-12-07");
  });

  it("denunciations: 7 working days", () => {
    // Wed 25/11 + 7 working days → Fri 4/12.
    expect(firstStageDueDate(rules, "denunciation", "land", "2026-11-25", calendar)).toBe("2026-12-04");
  });

  it("across Tết 2026: filed Thu 12/2, 10 working days end Thu 5/3", () => {
    // Fri 13/2 (1), Tết 14–22/2, 23–27/2 (2–6), 2/3 (7), 3/3 (8), 4/3 (9), Thu 5/3 (10).
    expect(dueDate("2026-02-12", 10, "working", calendar)).toBe("2026-03-05");
  });

  it("across 30/4–1/5 2026: filed Tue 28/4, 3 working days end Tue 5/5", () => {
    // 29/4 (1), 30/4 and 1/5 off, weekend, 4/5 (2), 5/5 (3).
    expect(dueDate("2026-04-28", 3, "working", calendar)).toBe("2026-05-05");
  });

  it("across National Day 2026 with the worked Saturday 22/8", () => {
    // From Fri 28/8: 31/8, 1/9, 2/9 off → Thu 3/9 is the first working day.
    expect(dueDate("2026-08-28", 1, "working", calendar)).toBe("2026-09-03");
    // From Fri 21/8: Sat 22/8 is worked and counts.
    expect(dueDate("2026-08-21", 1, "working", calendar)).toBe("2026-08-22");
  });

  it("a calendar-day limit ending on a holiday rolls to the next working day", () => {
    // 10 days from 20/4/2026 = 30/4 (holiday) → 1/5 holiday, weekend → Mon 4/5.
    expect(dueDate("2026-04-20", 10, "calendar", calendar)).toBe("2026-05-04");
  });

  it("prefers a rule written for the category", () => {
    const withCategory = [
      ...rules,
      { kindCode: "feedback", stage: "process", categoryCode: "land", length: 5, unit: "working" as const, startEvent: "received" },
    ];
    expect(findRule(withCategory, "feedback", "process", "land")?.length).toBe(5);
    expect(findRule(withCategory, "feedback", "process", "other")?.length).toBe(10);
  });

  it("refuses an impossible limit", () => {
    expect(() => dueDate("2026-11-25", -1, "working", calendar)).toThrow();
  });
});

describe("dates in Vietnam", () => {
  it("today is counted in Asia/Ho_Chi_Minh", () => {
    expect(vnDate(new Date("2026-11-24T17:30:00Z"))).toBe("2026-11-25");
    expect(vnDate(new Date("2026-11-24T16:59:59Z"))).toBe("2026-11-24");
  });

  it("are shown as dd/mm/yyyy (and HH:mm in Vietnam time)", () => {
    expect(formatDate("2026-01-05")).toBe("05/01/2026");
    expect(formatDateTime("2026-11-24T17:30:00Z")).toBe("25/11/2026 00:30");
  });

  it("arithmetic crosses months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-25", "2026-12-25")).toBe(30);
    expect(weekday("2026-11-25")).toBe(3);
  });
});
