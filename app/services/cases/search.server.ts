// Text search over a folded search key: every word of the query, in any order, anywhere in a word (as LIKE
// '%word%' would). Words of 3 letters or more are looked up in the trigram index cases_search (kept by triggers
// in the write's transaction); shorter ones, which a trigram index cannot hold, are checked on the rows it found.
import { and, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import * as t from "../../../db/schema";
import { searchTerms } from "~/domain/text";

const like = (column: AnyColumn, word: string) => sql`${column} LIKE ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;

/** The condition that every word of `query` appears in `column` (folded text); undefined for an empty query. */
export function textMatches(column: AnyColumn, query: string): SQL | undefined {
  const terms = searchTerms(query);
  if (!terms.length) return undefined;
  return and(...terms.map((w) => like(column, w)));
}

/** An FTS5 phrase: the word in double quotes (a quote inside doubled), so that nothing in it is query syntax. */
const phrase = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * A search of the cases: `match`, the FTS5 expression for cases_search, and `rest`, what the rows it finds must
 * also satisfy (words too short for the index). Without a word the index can hold, only `rest` (read from the
 * rows, as before the index). Null for an empty query.
 */
export interface CaseSearch {
  match: string | null;
  rest: SQL | undefined;
}

/**
 * The cases whose search key contains every word of `query` — the key with the filer's identity ("identity", for
 * those who may see it) or the redacted one ("public") — or, when given, `orDigits` (a phone number).
 */
export function caseSearch(key: "identity" | "public", query: string, orDigits?: string): CaseSearch | null {
  const column = key === "identity" ? t.cases.searchText : t.cases.publicSearchText;
  const indexColumn = key === "identity" ? "search_text" : "public_search_text";
  const terms = searchTerms(query);
  const long = terms.filter((w) => w.length >= 3);
  const short = terms.filter((w) => w.length < 3);
  if (!long.length) {
    // Only words too short for the index (rare: "ha", "lo"): the rows are read.
    const words = textMatches(column, query);
    const rest = words && orDigits ? or(words, like(column, orDigits)) : (words ?? (orDigits ? like(column, orDigits) : undefined));
    return rest ? { match: null, rest } : null;
  }
  const words = `(${long.map(phrase).join(" AND ")})`;
  const match = `${indexColumn} : (${orDigits ? `${words} OR ${phrase(orDigits)}` : words})`;
  if (!short.length) return { match, rest: undefined };
  // The short words must be there too, except on a case found by its phone number only.
  const shortWords = and(...short.map((w) => like(column, w)));
  return { match, rest: orDigits ? or(shortWords, like(column, orDigits)) : shortWords };
}

/** A search as one condition on `cases` (for lists that are not paged through the index). */
export function caseTextMatches(key: "identity" | "public", query: string, orDigits?: string): SQL | undefined {
  const search = caseSearch(key, query, orDigits);
  if (!search) return undefined;
  if (!search.match) return search.rest;
  return and(sql`${t.cases.id} IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ${search.match})`, search.rest);
}
