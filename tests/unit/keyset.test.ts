import { describe, expect, it } from "vitest";
import { decodeCursor, decodeIdCursor, encodeCursor, encodeIdCursor, isCursor, keysetPage } from "~/domain/keyset";

describe("keyset pages", () => {
  it("names a row by its sort key, and refuses anything else", () => {
    const key = { finished: 1 as const, dueOn: "2026-12-08", id: 42 };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeIdCursor(encodeIdCursor(7))).toBe(7);
    for (const bad of ["", "2~2026-12-08~1", "0~2026-12-08~x", "0~08/12/2026~1", "n~", "n~1;DROP"]) expect(isCursor(bad)).toBe(false);
  });

  it("says which neighbours a page has from the one row more it fetched", () => {
    const cursor = (n: number) => encodeIdCursor(n);
    expect(keysetPage([1, 2, 3], 2, "first", cursor)).toEqual({ rows: [1, 2], prev: null, next: "n~2" });
    expect(keysetPage([3, 4], 2, "after", cursor)).toEqual({ rows: [3, 4], prev: "n~3", next: null });
    // A page before a cursor is read backwards and turned round; without a row more, it is the first page.
    expect(keysetPage([2, 1], 2, "before", cursor)).toEqual({ rows: [1, 2], prev: null, next: "n~2" });
    expect(keysetPage([4, 3, 2], 2, "before", cursor)).toEqual({ rows: [3, 4], prev: "n~3", next: "n~4" });
    expect(keysetPage([], 2, "after", cursor)).toEqual({ rows: [], prev: null, next: null });
  });
});
