// The periodic report's parameters (?ky=thang|quy|nam&nam=2026&so=11), validated; the current month by default.
import { z } from "zod";

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
