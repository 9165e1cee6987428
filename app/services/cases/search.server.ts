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
 * The cases whose search key contains every word of `query` — the key with the filer's identity ("identity", for
 * those who may see it) or the redacted one ("public") — and, when given, those whose key contains `orDigits` (a
 * phone number). Undefined for an empty query.
 */
export function caseTextMatches(key: "identity" | "public", query: string, orDigits?: string): SQL | undefined {
  const column = key === "identity" ? t.cases.searchText : t.cases.publicSearchText;
  const indexColumn = key === "identity" ? "search_text" : "public_search_text";
  const terms = searchTerms(query);
  const long = terms.filter((w) => w.length >= 3);
  const short = terms.filter((w) => w.length < 3);
  // Only words too short for the index (rare: "ha", "lo"): the rows are read, as before the index.
  if (!long.length) {
    const words = textMatches(column, query);
    return words && orDigits ? or(words, like(column, orDigits)) : (words ?? (orDigits ? like(column, orDigits) : undefined));
  }
  const words = `(${long.map(phrase).join(" AND ")})`;
  const expression = `${indexColumn} : (${orDigits ? `${words} OR ${phrase(orDigits)}` : words})`;
  const found = sql`${t.cases.id} IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ${expression})`;
  if (!short.length) return found;
  // The short words must be there too, except on a case found by its phone number only.
  const shortWords = and(...short.map((w) => like(column, w)));
  return orDigits ? and(found, sql`(${shortWords} OR ${like(column, orDigits)})`) : and(found, shortWords);
}
