// A reporting period from the query string (?tu=YYYY-MM-DD&den=YYYY-MM-DD), validated, or the default.
import { z } from "zod";
import { vnDate } from "./dates";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)));

export function readPeriod(url: URL, fallback: { from: string; to: string }): { from: string; to: string; invalid: boolean } {
  const from = url.searchParams.get("tu");
  const to = url.searchParams.get("den");
  if (!from && !to) return { ...fallback, invalid: false };
  const parsed = z.object({ from: isoDate, to: isoDate }).safeParse({ from, to });
  if (!parsed.success || parsed.data.from > parsed.data.to) return { ...fallback, invalid: true };
  return { ...parsed.data, invalid: false };
}

export interface Period {
  /** YYYY-MM-DD, Vietnam calendar days, inclusive. */
  from: string;
  to: string;
}

/** A default period: from 1 January of this year to today (Vietnam). */
export function defaultPeriod(now = new Date()): Period {
  const today = vnDate(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}
