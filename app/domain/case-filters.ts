// The inbox's filter parameters (query string), one schema for the list page and the CSV export.
import { z } from "zod";
import { CASE_KINDS, type CaseKind } from "./filing";
import { CASE_STATUSES, type CaseStatus } from "./case-workflow";

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
  page: z
    .string()
    .optional()
    .transform((v) => (v && /^\d{1,5}$/.test(v) ? Number(v) : 1)),
});

export type CaseFilterParams = z.output<typeof caseFiltersSchema>;

/** Reads filters from a URL; unknown or malformed values are ignored (a bad bookmark still opens the inbox). */
export function readCaseFilters(url: URL): CaseFilterParams {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(caseFiltersSchema.shape)) {
    const v = url.searchParams.get(key);
    if (v !== null) raw[key] = v;
  }
  return caseFiltersSchema.parse(raw);
}
