// The compensation plan's table: reading the commune's CSV, row by row, and what the public and households see.
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/domain/csv";
import {
  formatHouseholdCode,
  maskName,
  normaliseHouseholdCode,
  parseAmount,
  parseArea,
  planChanges,
  PLAN_TEMPLATE_HEADER,
  readPlanCsv,
  type PlanRow,
} from "~/domain/plan-table";

const HEADER = PLAN_TEMPLATE_HEADER;
const ROW1 = '1,Nguyễn Văn An,"Xóm 3, xã Xuân Hồng",112,8,Đất trồng lúa,"360,5",105000,37852500,2500000,10800000,51152500,Không';
const ROW2 = "2,Trần Thị Bình,Xóm 4,57,9,Đất ở nông thôn,120,4.200.000,504.000.000,180.000.000,20.000.000,704.000.000,Giao 1 lô 100 m²";

function ok(csv: string): PlanRow[] {
  const result = readPlanCsv(csv);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.rows;
}

describe("reading a plan CSV", () => {
  it("reads the template's columns, quoted cells, Vietnamese number formats and a BOM", () => {
    const rows = ok(`\uFEFF${HEADER}\r\n${ROW1}\r\n${ROW2}\r\n`);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      rowNo: 1,
      householdName: "Nguyễn Văn An",
      householdAddress: "Xóm 3, xã Xuân Hồng",
      plotNumber: "112",
      mapSheet: "8",
      landType: "Đất trồng lúa",
      areaRecovered: 360.5,
      unitPrice: 105000,
      landCompensation: 37852500,
      assetCompensation: 2500000,
      support: 10800000,
      total: 51152500,
      resettlement: "Không",
    });
    expect(rows[1]).toMatchObject({ unitPrice: 4_200_000, total: 704_000_000, resettlement: "Giao 1 lô 100 m²" });
  });

  it("accepts semicolon-separated files, columns in another order, and NFD text stored as NFC", () => {
    const nfd = "Nguyễn Văn An".normalize("NFD");
    const csv = [
      "Số tờ bản đồ;Số thửa;Chủ sử dụng đất;Loại đất;Diện tích thu hồi (m²);Đơn giá (đồng/m²);Bồi thường đất (đồng);Bồi thường tài sản (đồng);Hỗ trợ (đồng);Tổng cộng (đồng);Tái định cư",
      `8;112;${nfd};Đất trồng lúa;100;1000;100000;0;0;100000;`,
    ].join("\n");
    const [row] = ok(csv);
    expect(row.householdName).toBe("Nguyễn Văn An".normalize("NFC"));
    expect(row).toMatchObject({ rowNo: 1, mapSheet: "8", plotNumber: "112", resettlement: "", householdAddress: "" });
  });

  it("keeps a quoted cell with a delimiter, a doubled quote and a line break, and counts lines right", () => {
    const records = parseCsv('a,b\n"x, ""y""\nz",2\n3,4\n', ",");
    expect(records).toEqual([
      { cells: ["a", "b"], line: 1 },
      { cells: ['x, "y"\nz', "2"], line: 2 },
      { cells: ["3", "4"], line: 4 },
    ]);
  });

  it("reports every bad row with its line and column, and returns no rows", () => {
    const csv = [
      HEADER,
      ROW1,
      "2,,Xóm 4,57,9,Đất ở,-5,abc,1,2,3,7,Không",
      "3,Lê Văn Cường,Xóm 4,112,8,Đất trồng lúa,10,1000,10000,0,0,99999,Không",
      "3,Lê Văn Dũng,Xóm 4,200,8,Đất trồng lúa,10,1000,10000,0,0,10000,Không",
    ].join("\n");
    const result = readPlanCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { line: 3, field: "householdName", message: "plan.error.required" },
        { line: 3, field: "areaRecovered", message: "plan.error.area" },
        { line: 3, field: "unitPrice", message: "plan.error.amount" },
        { line: 3, field: "total", message: "plan.error.total" },
        { line: 4, field: "total", message: "plan.error.total" },
        { line: 4, field: "plotNumber", message: "plan.error.duplicatePlot:2" },
        { line: 5, field: "rowNo", message: "plan.error.duplicateRowNo:4" },
      ]),
    );
    expect(result.problems.some((p) => p.line === 2)).toBe(false);
  });

  it("refuses a file without the required columns, without rows, or with NUL bytes", () => {
    const missing = readPlanCsv("STT,Chủ sử dụng đất\n1,An\n");
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems.map((p) => p.field)).toEqual(expect.arrayContaining(["plotNumber", "mapSheet", "total"]));
    expect(readPlanCsv(`${HEADER}\n`)).toEqual({ ok: false, problems: [{ line: null, field: null, message: "plan.error.empty" }] });
    expect(readPlanCsv("")).toMatchObject({ ok: false });
    expect(readPlanCsv(`${HEADER}\n${ROW1}\u0000`)).toEqual({ ok: false, problems: [{ line: null, field: null, message: "plan.error.encoding" }] });
  });

  it("refuses a quote that never closes instead of swallowing the rows after it", () => {
    const result = readPlanCsv(
      `${HEADER}\n${ROW1}\n2,Trần Thị Bình,Xóm 4,57,9,Đất ở,120,1000,120000,0,0,120000,"Không\n${ROW2.replace(/^2/, "3").replace("57,9", "58,9")}\n`,
    );
    expect(result).toEqual({ ok: false, problems: [{ line: 3, field: null, message: "plan.error.unclosedQuote" }] });
  });

  it("flags cells beyond the header and text over its limit", () => {
    const result = readPlanCsv(`${HEADER}\n${ROW1},thừa\n2,${"A".repeat(151)},X,1,1,Lúa,1,1,1,0,0,1,Không`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual({ line: 2, field: null, message: "plan.error.extraCells" });
      expect(result.problems).toContainEqual({ line: 3, field: "householdName", message: "error.tooLong:150" });
    }
  });
});

describe("numbers as communes write them", () => {
  it.each([
    ["1.250.000", 1_250_000],
    ["1,250,000", 1_250_000],
    ["1 250 000", 1_250_000],
    ["1250000", 1_250_000],
    ["0", 0],
    ["105.000 đ", 105_000],
    ["1.000.000 đồng", 1_000_000],
    ["250000 VND", 250_000],
  ])("amount %s → %d", (raw, value) => expect(parseAmount(raw)).toBe(value));

  it.each(["-5", "1,5", "12.34", "abc", "", "1.25.000"])("refuses amount %j", (raw) => expect(parseAmount(raw)).toBeNull());

  it("reads areas with either decimal mark and at most two decimals", () => {
    expect(parseArea("120,5")).toBe(120.5);
    expect(parseArea("120.25")).toBe(120.25);
    expect(parseArea("120")).toBe(120);
    expect(parseArea("1,234")).toBeNull();
    expect(parseArea("-3")).toBeNull();
  });
});

describe("what the public and households see", () => {
  it("masks a name to its initials", () => {
    expect(maskName("Nguyễn Văn An")).toBe("N. V. A.");
    expect(maskName("  đặng   thị  ánh ")).toBe("Đ. T. Á.");
    expect(maskName("Hộ ông (Lê Văn Mười)")).toBe("H. Ô. L. V. M.");
  });

  it("household codes avoid look-alike symbols and forgive case, spaces and dashes", () => {
    const code = formatHouseholdCode([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(code).toBe("HX-2345-6789");
    expect(normaliseHouseholdCode(" hx 2345 6789 ")).toBe(code);
    expect(normaliseHouseholdCode("23456789")).toBe(code);
    expect(normaliseHouseholdCode("HX-2345-678O")).toBeNull();
    expect(normaliseHouseholdCode("HX-2345")).toBeNull();
    // A random part that itself begins with HX, typed with or without the prefix.
    expect(normaliseHouseholdCode("HX7K-3M9R")).toBe("HX-HX7K-3M9R");
    expect(normaliseHouseholdCode("HX-HX7K-3M9R")).toBe("HX-HX7K-3M9R");
  });

  it("shows what changed plot by plot between two versions", () => {
    const [a, b] = ok(`${HEADER}\n${ROW1}\n${ROW2}`);
    const changed = { ...b, unitPrice: 4_500_000, landCompensation: 540_000_000, total: 740_000_000 };
    const added = { ...a, rowNo: 3, plotNumber: "200", mapSheet: "9" };
    expect(planChanges([a, b], [changed, added])).toEqual([
      {
        kind: "changed",
        rowNo: 2,
        plot: { mapSheet: "9", plotNumber: "57" },
        fields: [
          { field: "unitPrice", before: 4_200_000, after: 4_500_000 },
          { field: "landCompensation", before: 504_000_000, after: 540_000_000 },
          { field: "total", before: 704_000_000, after: 740_000_000 },
        ],
      },
      { kind: "added", rowNo: 3, plot: { mapSheet: "9", plotNumber: "200" }, fields: [] },
      { kind: "removed", rowNo: 1, plot: { mapSheet: "8", plotNumber: "112" }, fields: [] },
    ]);
    expect(planChanges([a, b], [a, b])).toEqual([]);
  });
});
