// CSV as spreadsheets read and write it: RFC 4180 records in, and documents out with a byte-order mark (so the
// Vietnamese opens as UTF-8) and cells that cannot be taken for formulas.

/** RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks. Returns each record's first line; throws UnclosedQuoteError. */
export function parseCsv(text: string, delimiter: string): { cells: string[]; line: number }[] {
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      records.push({ cells, line: recordLine });
      cells = [];
      cell = "";
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length) {
    cells.push(cell);
    records.push({ cells, line: recordLine });
  }
  if (quoted) throw new UnclosedQuoteError(recordLine);
  return records.filter((r) => r.cells.some((c) => c.trim() !== ""));
}

/** A quote opened on `line` never closes: the rest of the file would silently become one cell. */
export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`unclosed quote from line ${line}`);
  }
}

/** A cell that a spreadsheet shows as text, never runs as a formula (=, +, -, @ first). */
export function csvCell(value: string): string {
  const neutral = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** Lines of cells → a CSV document with a BOM and CRLF line ends. */
export function csvDocument(lines: readonly (readonly string[])[]): string {
  return "\uFEFF" + lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
