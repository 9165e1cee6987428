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

/**
 * A period as the whole months it covers and the days at its ends outside them: figures kept per day and per month
 * are read from month rows where they can be, day rows elsewhere. `months` is [first, last] as YYYY-MM, or null.
 */
export function periodParts(period: Period): { months: [string, string] | null; days: [string, string][] } {
  const { from, to } = period;
  const firstFull = from.endsWith("-01") ? from : `${nextMonth0(from.slice(0, 7))}-01`;
  const lastFullEnd = to === lastDayOf(to.slice(0, 7)) ? to : lastDayOf(previousMonth(to.slice(0, 7)));
  if (firstFull > lastFullEnd) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, dayBefore(firstFull)]);
  if (to > lastFullEnd) days.push([dayAfter(lastFullEnd), to]);
  return { months: [firstFull.slice(0, 7), lastFullEnd.slice(0, 7)], days };
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
function dayBefore(day: string): string {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() - 1);
  return iso(d);
}
function dayAfter(day: string): string {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + 1);
  return iso(d);
}
function previousMonth(month: string): string {
  return dayBefore(`${month}-01`).slice(0, 7);
}
function lastDayOf(month: string): string {
  return dayBefore(`${nextMonth0(month)}-01`);
}
function nextMonth0(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
