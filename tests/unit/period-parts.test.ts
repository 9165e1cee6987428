import { describe, expect, it } from "vitest";
import { periodParts } from "~/domain/period";

describe("a period as whole months and the days at its ends", () => {
  it("splits a period into the months it covers whole and the days outside them", () => {
    expect(periodParts({ from: "2026-01-01", to: "2026-12-31" })).toEqual({ months: ["2026-01", "2026-12"], days: [] });
    expect(periodParts({ from: "2026-01-01", to: "2026-12-08" })).toEqual({ months: ["2026-01", "2026-11"], days: [["2026-12-01", "2026-12-08"]] });
    expect(periodParts({ from: "2025-12-15", to: "2026-03-31" })).toEqual({ months: ["2026-01", "2026-03"], days: [["2025-12-15", "2025-12-31"]] });
    expect(periodParts({ from: "2024-02-10", to: "2024-03-29" })).toEqual({ months: null, days: [["2024-02-10", "2024-03-29"]] });
    expect(periodParts({ from: "2024-02-01", to: "2024-02-29" })).toEqual({ months: ["2024-02", "2024-02"], days: [] });
    expect(periodParts({ from: "2026-10-05", to: "2026-10-05" })).toEqual({ months: null, days: [["2026-10-05", "2026-10-05"]] });
  });
});
