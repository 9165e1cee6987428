// The table of affected plots of a compensation–support–resettlement plan (Luật Đất đai 2024, Điều 87):
// reading it from the CSV a commune exports from its spreadsheet, checking every row, masking names for the
// public, and showing what changed between two versions. Pure: no framework, no database.
import { detectDelimiter, parseCsv, UnclosedQuoteError } from "./csv";
import { cleanSingleLine, foldForSearch, hasNul, isWellFormed } from "./text";

export interface PlanRow {
  rowNo: number;
  householdName: string;
  householdAddress: string;
  plotNumber: string;
  mapSheet: string;
  landType: string;
  /** m² */
  areaRecovered: number;
  /** đồng per m² */
  unitPrice: number;
  landCompensation: number;
  assetCompensation: number;
  support: number;
  total: number;
  resettlement: string;
}

export type PlanField = keyof PlanRow;

/** Columns in the order of the template, each with the header words a spreadsheet may use (folded, no diacritics). */
export const PLAN_COLUMNS: readonly { field: PlanField; aliases: readonly string[] }[] = [
  { field: "rowNo", aliases: ["stt", "so thu tu", "row"] },
  { field: "householdName", aliases: ["chu su dung dat", "chu su dung", "ho ten", "ten chu ho", "household"] },
  { field: "householdAddress", aliases: ["dia chi", "address"] },
  { field: "plotNumber", aliases: ["so thua", "thua", "plot"] },
  { field: "mapSheet", aliases: ["so to ban do", "to ban do", "to", "map sheet"] },
  { field: "landType", aliases: ["loai dat", "land type"] },
  { field: "areaRecovered", aliases: ["dien tich thu hoi", "dien tich", "area"] },
  { field: "unitPrice", aliases: ["don gia", "unit price"] },
  { field: "landCompensation", aliases: ["boi thuong dat", "land compensation"] },
  { field: "assetCompensation", aliases: ["boi thuong tai san", "boi thuong tai san, cay trong", "boi thuong cay trong", "asset compensation"] },
  { field: "support", aliases: ["ho tro", "support"] },
  { field: "total", aliases: ["tong cong", "tong", "total"] },
  { field: "resettlement", aliases: ["tai dinh cu", "phuong an tai dinh cu", "resettlement"] },
];

/** The template's header line, as the staff page offers it for download. */
export const PLAN_TEMPLATE_HEADER =
  "STT,Chủ sử dụng đất,Địa chỉ,Số thửa,Số tờ bản đồ,Loại đất,Diện tích thu hồi (m²),Đơn giá (đồng/m²),Bồi thường đất (đồng),Bồi thường tài sản (đồng),Hỗ trợ (đồng),Tổng cộng (đồng),Tái định cư";

export const MAX_PLAN_ROWS = 5_000;
export const MAX_PLAN_CSV_BYTES = 2 * 1024 * 1024;

/** A problem with the file or one of its rows; `line` is the line of the file (1 = header), messages are catalogue keys. */
export interface PlanProblem {
  line: number | null;
  field: PlanField | null;
  message: string;
}

export type PlanImport = { ok: true; rows: PlanRow[] } | { ok: false; problems: PlanProblem[] };

function headerField(header: string): PlanField | null {
  // "Diện tích thu hồi (m²)" → "dien tich thu hoi": units in brackets are not part of the name.
  const key = foldForSearch(header)
    .replace(/\(.*?\)/g, "")
    .replace(/[^a-z0-9, ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const column of PLAN_COLUMNS) if (column.aliases.includes(key)) return column.field;
  return null;
}

/** Whole đồng: "1.250.000", "1 250 000" and "1250000" are the same; decimals are refused. */
export function parseAmount(raw: string): number | null {
  const v = raw.replace(/[\s\u00A0]/g, "").replace(/đồng|đ|vnd/gi, "");
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(v)) return null;
  const n = Number(v.replace(/[.,]/g, ""));
  return Number.isSafeInteger(n) ? n : null;
}

/** Square metres with up to 2 decimals, Vietnamese ("120,5") or English ("120.5") decimal mark. */
export function parseArea(raw: string): number | null {
  const v = raw.replace(/[\s\u00A0]/g, "");
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(v);
  if (!m) return null;
  return Number(`${m[1]}.${m[2] ?? "0"}`);
}

const TEXT_LIMITS: Partial<Record<PlanField, number>> = {
  householdName: 150,
  householdAddress: 300,
  plotNumber: 30,
  mapSheet: 30,
  landType: 100,
  resettlement: 300,
};
const REQUIRED_TEXT: readonly PlanField[] = ["householdName", "plotNumber", "mapSheet", "landType"];
const AMOUNTS = ["unitPrice", "landCompensation", "assetCompensation", "support", "total"] as const;

/**
 * Reads the whole file; either every row is valid and they are returned, or every problem is, with its line, and
 * nothing should be stored. Row numbers (STT) must be unique; a missing STT takes the row's position.
 */
export function readPlanCsv(input: string): PlanImport {
  const text = input.replace(/^\uFEFF/, "");
  if (hasNul(text) || !isWellFormed(text)) return { ok: false, problems: [{ line: null, field: null, message: "plan.error.encoding" }] };
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text.normalize("NFC"), detectDelimiter(text));
  } catch (error) {
    if (error instanceof UnclosedQuoteError) return { ok: false, problems: [{ line: error.line, field: null, message: "plan.error.unclosedQuote" }] };
    throw error;
  }
  if (records.length === 0) return { ok: false, problems: [{ line: null, field: null, message: "plan.error.empty" }] };
  const [header, ...body] = records;
  const fields = header.cells.map(headerField);
  const missing = PLAN_COLUMNS.filter((c) => c.field !== "rowNo" && c.field !== "householdAddress" && !fields.includes(c.field));
  if (missing.length) {
    return { ok: false, problems: missing.map((c) => ({ line: header.line, field: c.field, message: "plan.error.missingColumn" })) };
  }
  if (body.length === 0) return { ok: false, problems: [{ line: null, field: null, message: "plan.error.empty" }] };
  if (body.length > MAX_PLAN_ROWS) return { ok: false, problems: [{ line: null, field: null, message: `plan.error.tooManyRows:${MAX_PLAN_ROWS}` }] };

  const problems: PlanProblem[] = [];
  const badLines = new Set<number>();
  const rows: PlanRow[] = [];
  const seenRowNo = new Map<number, number>();
  const seenPlot = new Map<string, number>();
  body.forEach((record, index) => {
    const line = record.line;
    const raw: Partial<Record<PlanField, string>> = {};
    fields.forEach((field, i) => {
      if (field && raw[field] === undefined) raw[field] = cleanSingleLine(record.cells[i] ?? "");
    });
    const problem = (field: PlanField | null, message: string) => {
      problems.push({ line, field, message });
      badLines.add(line);
    };
    if (record.cells.length > header.cells.length && record.cells.slice(header.cells.length).some((c) => c.trim())) {
      problem(null, "plan.error.extraCells");
    }

    let rowNo = index + 1;
    if (raw.rowNo) {
      const n = /^\d{1,6}$/.test(raw.rowNo) ? Number(raw.rowNo) : NaN;
      if (!Number.isInteger(n) || n < 1) problem("rowNo", "plan.error.rowNo");
      else rowNo = n;
    }
    if (seenRowNo.has(rowNo)) problem("rowNo", `plan.error.duplicateRowNo:${seenRowNo.get(rowNo)}`);
    else seenRowNo.set(rowNo, line);

    for (const field of REQUIRED_TEXT) if (!raw[field]) problem(field, "plan.error.required");
    for (const [field, max] of Object.entries(TEXT_LIMITS) as [PlanField, number][]) {
      if ((raw[field] ?? "").length > max) problem(field, `error.tooLong:${max}`);
    }
    const area = parseArea(raw.areaRecovered ?? "");
    if (area === null || area <= 0) problem("areaRecovered", "plan.error.area");
    const amounts: Partial<Record<(typeof AMOUNTS)[number], number>> = {};
    for (const field of AMOUNTS) {
      const value = parseAmount(raw[field] || (field === "unitPrice" ? "" : "0"));
      if (value === null) problem(field, "plan.error.amount");
      else amounts[field] = value;
    }
    const { landCompensation, assetCompensation, support, total } = amounts;
    if (landCompensation !== undefined && assetCompensation !== undefined && support !== undefined && total !== undefined) {
      if (landCompensation + assetCompensation + support !== total) problem("total", "plan.error.total");
    }
    const plotKey = `${foldForSearch(raw.mapSheet ?? "")}/${foldForSearch(raw.plotNumber ?? "")}`;
    if (raw.mapSheet && raw.plotNumber) {
      if (seenPlot.has(plotKey)) problem("plotNumber", `plan.error.duplicatePlot:${seenPlot.get(plotKey)}`);
      else seenPlot.set(plotKey, line);
    }
    if (badLines.has(line)) return;
    rows.push({
      rowNo,
      householdName: raw.householdName!,
      householdAddress: raw.householdAddress ?? "",
      plotNumber: raw.plotNumber!,
      mapSheet: raw.mapSheet!,
      landType: raw.landType!,
      areaRecovered: area!,
      unitPrice: amounts.unitPrice!,
      landCompensation: landCompensation!,
      assetCompensation: assetCompensation!,
      support: support!,
      total: total!,
      resettlement: raw.resettlement || "",
    });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, rows: rows.sort((a, b) => a.rowNo - b.rowNo) };
}

// Masking belongs to the one redaction policy (it protects the demo marker); kept here for the plan's callers.
export { maskName } from "./redaction";

/** The same plot in two versions: map sheet and plot number, ignoring case and diacritics. */
export function plotKey(row: Pick<PlanRow, "mapSheet" | "plotNumber">): string {
  return `${foldForSearch(row.mapSheet)}/${foldForSearch(row.plotNumber)}`;
}

/** Fields the public sees changing between versions (the name only when names are public). */
const COMPARED: readonly PlanField[] = ["landType", "areaRecovered", "unitPrice", "landCompensation", "assetCompensation", "support", "total", "resettlement"];

export interface PlanRowChange {
  plot: { mapSheet: string; plotNumber: string };
  kind: "added" | "removed" | "changed";
  rowNo: number;
  fields: { field: PlanField; before: string | number; after: string | number }[];
}

/** What changed, plot by plot, from the previous version's table to this one's. */
export function planChanges(previous: readonly PlanRow[], current: readonly PlanRow[]): PlanRowChange[] {
  const before = new Map(previous.map((r) => [plotKey(r), r]));
  const changes: PlanRowChange[] = [];
  const seen = new Set<string>();
  for (const row of current) {
    const key = plotKey(row);
    seen.add(key);
    const old = before.get(key);
    const plot = { mapSheet: row.mapSheet, plotNumber: row.plotNumber };
    if (!old) {
      changes.push({ plot, kind: "added", rowNo: row.rowNo, fields: [] });
      continue;
    }
    const fields = COMPARED.filter((f) => old[f] !== row[f]).map((f) => ({ field: f, before: old[f], after: row[f] }));
    if (fields.length) changes.push({ plot, kind: "changed", rowNo: row.rowNo, fields });
  }
  for (const row of previous) {
    if (!seen.has(plotKey(row))) changes.push({ plot: { mapSheet: row.mapSheet, plotNumber: row.plotNumber }, kind: "removed", rowNo: row.rowNo, fields: [] });
  }
  return changes;
}

export interface PlanTotals {
  rows: number;
  areaRecovered: number;
  landCompensation: number;
  assetCompensation: number;
  support: number;
  total: number;
}

// No 0/O, 1/I/L, as for access keys: the code is typed from a paper notice.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A household code "HX-7K3M-Q9RT" from 8 random symbol indices (the caller supplies the randomness). */
export function formatHouseholdCode(indices: readonly number[]): string {
  const chars = indices.map((i) => CODE_ALPHABET[i % CODE_ALPHABET.length]).join("");
  return `HX-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

export const HOUSEHOLD_CODE_SYMBOLS = CODE_ALPHABET.length;

/** What a person typed → the canonical code, or null: case, spaces, dashes and the "HX" prefix are optional. */
export function normaliseHouseholdCode(input: string): string | null {
  const typed = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  // The random part may itself start with HX: strip the prefix only when it is there in addition.
  const compact = typed.length === 10 && typed.startsWith("HX") ? typed.slice(2) : typed;
  if (compact.length !== 8 || [...compact].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return `HX-${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** Disclosure kinds that carry a table of affected plots. */
export const PLAN_TABLE_TYPES: readonly string[] = ["compensation_plan"];

export function hasPlanTable(typeCode: string): boolean {
  return PLAN_TABLE_TYPES.includes(typeCode);
}
