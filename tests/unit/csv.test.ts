// The one CSV module: what spreadsheets need from an export, and what an import must survive.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, detectDelimiter, parseCsv, UnclosedQuoteError } from "~/domain/csv";
import { PLAN_TEMPLATE_HEADER } from "~/domain/plan-table";

/** How a spreadsheet reads the document back, with either separator (Excel on a Vietnamese Windows uses ";"). */
function cellsAsSplitBy(document: string, delimiter: string): string[] {
  const records: string[][] = parse(document, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  return records.flat();
}

describe("writing CSV", () => {
  it("starts with a byte-order mark and ends every line with CRLF", () => {
    const doc = csvDocument([
      ["Mã hồ sơ", "Tiêu đề"],
      ["DB-1", "Đường hỏng"],
    ]);
    expect(doc.startsWith("\uFEFF")).toBe(true);
    expect(doc.slice(1)).toBe("Mã hồ sơ,Tiêu đề\r\nDB-1,Đường hỏng\r\n");
  });

  it("quotes every cell holding a comma, a semicolon, a tab, a quote or a line break", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("a\tb")).toBe('"a\tb"');
    expect(csvCell('Hộ ông "Ba"')).toBe('"Hộ ông ""Ba"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("a\rb")).toBe('"a\rb"');
    expect(csvCell("Xóm 3")).toBe("Xóm 3");
  });

  it("writes numbers as numbers and empty values as empty cells", () => {
    expect(csvDocument([[1, 2.5, null, undefined, "", -3]]).slice(1)).toBe("1,2.5,,,,-3\r\n");
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("neutralises a cell starting with %j", (value) => {
    expect(csvCell(value).replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("leaves ordinary text, and text with a sign inside, alone", () => {
    expect(csvCell("Hồ sơ 1-2")).toBe("Hồ sơ 1-2");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("leaves no cell starting with = + - @ whichever separator a spreadsheet splits on", () => {
    const hostile = [
      ";=cmd|' /C calc'!A0;",
      ",=cmd|' /C calc'!A0,",
      '=HYPERLINK("http://x","y")',
      "a;+1",
      "b,-1",
      "c;@SUM(1)",
      '"; =1',
      "x\n=1",
      "x\r\n@1",
      "\t=1",
      "-",
    ];
    const doc = csvDocument([["Mã", "Tiêu đề"], ...hostile.map((title, i) => [`DB-${i}`, title])]);
    for (const delimiter of [",", ";"]) {
      const cells = cellsAsSplitBy(doc, delimiter);
      expect(cells.length).toBeGreaterThan(hostile.length);
      for (const cell of cells) expect(cell, `split on ${delimiter}: ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@]/);
    }
    // Read back with the right separator, every title is there, an apostrophe before each formula start.
    expect(
      parseCsv(doc, ",")
        .slice(1)
        .map((r) => r.cells[1]),
    ).toEqual([
      ";'=cmd|' /C calc'!A0;",
      ",'=cmd|' /C calc'!A0,",
      '\'=HYPERLINK("http://x","y")',
      "a;'+1",
      "b,'-1",
      "c;'@SUM(1)",
      '"; =1',
      "x\n'=1",
      "x\n'@1",
      "'\t'=1",
      "'-",
    ]);
  });

  it("writes the formula from the brief quoted, so no separator inside it starts a cell", () => {
    expect(csvDocument([["DB-1", ";=cmd|' /C calc'!A0;"]])).toBe("\uFEFFDB-1,\";'=cmd|' /C calc'!A0;\"\r\n");
  });

  it("round-trips the plan template's header and example row", () => {
    const doc = csvDocument([PLAN_TEMPLATE_HEADER.split(","), ["1", "Nguyễn Văn A", "Xóm 1, xã Xuân Hồng", "250,5"]]);
    expect(doc).toBe(`\uFEFF${PLAN_TEMPLATE_HEADER}\r\n1,Nguyễn Văn A,"Xóm 1, xã Xuân Hồng","250,5"\r\n`);
  });
});

describe("reading CSV", () => {
  it("drops the byte-order mark", () => {
    expect(parseCsv("\uFEFFSTT,Tên\r\n1,An\r\n", ",")).toEqual([
      { cells: ["STT", "Tên"], line: 1 },
      { cells: ["1", "An"], line: 2 },
    ]);
  });

  it("detects comma, semicolon or tab from the first line, comma on a tie", () => {
    expect(detectDelimiter("\uFEFFSTT,Chủ sử dụng đất,Số thửa\n1;2;3;4;5")).toBe(",");
    expect(detectDelimiter('STT;Chủ sử dụng đất;Số thửa\r\n1;An;"360,5"')).toBe(";");
    expect(detectDelimiter("STT\tChủ sử dụng đất\tSố thửa\n")).toBe("\t");
    expect(detectDelimiter("STT\n")).toBe(",");
  });

  it("counts lines the same with LF, CRLF or CR line ends, inside quoted cells too, and skips blank records", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = ["a;b", '"x', 'y";2', "", ";", "3;4"].join(eol) + eol;
      expect(parseCsv(text, ";")).toEqual([
        { cells: ["a", "b"], line: 1 },
        { cells: ["x\ny", "2"], line: 2 },
        { cells: ["3", "4"], line: 6 },
      ]);
    }
  });

  it("keeps a quote inside an unquoted cell and records of different lengths", () => {
    expect(parseCsv('a,b,c\nHộ ông "Ba",2\n', ",")).toEqual([
      { cells: ["a", "b", "c"], line: 1 },
      { cells: ['Hộ ông "Ba"', "2"], line: 2 },
    ]);
  });

  it("reads a quoted cell after spaces, as people type it by hand", () => {
    expect(parseCsv('STT, Địa chỉ, Số thửa\n1, "Xóm 3, xã Xuân Hồng", 112\n', ",")[1].cells).toEqual(["1", "Xóm 3, xã Xuân Hồng", "112"]);
  });

  it("refuses a quote that never closes, with the line of its record", () => {
    let error: unknown;
    try {
      parseCsv('a,b\n"1\n2",3\n4,"5\n6,7\n', ",");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnclosedQuoteError);
    expect((error as UnclosedQuoteError).line).toBe(4);
  });
});
