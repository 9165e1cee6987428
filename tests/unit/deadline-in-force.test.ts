// The deadline in force: the stage whose clock runs now and its due date, whatever the view.
import { describe, expect, it } from "vitest";
import { deadlineInForce, type CalendarData, type CaseClockState, type DeadlineRule } from "~/domain/deadlines";
import { CALENDAR_DAYS, DEADLINE_RULES } from "../../db/data/reference";

const calendar: CalendarData = {
  holidays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "holiday").map((d) => d.date)),
  workingDays: new Set(CALENDAR_DAYS.filter((d) => d.kind === "working_day").map((d) => d.date)),
};
const rules: DeadlineRule[] = DEADLINE_RULES.map((r) => ({ ...r, categoryCode: null }));

function complaint(over: Partial<CaseClockState>): CaseClockState {
  return {
    kindCode: "complaint",
    categoryCode: "compensation",
    status: "received",
    stage: "accept",
    stageStartedOn: "2026-11-02",
    extensionDays: 0,
    pauses: [],
    pausedSince: null,
    ...over,
  };
}
const inForce = (c: CaseClockState, today = "2026-11-20", events: { type: string; createdOn: string }[] = []) =>
  deadlineInForce(c, events, rules, calendar, today);

describe("the deadline in force", () => {
  it("a complaint just received: accept within 10 days", () => {
    expect(inForce(complaint({}), "2026-11-03")).toMatchObject({ stage: "accept", owedBy: "unit", dueOn: "2026-11-12", pausedSince: null });
  });

  it("after acceptance: the 30 days to resolve, no longer the accept-by date", () => {
    const d = inForce(complaint({ status: "accepted", stage: "resolve", stageStartedOn: "2026-11-10" }));
    expect(d).toMatchObject({ stage: "resolve", owedBy: "unit", dueOn: "2026-12-10" });
  });

  it("after the answer: the resident's 30 days to take it to the district", () => {
    expect(inForce(complaint({ status: "answered", stage: "appeal_file", stageStartedOn: "2026-12-01" }))).toMatchObject({
      stage: "appeal_file",
      owedBy: "resident",
      dueOn: "2026-12-31",
    });
  });

  it("after a contest: the district's 45 days", () => {
    expect(inForce(complaint({ status: "contested", stage: "resolve_second", stageStartedOn: "2026-12-15" }))).toMatchObject({
      stage: "resolve_second",
      owedBy: "unit",
      dueOn: "2027-01-29",
    });
  });

  it("while paused the due date moves on with each day of waiting; a finished pause stays counted", () => {
    const feedback = { ...complaint({}), kindCode: "feedback", categoryCode: "land", stage: "resolve", stageStartedOn: "2026-11-02" };
    // 15 working days from Mon 2/11 end Mon 23/11; paused from Wed 4/11 to today Wed 11/11: Mon 30/11.
    const open = inForce({ ...feedback, status: "info_requested", pausedSince: "2026-11-04" }, "2026-11-11");
    expect(open).toMatchObject({ dueOn: "2026-11-30", pausedSince: "2026-11-04", pausedDays: 7 });
    const finished = inForce({ ...feedback, status: "in_progress", pauses: [["2026-11-04", "2026-11-11"]] }, "2026-11-25");
    expect(finished).toMatchObject({ dueOn: "2026-11-30", pausedSince: null, pausedDays: 7 });
  });

  it("an extension adds its days; only this stage's extensions are counted", () => {
    const d = inForce(complaint({ status: "in_progress", stage: "resolve", stageStartedOn: "2026-11-10", extensionDays: 15 }), "2026-11-20", [
      { type: "extended", createdOn: "2026-11-05" },
      { type: "extended", createdOn: "2026-11-18" },
      { type: "note", createdOn: "2026-11-18" },
    ]);
    expect(d).toMatchObject({ dueOn: "2026-12-25", extensionDays: 15, extensions: 1 });
  });

  it("nothing is due once refused, withdrawn, or answered where no appeal period runs", () => {
    expect(inForce(complaint({ status: "refused" }))).toBeNull();
    expect(inForce(complaint({ status: "withdrawn", stage: "resolve" }))).toBeNull();
    expect(inForce({ ...complaint({}), kindCode: "feedback", status: "answered", stage: "resolve" })).toBeNull();
  });
});
