// Text search over a folded search column: every word of the query, in any order. One condition for every list.
import { and, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { searchTerms } from "~/domain/text";

/** The condition that every word of `query` appears in `column` (folded text); undefined for an empty query. */
export function textMatches(column: AnyColumn, query: string): SQL | undefined {
  const terms = searchTerms(query).map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
  if (!terms.length) return undefined;
  return and(...terms.map((w) => sql`${column} LIKE ${`%${w}%`} ESCAPE '\\'`));
}
