// The periodic report's parameters (?ky=thang|quy|nam&nam=2026&so=11), validated; the current month by default.
import { z } from "zod";
import type { Period } from "./period";

const schema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("thang"), year: z.coerce.number().int().min(2000).max(2100), number: z.coerce.number().int().min(1).max(12) }),
  z.object({ kind: z.literal("quy"), year: z.coerce.number().int().min(2000).max(2100), number: z.coerce.number().int().min(1).max(4) }),
  z.object({ kind: z.literal("nam"), year: z.coerce.number().int().min(2000).max(2100), number: z.coerce.number().int().optional().default(1) }),
]);

export type ReportParams = z.output<typeof schema>;

export function readReportParams(url: URL, today: string): ReportParams & { invalid: boolean } {
  const fallback = { kind: "thang" as const, year: Number(today.slice(0, 4)), number: Number(today.slice(5, 7)) };
  if (!url.searchParams.has("ky")) return { ...fallback, invalid: false };
  const parsed = schema.safeParse({ kind: url.searchParams.get("ky"), year: url.searchParams.get("nam"), number: url.searchParams.get("so") ?? undefined });
  return parsed.success ? { ...parsed.data, invalid: false } : { ...fallback, invalid: true };
}

export type ReportKind = "thang" | "quy" | "nam";

/** The calendar period of a monthly, quarterly or yearly report (number = month 1–12 or quarter 1–4). */
export function reportPeriod(kind: ReportKind, year: number, number: number): Period {
  const pad = (n: number) => String(n).padStart(2, "0");
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (kind === "nam") return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (kind === "quy") {
    const first = (number - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
  }
  return { from: `${year}-${pad(number)}-01`, to: `${year}-${pad(number)}-${pad(lastDay(year, number))}` };
}
