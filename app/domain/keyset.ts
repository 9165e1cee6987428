// Keyset pages: a list sorted by (finished, due date, id) is cut after or before one row, named by a cursor that
// carries that row's sort key. Unlike a page number, a cursor neither skips nor repeats rows when cases are added
// between two requests, and the database seeks to it on an index instead of counting its way there.

export interface SortKey {
  finished: 0 | 1;
  dueOn: string;
  id: number;
}

const CURSOR = /^([01])~(\d{4}-\d{2}-\d{2})~(\d{1,15})$/;
/** A list in the order of ids, newest first (search results, read from the index in that order). */
const ID_CURSOR = /^n~(\d{1,15})$/;

export function isCursor(value: string): boolean {
  return CURSOR.test(value) || ID_CURSOR.test(value);
}

export function encodeIdCursor(id: number): string {
  return `n~${id}`;
}

export function decodeIdCursor(value: string): number | null {
  const m = ID_CURSOR.exec(value);
  return m ? Number(m[1]) : null;
}

export function encodeCursor(key: SortKey): string {
  return `${key.finished}~${key.dueOn}~${key.id}`;
}

export function decodeCursor(value: string): SortKey | null {
  const m = CURSOR.exec(value);
  return m ? { finished: m[1] === "1" ? 1 : 0, dueOn: m[2], id: Number(m[3]) } : null;
}

/**
 * What a page fetched with one row more than it shows says about its neighbours: `rows` in list order, the cursors
 * of the pages before and after (null at either end).
 */
export function keysetPage<T>(
  fetched: T[],
  size: number,
  direction: "after" | "before" | "first",
  cursorOf: (row: T) => string,
): { rows: T[]; prev: string | null; next: string | null } {
  const more = fetched.length > size;
  const page = fetched.slice(0, size);
  // A page before a cursor is read backwards: turn it round.
  const rows = direction === "before" ? page.reverse() : page;
  if (!rows.length) return { rows, prev: null, next: null };
  const first = cursorOf(rows[0]);
  const last = cursorOf(rows[rows.length - 1]);
  return {
    rows,
    prev: direction === "first" || (direction === "before" && !more) ? null : first,
    next: direction === "before" || more ? last : null,
  };
}
