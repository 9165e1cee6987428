// Calendar dates as "YYYY-MM-DD" strings in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving).

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const localDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Vietnam at a given instant. */
export function vnDate(instant: Date): string {
  return localDateFormat.format(instant);
}

/** Whether a string is a calendar date written YYYY-MM-DD (as the forms store dates). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const t = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return t.toISOString().slice(0, 10) === value;
}

export function parseIsoDate(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not an ISO date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parseIsoDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const { y, m, d } = parseIsoDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** dd/mm/yyyy, the form Vietnamese readers expect. */
export function formatDate(date: string): string {
  const { y, m, d } = parseIsoDate(date);
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
}

const localTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** dd/mm/yyyy HH:mm in Vietnam time. */
export function formatDateTime(isoInstant: string): string {
  const instant = new Date(isoInstant);
  return `${formatDate(vnDate(instant))} ${localTimeFormat.format(instant)}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}
