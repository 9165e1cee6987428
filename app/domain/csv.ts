// CSV as spreadsheets read and write it: RFC 4180 records in (csv-parse), and documents out (csv-stringify) with a
// byte-order mark (so the Vietnamese opens as UTF-8) and cells that cannot be taken for formulas. Every CSV the
// portal reads or writes goes through this module.
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** The delimiters a file may use: spreadsheets in a Vietnamese locale often save with ";" (the decimal mark being ","). */
const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter of a file: the candidate that splits its first line into the most cells (comma on a tie).
 * Not csv-parse's `delimiter_auto`: that one scores every character over the first 2 KB, and a header of
 * Vietnamese words has more spaces than commas, and ";" files have decimal commas in their data lines.
 */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n?|\n/, 1)[0] ?? "";
  const counts = DELIMITERS.map((d) => ({ d, n: firstLine.split(d).length }));
  return counts.sort((a, b) => b.n - a.n)[0].d;
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks. A BOM is dropped, records may
 * differ in length, blank records are left out, spaces at the start of a cell are dropped, and line breaks inside a
 * cell come back as "\n". Returns each record's first line; throws UnclosedQuoteError.
 */
export function parseCsv(text: string, delimiter: string): { cells: string[]; line: number }[] {
  // One kind of line end, so that lines are counted the same whatever the spreadsheet wrote (csv-parse takes the first
  // line end it sees as the only record delimiter, and would count a CRLF inside a quoted cell as two lines).
  const input = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const starts: number[] = [];
  let nextLine = 1;
  try {
    const records = parse(input, {
      delimiter,
      record_delimiter: "\n",
      relax_column_count: true,
      // A quote inside an unquoted cell (Hộ ông "Ba") is a character, as spreadsheets write it.
      relax_quotes: true,
      // Spaces after a delimiter are dropped, so that `1, "Xóm 3, xã Xuân Hồng"` still reads as a quoted cell.
      ltrim: true,
      // `lines` is the line a record ends on: the next one starts on the line after.
      on_record: (record, { lines }) => {
        starts.push(nextLine);
        nextLine = lines + 1;
        return record;
      },
    });
    return records.map((cells, i) => ({ cells, line: starts[i] })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  } catch (error) {
    if (error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") throw new UnclosedQuoteError(nextLine);
    throw error;
  }
}

/** A quote opened on `line` never closes: the rest of the file would silently become one cell. */
export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`unclosed quote from line ${line}`);
  }
}

export type CsvValue = string | number | null | undefined;

/**
 * Where a spreadsheet may start a cell inside our text: at its start, and after any separator or line break when the
 * program splits on another separator than ours (Excel on a Vietnamese Windows splits on ";", and there a quote that
 * opens mid-field is a plain character). A formula character (=, +, -, @, tab, CR, or their full-width forms) at such
 * a place gets an apostrophe before it.
 */
const FORMULA_START = /(?<=^|[,;\t\r\n])(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * Cells that a spreadsheet shows as text, never runs as formulas (see FORMULA_START; csv-stringify's
 * `escape_formulas` does the same at the start of a cell, and leaves negative numbers passed as numbers alone).
 * Every cell holding a comma, a semicolon, a tab, a quote or a line break is quoted.
 */
const WRITE_OPTIONS = {
  delimiter: ",",
  record_delimiter: "\r\n",
  cast: { string: (value: string) => value.replace(FORMULA_START, "'") },
  escape_formulas: true,
  quoted_match: /[",;\t\r\n]/,
} as const;

/** One cell as it is written in a document. */
export function csvCell(value: CsvValue): string {
  return stringify([[value]], { ...WRITE_OPTIONS, eof: false });
}

/** Lines of cells → a CSV document with a BOM and CRLF line ends; an empty line separates blocks. */
export function csvDocument(lines: readonly (readonly CsvValue[])[]): string {
  return csvPart(lines, true);
}

/**
 * A part of a CSV document, for one written as it is read: the first part has the BOM; the parts joined are the
 * document csvDocument would make of all their lines.
 */
export function csvPart(lines: readonly (readonly CsvValue[])[], first: boolean): string {
  if (!lines.length) return first ? "\uFEFF" : "";
  return stringify(
    lines.map((cells) => [...cells]),
    { ...WRITE_OPTIONS, bom: first, eof: true },
  );
}
