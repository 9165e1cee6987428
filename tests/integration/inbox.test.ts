// The officials' inbox against a real SQLite file: sorted by due date, urgent rows marked, filters, search ignoring
// diacritics, pages of 25, and the CSV export of exactly the filtered list.
import "../support/database";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { addDays, vnDate } from "~/domain/dates";
import { fileCase } from "~/services/cases/filing.server";
import { read, transaction } from "~/services/platform/database.server";
import { exportCasesCsv, listCases, PAGE_SIZE } from "~/services/cases/inbox.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { complaintFields, filingFields, filingInput, staffAccount } from "../support/factories";

const COMMUNE = "xuan-tien";
const today = vnDate(new Date());
let official: Awaited<ReturnType<typeof staffAccount>>;
const codes: Record<string, string> = {};

async function caseDue(name: string, dueInDays: number, fields: Record<string, string> = {}) {
  const filed = await fileCase(await filingInput(filingFields({ commune: COMMUNE, title: `Hồ sơ ${name}`, ...fields })), [], { language: "vi" });
  await transaction((tx) =>
    tx
      .update(t.cases)
      .set({ dueOn: addDays(today, dueInDays) })
      .where(eq(t.cases.id, filed.caseId)),
  );
  codes[name] = filed.code;
  return filed;
}

beforeAll(async () => {
  official = await staffAccount("commune_official", COMMUNE);
  await caseDue("sắp hạn", 2);
  await caseDue("quá hạn", -1);
  await caseDue("còn lâu", 20);
  await caseDue("đúng hôm nay", 0, { title: "Đường điện hạ thế đổ" });
  const complaint = await fileCase(
    await filingInput(complaintFields({ commune: COMMUNE, complainedBody: "UBND xã Xuân Tiến", title: "Khiếu nại đo đạc" })),
    [],
    { language: "vi" },
  );
  codes.complaint = complaint.code;
  await performStaffAction(official, complaint.code, { action: "accept" }, "t");
});

describe("the inbox", () => {
  it("lists the commune's open cases by due date, the overdue first, marking overdue and due-within-3-days rows", async () => {
    const list = await listCases(official, {});
    const mine = await list.rows.filter((r) => Object.values(codes).includes(r.code));
    const dueDates = list.rows.map((r) => r.dueOn);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(mine.find((r) => r.code === codes["quá hạn"])!.urgency).toBe("overdue");
    expect(mine.find((r) => r.code === codes["sắp hạn"])!.urgency).toBe("due_soon");
    expect(mine.find((r) => r.code === codes["đúng hôm nay"])!.urgency).toBe("due_soon");
    expect(mine.find((r) => r.code === codes["còn lâu"])!.urgency).toBe("on_track");
    expect(list.rows[0].code).toBe(codes["quá hạn"]);
  });

  it("filters by due state, status and kind, and searches ignoring diacritics and đ", async () => {
    const overdue = (await listCases(official, { due: "overdue" })).rows.map((r) => r.code);
    expect(overdue).toEqual([codes["quá hạn"]]);
    const soon = (await listCases(official, { due: "due_soon" })).rows.map((r) => r.code);
    expect(soon.sort()).toEqual([codes["sắp hạn"], codes["đúng hôm nay"]].sort());
    expect((await listCases(official, { status: "accepted" })).rows.map((r) => r.code)).toEqual([codes.complaint]);
    expect((await listCases(official, { kind: "complaint" })).rows.map((r) => r.code)).toEqual([codes.complaint]);
    expect((await listCases(official, { q: "duong dien ha the" })).rows.map((r) => r.code)).toEqual([codes["đúng hôm nay"]]);
    expect((await listCases(official, { q: "ĐƯỜNG ĐIỆN" })).rows.map((r) => r.code)).toEqual([codes["đúng hôm nay"]]);
    expect((await listCases(official, { q: "khong co ho so nao nhu the" })).rows).toEqual([]);
    // Every word, in any order, with punctuation between them.
    expect((await listCases(official, { q: "the ha, dien duong" })).rows.map((r) => r.code)).toEqual([codes["đúng hôm nay"]]);
    expect((await listCases(official, { q: "duong dien ha the khongcotu" })).rows).toEqual([]);
  });

  it("pages by 25, every case on exactly one page, forwards and back", async () => {
    const other = await staffAccount("commune_official", "xuan-phu");
    for (let i = 0; i < PAGE_SIZE + 3; i++)
      await fileCase(await filingInput(filingFields({ commune: "xuan-phu", title: `Trang ${i}` })), [], { language: "vi" });
    const first = await listCases(other, {});
    expect(first).toMatchObject({ total: PAGE_SIZE + 3, moreThanTotal: false, prev: null });
    const second = await listCases(other, { after: first.next! });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(second.rows).toHaveLength(3);
    expect(second.next).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.code)).size).toBe(PAGE_SIZE + 3);
    const back = await listCases(other, { before: second.prev! });
    expect(back.rows.map((r) => r.code)).toEqual(first.rows.map((r) => r.code));
    expect(back.prev).toBeNull();
  });

  it("pages neither skip nor repeat a case while cases are filed between two pages", async () => {
    const unit = await staffAccount("commune_official", "xuan-ninh");
    const file = async (title: string) => fileCase(await filingInput(filingFields({ commune: "xuan-ninh", title })), [], { language: "vi" });
    for (let i = 0; i < 30; i++) await file(`Trước ${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let added = 0;
    do {
      const page: Awaited<ReturnType<typeof listCases>> = await listCases(unit, cursor ? { after: cursor } : {});
      seen.push(...page.rows.map((r) => r.code));
      // New cases arrive while the official reads: they are due later than the ones already listed.
      for (let i = 0; i < 7; i++) await file(`Giữa ${added++}`);
      cursor = page.next;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (await read().select({ code: t.cases.code }).from(t.cases).where(eq(t.cases.communeId, "xuan-ninh")).orderBy(t.cases.id)).map((r) => r.code);
    // Every case that existed before the first page is on exactly one page.
    const before = all.slice(0, 30);
    expect(before.every((code) => seen.includes(code))).toBe(true);
  });

  it("the CSV export holds exactly the filtered list, with its due state, and is audited", async () => {
    const csv = await exportCasesCsv(official, { due: "overdue" }, "t");
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(codes["quá hạn"]);
    expect(lines[1]).toContain("Quá hạn");
    const audit = (await read().select().from(t.auditLog).where(eq(t.auditLog.action, "cases.export"))).at(-1)!;
    expect(audit).toMatchObject({ userId: official.id, details: { filters: { due: "overdue" }, rows: 1 } });
  });
});
