// The credit rule: each act on a case counts for the unit that did it, whatever happens to the case later.
import { describe, expect, it } from "vitest";
import { FIGURE_ACTS, answeredOnTime, creditedUnit, figureText, onTimeShare } from "~/domain/figures";

const row = (over: Partial<Record<string, number | null>> = {}) => ({
  received: 3,
  accepted: 2,
  answered: 0,
  answeredOnTime: 0,
  overdueNow: 1,
  averageDaysToAnswer: null,
  satisfaction: null,
  ...over,
});

describe("the unit an event is credited to", () => {
  it("a filing, a transfer and a contest count as received by the unit they reached", () => {
    expect(creditedUnit("filed", { holding: "xuan-bac", reached: "xuan-bac" })).toBe("xuan-bac");
    expect(creditedUnit("transferred", { holding: "xuan-bac", reached: "xuan-hong" })).toBe("xuan-hong");
    expect(creditedUnit("contested", { holding: "xuan-hong", reached: "huyen-xuan-truong" })).toBe("huyen-xuan-truong");
    expect([...FIGURE_ACTS.received].sort()).toEqual(["contested", "filed", "transferred"]);
  });

  it("acceptance and answer count for the unit holding the case when it acted, not the one holding it later", () => {
    // The commune accepts and answers; the district's later answer is the district's own.
    expect(creditedUnit("accepted", { holding: "xuan-hong" })).toBe("xuan-hong");
    expect(creditedUnit("answered", { holding: "xuan-hong" })).toBe("xuan-hong");
    expect(creditedUnit("answered", { holding: "huyen-xuan-truong" })).toBe("huyen-xuan-truong");
  });

  it("a rating counts for the unit whose answer it rates, even after the case moved on", () => {
    expect(creditedUnit("rated", { holding: "huyen-xuan-truong", ratedAnswerUnit: "xuan-hong" })).toBe("xuan-hong");
    expect(creditedUnit("rated", { holding: "xuan-hong", ratedAnswerUnit: null })).toBe("xuan-hong");
  });

  it("a move without the unit it reached is a programming error", () => {
    expect(() => creditedUnit("transferred", { holding: "xuan-bac" })).toThrow();
  });
});

describe("answers on time", () => {
  it("on or before the due date in force then; an unknown due date (clock paused) is not on time", () => {
    expect(answeredOnTime("2026-11-20", "2026-11-20")).toBe(true);
    expect(answeredOnTime("2026-11-21", "2026-11-20")).toBe(false);
    expect(answeredOnTime("2026-11-01", null)).toBe(false);
  });

  it("the share is null, not 0 %, where nothing was answered", () => {
    expect(onTimeShare(0, 0)).toBeNull();
    expect(onTimeShare(3, 2)).toBe(67);
    expect(onTimeShare(4, 0)).toBe(0);
  });

  it("pages show — and the CSV an empty cell for on-time where nothing was answered", () => {
    expect(figureText(row(), "answeredOnTime", "page")).toBe("—");
    expect(figureText(row(), "answeredOnTime", "csv")).toBe("");
    expect(figureText(row({ answered: 2, answeredOnTime: 0 }), "answeredOnTime", "page")).toBe("0");
    expect(figureText(row(), "satisfaction", "csv")).toBe("");
    expect(figureText(row({ received: 1234 }), "received", "page")).toBe((1234).toLocaleString("vi-VN"));
    expect(figureText(row({ averageDaysToAnswer: 3.5 }), "averageDaysToAnswer", "csv")).toBe("3.5");
  });
});
