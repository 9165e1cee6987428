// The inbox's filter parameters (query string), one schema for the list page and the CSV export.
import { z } from "zod";
import { CASE_KINDS, type CaseKind } from "./filing";
import { CASE_STATUSES, type CaseStatus } from "./case-workflow";
import { isCursor } from "./keyset";

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));
const isoDate = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined));

export const caseFiltersSchema = z.object({
  status: optionalText(30).transform((v) => ((CASE_STATUSES as readonly string[]).includes(v ?? "") ? (v as CaseStatus) : undefined)),
  kind: optionalText(30).transform((v) => ((CASE_KINDS as readonly string[]).includes(v ?? "") ? (v as CaseKind) : undefined)),
  category: optionalText(30),
  commune: optionalText(60),
  hamlet: optionalText(10).transform((v) => (v && /^\d+$/.test(v) ? Number(v) : undefined)),
  assignee: optionalText(10).transform((v) => (v === "none" ? ("none" as const) : v && /^\d+$/.test(v) ? Number(v) : undefined)),
  due: z
    .string()
    .optional()
    .transform((v) => (v === "overdue" || v === "due_soon" ? v : undefined)),
  from: isoDate,
  to: isoDate,
  q: optionalText(200),
  /** Keyset cursors (domain/keyset.ts): the page after or before a row, in the list's order. */
  after: z
    .string()
    .max(40)
    .optional()
    .transform((v) => (v && isCursor(v) ? v : undefined)),
  before: z
    .string()
    .max(40)
    .optional()
    .transform((v) => (v && isCursor(v) ? v : undefined)),
});

export type CaseFilterParams = z.output<typeof caseFiltersSchema>;

export type InboxQuery = CaseFilterParams & {
  /** Parameters that were given but do not parse: the list says it ignored them rather than silently defaulting. */
  ignored?: string[];
};

/** Reads filters from a URL; a malformed value is left out and named in `ignored` (a bad bookmark still opens the inbox). */
export function readCaseFilters(url: URL): InboxQuery {
  const out: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, field] of Object.entries(caseFiltersSchema.shape)) {
    const raw = url.searchParams.get(key);
    if (raw === null || raw.trim() === "") continue;
    const parsed = (field as z.ZodType).safeParse(raw);
    // A value that parses to nothing (an unknown status, a date that is not one) was not understood.
    if (!parsed.success || parsed.data === undefined) ignored.push(key);
    else out[key] = parsed.data;
  }
  const filters = caseFiltersSchema.parse({}) as CaseFilterParams;
  return { ...filters, ...(out as Partial<CaseFilterParams>), ...(ignored.length ? { ignored } : {}) };
}
