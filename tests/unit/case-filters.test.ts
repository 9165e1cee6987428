import { describe, expect, it } from "vitest";
import { readCaseFilters } from "~/domain/case-filters";

const read = (query: string) => readCaseFilters(new URL(`http://x/can-bo?${query}`));

describe("the inbox's filters from the address", () => {
  it("reads what parses", () => {
    expect(read("status=accepted&kind=complaint&due=overdue&from=2026-11-01&q=%20dat%20&after=0~2026-12-01~42")).toMatchObject({
      status: "accepted",
      kind: "complaint",
      due: "overdue",
      from: "2026-11-01",
      q: "dat",
      after: "0~2026-12-01~42",
    });
    expect(read("").ignored).toBeUndefined();
  });

  it("names what does not parse instead of silently defaulting, and never throws on an overlong value", () => {
    const filters = read(`status=bogus&from=01/11/2026&after=x&hamlet=abc&q=${"a".repeat(500)}`);
    expect(filters.ignored).toEqual(["status", "hamlet", "from", "q", "after"]);
    expect([filters.status, filters.from, filters.after]).toEqual([undefined, undefined, undefined]);
  });
});
