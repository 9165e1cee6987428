import { describe, expect, it } from "vitest";
import { extensionFor, filingLimitPassed, stageDueDate, transferDueOn, urgency, type CalendarData, type DeadlineRule } from "~/domain/deadlines";
import { CALENDAR_DAYS, DEADLINE_RULES } from "../../db/data/reference";

const calendar: CalendarData = {
  holidays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "holiday").map((d) => d.date)),
  workingDays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "working_day").map((d) => d.date)),
};
const rules: DeadlineRule[] = DEADLINE_RULES.map((r) => ({ ...r, categoryCode: null }));

describe("stage clocks with pauses and extensions", () => {
  it("without pause, 15 working days from Mon 2/11/2026 end Mon 23/11/2026", () => {
    expect(stageDueDate({ startedOn: "2026-11-02", length: 15, unit: "working" }, calendar)).toBe("2026-11-23");
  });

  it("a pause from Wed 4/11 to Wed 11/11 does not count: 5 working days later, Mon 30/11", () => {
    expect(stageDueDate({ startedOn: "2026-11-02", length: 15, unit: "working", pauses: [["2026-11-04", "2026-11-11"]] }, calendar)).toBe("2026-11-30");
  });

  it("calendar days skip paused days too, then roll to a working day", () => {
    // 10 days from Wed 25/11 = Sat 5/12; paused 26/11–28/11 (3 days) → Tue 8/12.
    expect(stageDueDate({ startedOn: "2026-11-25", length: 10, unit: "calendar", pauses: [["2026-11-25", "2026-11-28"]] }, calendar)).toBe("2026-12-08");
  });

  it("working days across Tết 2026 (14–22/2) skip the whole holiday", () => {
    // From Fri 13/2/2026: Mon 23/2 is the first working day; 7 working days → Tue 3/3.
    expect(stageDueDate({ startedOn: "2026-02-13", length: 7, unit: "working" }, calendar)).toBe("2026-03-03");
  });

  it("the worked Saturday 22/8/2026 counts, the bridge Monday 31/8 does not", () => {
    // From Thu 20/8: Fri 21, Sat 22 (worked), Mon 24, Tue 25, Wed 26, Thu 27, Fri 28, then 31/8–2/9 off, Thu 3/9.
    expect(stageDueDate({ startedOn: "2026-08-20", length: 8, unit: "working" }, calendar)).toBe("2026-09-03");
  });

  it("an extension adds its days", () => {
    expect(stageDueDate({ startedOn: "2026-11-25", length: 30, unit: "calendar", extensionDays: 15 }, calendar)).toBe("2027-01-11");
  });
});

describe("extensions for complex cases", () => {
  it("complaints: once, by the difference to the complex rule (30 → 45, second instance 45 → 60)", () => {
    expect(extensionFor(rules, "complaint", "resolve", null, 0)).toBe(15);
    expect(extensionFor(rules, "complaint", "resolve", null, 1)).toBeNull();
    expect(extensionFor(rules, "complaint", "resolve_second", null, 0)).toBe(15);
  });

  it("denunciations: +30 days, at most twice", () => {
    expect(extensionFor(rules, "denunciation", "resolve", null, 0)).toBe(30);
    expect(extensionFor(rules, "denunciation", "resolve", null, 1)).toBe(30);
    expect(extensionFor(rules, "denunciation", "resolve", null, 2)).toBeNull();
  });

  it("feedback and petitions have no extension", () => {
    expect(extensionFor(rules, "feedback", "resolve", null, 0)).toBeNull();
    expect(extensionFor(rules, "petition", "process", null, 0)).toBeNull();
  });
});

describe("urgency shown in lists", () => {
  it("overdue before today, due soon within 3 days, paused while waiting for the resident", () => {
    expect(urgency("2026-11-24", "2026-11-25", false)).toBe("overdue");
    expect(urgency("2026-11-25", "2026-11-25", false)).toBe("due_soon");
    expect(urgency("2026-11-28", "2026-11-25", false)).toBe("due_soon");
    expect(urgency("2026-11-29", "2026-11-25", false)).toBe("on_track");
    expect(urgency("2026-11-01", "2026-11-25", true)).toBe("paused");
  });
});

describe("limits beside the case's own clock", () => {
  it("a complaint filed 91 days after the decision became known is flagged with the limit's last day", () => {
    // Known Mon 3/8/2026: 90 calendar days end Sun 1/11, which rolls to Mon 2/11.
    expect(filingLimitPassed(rules, "complaint", null, "2026-08-03", "2026-11-03", calendar)).toBe("2026-11-02");
    expect(filingLimitPassed(rules, "complaint", null, "2026-08-03", "2026-11-02", calendar)).toBeNull();
  });

  it("the filing limit applies to complaints only, and only when the date is known", () => {
    expect(filingLimitPassed(rules, "feedback", null, "2020-01-01", "2026-11-03", calendar)).toBeNull();
    expect(filingLimitPassed(rules, "complaint", null, "", "2026-11-03", calendar)).toBeNull();
  });

  it("a denunciation outside the unit's competence must be passed on within 5 working days", () => {
    // Received Wed 25/11/2026: Thu 26, Fri 27, Mon 30, Tue 1/12, Wed 2/12.
    expect(transferDueOn(rules, "denunciation", null, "2026-11-25", calendar)).toBe("2026-12-02");
    expect(transferDueOn(rules, "feedback", null, "2026-11-25", calendar)).toBeNull();
  });
});
