// The compensation plan's table of plots on a real SQLite file: imported whole or not at all, masked for the// public, shown in full to the household holding its code, carried across versions with the same codes.
import "../support/database";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { PLAN_TEMPLATE_HEADER } from "~/domain/plan-table";
import { read, transaction } from "~/services/platform/database.server";
import { createDraft, newVersion, publish } from "~/services/disclosures/lifecycle.server";
import { InvalidError } from "~/domain/errors";
import { publicDisclosure } from "~/services/disclosures/reading.server";
import { decrypt } from "~/services/platform/secrets.server";
import { householdRow, importPlanTable, planCodesCsv, publicPlanTable, staffPlanTable } from "~/services/disclosures/plan-table.server";
import { staffAccount } from "../support/factories";

const PLAN = {
  typeCode: "compensation_plan" as const,
  communeId: "xuan-hong",
  title: "Phương án bồi thường đường trục xã Xuân Hồng",
  summary: "Dự thảo phương án cho 3 hộ.",
  body: "Căn cứ Luật Đất đai 2024, Điều 87.",
  keyFigures: [],
};
const ROWS = [
  '1,Nguyễn Văn An,"Xóm 3, xã Xuân Hồng",112,8,Đất trồng lúa,"360,0",105000,37800000,2500000,10800000,51100000,Không',
  "2,Trần Thị Bình,Xóm 3,113,8,Đất trồng lúa,248.5,105000,26092500,1800000,7455000,35347500,Không",
  "3,Phạm Văn Cường,Xóm 4,57,9,Đất ở nông thôn,120,4.200.000,504.000.000,180.000.000,20.000.000,704.000.000,Giao 1 lô tái định cư 100 m²",
];
/** Published on the first day of its posting period, as the law requires (the suite runs on any date). */
const publishedOn = (day: string) => new Date(`${day}T00:30:00+07:00`);
const csv = (rows: string[]) => [PLAN_TEMPLATE_HEADER, ...rows].join("\r\n");

const planRows = async (id: number) => await read().select().from(t.planRows).where(eq(t.planRows.disclosureId, id));
const slugOf = async (id: number) => (await read().select().from(t.disclosures).where(eq(t.disclosures.id, id)))[0].slug;
const codesOf = async (id: number) => new Map((await planRows(id)).map((r) => [r.plotNumber, decrypt("household-code", r.householdCodeSealed)!]));

async function publishedPlan() {
  const leader = await staffAccount("commune_leader", "xuan-hong");
  const id = await createDraft(leader, PLAN, "t");
  expect(await importPlanTable(leader, id, csv(ROWS), "t")).toEqual({ rows: 3, newCodes: 3 });
  await publish(leader, id, { from: "2026-12-01", to: "2026-12-30" }, "t", publishedOn("2026-12-01"));
  return { leader, id, slug: await slugOf(id) };
}

describe("importing the table", () => {
  it("stores every row with its own household code, and audits it", async () => {
    const leader = await staffAccount("commune_leader", "xuan-hong");
    const id = await createDraft(leader, PLAN, "t");
    await importPlanTable(leader, id, csv(ROWS), "t");
    const rows = await planRows(id);
    expect(rows.map((r) => [r.rowNo, r.householdName, r.total])).toEqual([
      [1, "Nguyễn Văn An", 51_100_000],
      [2, "Trần Thị Bình", 35_347_500],
      [3, "Phạm Văn Cường", 704_000_000],
    ]);
    const codes = [...(await codesOf(id)).values()];
    expect(new Set(codes).size).toBe(3);
    for (const code of codes) expect(code).toMatch(/^HX-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    // Only a keyed hash and a sealed copy are stored, never the code itself.
    expect(JSON.stringify(rows)).not.toContain(codes[0]);
    const audit = await read().select().from(t.auditLog).where(eq(t.auditLog.action, "disclosure.plan_imported"));
    expect(audit.at(-1)).toMatchObject({ userId: leader.id, targetId: String(id) });
  });

  it("a file with a bad row reports the row and imports nothing, leaving the earlier table as it was", async () => {
    const leader = await staffAccount("commune_leader", "xuan-hong");
    const id = await createDraft(leader, PLAN, "t");
    await importPlanTable(leader, id, csv(ROWS.slice(0, 1)), "t");
    const before = await planRows(id);
    const bad = csv([ROWS[0], "2,Trần Thị Bình,Xóm 3,113,8,Đất trồng lúa,-248,105000,26092500,1800000,7455000,35347500,Không", ROWS[2]]);
    let problems: unknown = [];
    try {
      await importPlanTable(leader, id, bad, "t");
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).messageKey).toBe("plan.error.rows");
      problems = (error as InvalidError).details;
    }
    expect(problems).toEqual([{ line: 3, field: "areaRecovered", message: "plan.error.area" }]);
    expect(await planRows(id)).toEqual(before);
  });

  it("only the unit's leader or the district imports, and only into a draft", async () => {
    const { id } = await publishedPlan();
    const district = await staffAccount("district_staff", "huyen-xuan-truong");
    await expect(importPlanTable(district, id, csv(ROWS), "t")).rejects.toThrow("disclosure.error.notDraft");
    const leader = await staffAccount("commune_leader", "xuan-hong");
    const draft = await createDraft(leader, PLAN, "t");
    for (const other of [
      await staffAccount("commune_leader", "xuan-bac"),
      await staffAccount("commune_official", "xuan-hong"),
      await staffAccount("supervisor", "huyen-xuan-truong"),
    ]) {
      await expect(importPlanTable(other, draft, csv(ROWS), "t")).rejects.toThrow("disclosure.error.forbidden");
      expect(await staffPlanTable(other, { id: draft, typeCode: "compensation_plan", communeId: "xuan-hong" }, "t")).toBeNull();
      expect(await planCodesCsv(other, draft, "t")).toBeNull();
    }
    expect(await planRows(draft)).toHaveLength(0);
    const budget = await createDraft(leader, { ...PLAN, typeCode: "budget" }, "t");
    await expect(importPlanTable(leader, budget, csv(ROWS), "t")).rejects.toThrow("plan.error.noTable");
  });

  it("a compensation plan cannot be published without its table", async () => {
    const leader = await staffAccount("commune_leader", "xuan-hong");
    const id = await createDraft(leader, PLAN, "t");
    await expect(publish(leader, id, { from: "2026-12-01", to: "2026-12-30" }, "t", publishedOn("2026-12-01"))).rejects.toThrow(InvalidError);
    await expect(publish(leader, id, { from: "2026-12-01", to: "2026-12-30" }, "t", publishedOn("2026-12-01"))).rejects.toThrow("plan.error.noRows");
  });
});

describe("what the public and each household see", () => {
  it("the public table masks names and never carries addresses; totals add up", async () => {
    const { id, slug } = await publishedPlan();
    const disclosure = (await publicDisclosure(slug))!;
    const table = (await publicPlanTable(disclosure))!;
    const json = JSON.stringify({ disclosure, table });
    for (const secret of ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Xóm 3, xã Xuân Hồng", "Xóm 4", ...(await codesOf(id)).values()])
      expect(json).not.toContain(secret);
    expect(table.rows.map((r) => r.householdName)).toEqual(["N. V. A.", "T. T. B.", "P. V. C."]);
    expect(table.totals).toEqual({
      rows: 3,
      areaRecovered: 728.5,
      landCompensation: 567_892_500,
      assetCompensation: 184_300_000,
      support: 38_255_000,
      total: 790_447_500,
    });
    expect(table.totals.total).toBe(table.rows.reduce((s, r) => s + r.total, 0));
  });

  it("names are shown when the law requires them for the type (data an administrator sets)", async () => {
    const { slug } = await publishedPlan();
    await transaction((tx) => tx.update(t.disclosureTypes).set({ publishNames: true }).where(eq(t.disclosureTypes.code, "compensation_plan")));
    try {
      const table = (await publicPlanTable((await publicDisclosure(slug))!))!;
      expect(table.rows[0].householdName).toBe("Nguyễn Văn An");
      expect(JSON.stringify(table)).not.toContain("Xóm 3, xã Xuân Hồng");
    } finally {
      await transaction((tx) => tx.update(t.disclosureTypes).set({ publishNames: false }).where(eq(t.disclosureTypes.code, "compensation_plan")));
    }
  });

  it("a household's code opens its own full row in this plan only; a wrong code or a draft opens nothing", async () => {
    const { id, slug } = await publishedPlan();
    const code = (await codesOf(id)).get("113")!;
    const found = (await householdRow(slug, code.toLowerCase().replace(/-/g, " ")))!;
    expect(found.row).toMatchObject({ rowNo: 2, householdName: "Trần Thị Bình", householdAddress: "Xóm 3", total: 35_347_500 });
    expect(found.disclosure).toMatchObject({ id, slug, version: 1 });
    expect(await householdRow(slug, "HX-2222-2222")).toBeNull();
    expect(await householdRow(slug, "")).toBeNull();
    const other = await publishedPlan();
    expect(await householdRow(other.slug, code)).toBeNull();
    const leader = await staffAccount("commune_leader", "xuan-hong");
    const draft = await createDraft(leader, PLAN, "t");
    await importPlanTable(leader, draft, csv(ROWS), "t");
    expect(await householdRow(await slugOf(draft), (await codesOf(draft)).get("113")!)).toBeNull();
  });

  it("staff see the codes to print the notices; the export is audited", async () => {
    const { leader, id } = await publishedPlan();
    const staff = (await staffPlanTable(leader, { id, typeCode: "compensation_plan", communeId: "xuan-hong" }, "t"))!;
    expect(staff.rows.map((r) => r.householdCode)).toEqual([...(await codesOf(id)).values()]);
    const exported = (await planCodesCsv(leader, id, "t"))!;
    expect(exported.split("\r\n")[2]).toContain((await codesOf(id)).get("113")!);
    expect(exported).toContain("Trần Thị Bình");
    const actions = (
      await read()
        .select({ action: t.auditLog.action })
        .from(t.auditLog)
        .where(eq(t.auditLog.targetId, String(id)))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["disclosure.plan_viewed", "disclosure.codes_exported"]));
  });
});

describe("versions of the table", () => {
  it("a new version starts from the published table; re-imported plots keep their codes; the public sees the changes", async () => {
    const { leader, id: v1 } = await publishedPlan();
    const v2 = await newVersion(leader, v1, "t");
    expect((await planRows(v2)).map((r) => [r.plotNumber, r.householdCodeHash])).toEqual((await planRows(v1)).map((r) => [r.plotNumber, r.householdCodeHash]));
    const revised = [
      // Same plot, same holder written without diacritics in the new file: still the same household.
      ROWS[0].replace("Nguyễn Văn An", "NGUYEN VAN AN"),
      "2,Trần Thị Bình,Xóm 3,113,8,Đất trồng lúa,248.5,120000,29820000,1800000,7455000,39075000,Không",
      "3,Đỗ Văn Dũng,Xóm 5,300,9,Đất trồng lúa,50,105000,5250000,0,0,5250000,Không",
    ];
    expect(await importPlanTable(leader, v2, csv(revised), "t")).toEqual({ rows: 3, newCodes: 1 });
    const before = await codesOf(v1);
    const after = await codesOf(v2);
    expect(after.get("112")).toBe(before.get("112"));
    expect(after.get("113")).toBe(before.get("113"));
    expect(after.get("300")).toBeDefined();
    expect([...before.values()]).not.toContain(after.get("300"));
    await publish(leader, v2, { from: "2026-12-05", to: "2027-01-03", versionReason: "Cập nhật bảng" }, "t", publishedOn("2026-12-05"));
    // The notice printed for version 1 opens version 2's figures, from either version's address.
    expect(await householdRow(await slugOf(v1), before.get("113")!)).toMatchObject({
      disclosure: { id: v2, version: 2, status: "published" },
      row: { total: 39_075_000 },
    });

    const slug2 = await slugOf(v2);
    const table = (await publicPlanTable((await publicDisclosure(slug2))!))!;
    expect(table.changes).toEqual([
      {
        kind: "changed",
        rowNo: 2,
        plot: { mapSheet: "8", plotNumber: "113" },
        fields: [
          { field: "unitPrice", before: 105_000, after: 120_000 },
          { field: "landCompensation", before: 26_092_500, after: 29_820_000 },
          { field: "total", before: 35_347_500, after: 39_075_000 },
        ],
      },
      { kind: "added", rowNo: 3, plot: { mapSheet: "9", plotNumber: "300" }, fields: [] },
      { kind: "removed", rowNo: 3, plot: { mapSheet: "9", plotNumber: "57" }, fields: [] },
    ]);
    // The notice the household holds still opens its row in the new version.
    expect((await householdRow(slug2, before.get("113")!))!.row.total).toBe(39_075_000);
  });

  it("a plot that changed hands gets a new code: the former holder's notice no longer opens the new holder's row", async () => {
    const { leader, id: v1, slug } = await publishedPlan();
    const v2 = await newVersion(leader, v1, "t");
    const sold = ROWS[1].replace("Trần Thị Bình", "Lý Văn Mua");
    expect(await importPlanTable(leader, v2, csv([ROWS[0], sold, ROWS[2]]), "t")).toEqual({ rows: 3, newCodes: 1 });
    const oldCode = (await codesOf(v1)).get("113")!;
    expect((await codesOf(v2)).get("113")).not.toBe(oldCode);
    await publish(leader, v2, { from: "2026-12-05", to: "2027-01-03", versionReason: "Cập nhật bảng" }, "t", publishedOn("2026-12-05"));
    const found = (await householdRow(slug, oldCode))!;
    // Only the version that held the code answers, marked as superseded; never the new holder's row.
    expect(found.disclosure).toMatchObject({ id: v1, status: "superseded" });
    expect(found.row.householdName).toBe("Trần Thị Bình");
    expect((await householdRow(await slugOf(v2), (await codesOf(v2)).get("113")!))!.row.householdName).toBe("Lý Văn Mua");
  });
});
