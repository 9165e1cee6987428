// The countdown beside a due date and the rules of supervision recommendations, across weekends and holidays.
import { describe, expect, it } from "vitest";
import { countdown, workingDaysBetween } from "~/domain/countdown";
import type { CalendarData } from "~/domain/deadlines";
import type { StaffUser } from "~/domain/permissions";
import {
  answeredLate,
  boardColumn,
  canAnswerRecommendation,
  canReadRecommendation,
  canSupervise,
  isOverdue,
  nextState,
  responseDueOn,
  workingDaysLate,
} from "~/domain/supervision";
import { CALENDAR_DAYS, DISTRICT_ID } from "../../db/data/reference";
import { SUPERVISION_RULES } from "../../db/data/supervision";

const calendar: CalendarData = {
  holidays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "holiday").map((d) => d.date)),
  workingDays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "working_day").map((d) => d.date)),
};

describe("the countdown in working days", () => {
  it("counts the working days left up to the due date", () => {
    // Due Wed 9/12/2026; on Fri 4/12 the days left are Mon 7, Tue 8, Wed 9.
    expect(countdown("2026-12-09", "2026-12-04", calendar)).toEqual({ state: "remaining", workingDays: 3 });
    expect(countdown("2026-12-09", "2026-12-09", calendar)).toEqual({ state: "due_today", workingDays: 0 });
  });

  it("counts overdue working days after the due date", () => {
    // Due Fri 4/12; on Tue 8/12 two working days have passed (Mon 7, Tue 8).
    expect(countdown("2026-12-04", "2026-12-08", calendar)).toEqual({ state: "overdue", workingDays: 2 });
    // The weekend right after the due date is already overdue.
    expect(countdown("2026-12-04", "2026-12-05", calendar)).toEqual({ state: "overdue", workingDays: 1 });
  });

  it("skips Tết and the days off in lieu", () => {
    // Fri 13/2/2026 to Mon 23/2/2026: Tết runs 14–22/2, so one working day lies between.
    expect(workingDaysBetween("2026-02-13", "2026-02-23", calendar)).toBe(1);
    expect(countdown("2026-02-24", "2026-02-13", calendar)).toEqual({ state: "remaining", workingDays: 2 });
    // Over 30/4 and 1/5 (Thu, Fri) and the weekend: from Wed 29/4 to Mon 4/5 only Monday counts.
    expect(workingDaysBetween("2026-04-29", "2026-05-04", calendar)).toBe(1);
  });
});

describe("supervision recommendations", () => {
  it("must be answered within the portal's 15 days, a source marked to verify", () => {
    expect(SUPERVISION_RULES.response.length).toBe(15);
    expect(SUPERVISION_RULES.response.verified).toBe(false);
    expect(SUPERVISION_RULES.response.source).toMatch(/75\/2015\/QH13/);
    // Issued Tue 1/12/2026: 15 days is Wed 16/12.
    expect(responseDueOn("2026-12-01", SUPERVISION_RULES, calendar)).toBe("2026-12-16");
    // Issued Thu 5/11/2026: 15 days is Fri 20/11.
    expect(responseDueOn("2026-11-05", SUPERVISION_RULES, calendar)).toBe("2026-11-20");
    // Ending on Sat 28/11 rolls to Mon 30/11.
    expect(responseDueOn("2026-11-13", SUPERVISION_RULES, calendar)).toBe("2026-11-30");
  });

  it("are overdue only while open past their due date, and keep the lateness once answered", () => {
    const open = { state: "open" as const, dueOn: "2026-12-04", answeredOn: null };
    expect(isOverdue(open, "2026-12-04")).toBe(false);
    expect(isOverdue(open, "2026-12-07")).toBe(true);
    expect(boardColumn(open, "2026-12-07")).toBe("overdue");
    expect(workingDaysLate(open, "2026-12-08", calendar)).toBe(2);
    const late = { state: "answered" as const, dueOn: "2026-12-04", answeredOn: "2026-12-08" };
    expect(isOverdue(late, "2026-12-20")).toBe(false);
    expect(answeredLate(late)).toBe(true);
    expect(workingDaysLate(late, "2026-12-20", calendar)).toBe(2);
    expect(answeredLate({ state: "answered", dueOn: "2026-12-04", answeredOn: "2026-12-04" })).toBe(false);
  });

  it("move open → answered → settled or not settled, never back", () => {
    expect(nextState("open", "answer")).toBe("answered");
    expect(nextState("open", "settle")).toBeNull();
    expect(nextState("answered", "settle")).toBe("settled");
    expect(nextState("answered", "not_settle")).toBe("not_settled");
    expect(nextState("answered", "answer")).toBeNull();
    expect(nextState("settled", "not_settle")).toBeNull();
  });

  it("are issued by supervisors within their unit, answered by the unit, read by nobody else", () => {
    const communeFront: StaffUser = { id: 1, role: "supervisor", communeId: "xuan-chau" };
    const districtFront: StaffUser = { id: 2, role: "supervisor", communeId: DISTRICT_ID };
    const official: StaffUser = { id: 3, role: "commune_official", communeId: "xuan-chau" };
    const otherOfficial: StaffUser = { id: 4, role: "commune_official", communeId: "xuan-bac" };
    const districtStaff: StaffUser = { id: 5, role: "district_staff", communeId: DISTRICT_ID };
    const admin: StaffUser = { id: 6, role: "admin", communeId: DISTRICT_ID };
    expect(canSupervise(communeFront, "xuan-chau", DISTRICT_ID)).toBe(true);
    expect(canSupervise(communeFront, "xuan-bac", DISTRICT_ID)).toBe(false);
    expect(canSupervise(districtFront, "xuan-bac", DISTRICT_ID)).toBe(true);
    expect(canSupervise(official, "xuan-chau", DISTRICT_ID)).toBe(false);
    expect(canAnswerRecommendation(official, "xuan-chau")).toBe(true);
    expect(canAnswerRecommendation(otherOfficial, "xuan-chau")).toBe(false);
    expect(canAnswerRecommendation(communeFront, "xuan-chau")).toBe(false);
    expect(canReadRecommendation(otherOfficial, "xuan-chau", DISTRICT_ID)).toBe(false);
    expect(canReadRecommendation(districtStaff, "xuan-chau", DISTRICT_ID)).toBe(true);
    expect(canReadRecommendation(admin, "xuan-chau", DISTRICT_ID)).toBe(false);
  });
});
