// The affected-plot table of a compensation plan: imported whole from CSV into a draft (or not at all), carried to
// each new version, shown to the public with names masked unless the law requires them, and shown in full to a
// household that holds its private code from the land-recovery notice.
import crypto from "node:crypto";
import { and, asc, count, desc, eq, inArray, sum } from "drizzle-orm";
import * as t from "../../../db/schema";
import {
  formatHouseholdCode,
  hasPlanTable,
  HOUSEHOLD_CODE_SYMBOLS,
  maskName,
  normaliseHouseholdCode,
  PLAN_TEMPLATE_HEADER,
  planChanges,
  plotKey,
  readPlanCsv,
  type PlanProblem,
  type PlanRow,
  type PlanRowChange,
} from "~/domain/plan-table";
import { csvDocument } from "~/domain/csv";
import { pageWindow } from "~/domain/paging";
import { canManageDisclosures, type StaffUser } from "~/domain/permissions";
import { foldForSearch } from "~/domain/text";
import { audit } from "~/services/platform/audit.server";
import { db } from "~/services/platform/database.server";
import { versionIds } from "./links.server";
import { DisclosureError, PUBLIC_STATUSES } from "./disclosures.server";
import { communeName, reference } from "~/services/reference/reference.server";
import { decrypt, encrypt, hmac } from "~/services/platform/secrets.server";
import { publicUrl } from "~/services/platform/config.server";

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

/** The file had problems: each with its line; nothing was stored. */
export class PlanImportError extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super("plan import refused");
  }
}

const codeHash = (code: string) => hmac("household-code", code);

function newHouseholdCode(): string {
  return formatHouseholdCode(Array.from({ length: 8 }, () => crypto.randomInt(HOUSEHOLD_CODE_SYMBOLS)));
}

const rowColumns = {
  rowNo: t.planRows.rowNo,
  householdName: t.planRows.householdName,
  householdAddress: t.planRows.householdAddress,
  plotNumber: t.planRows.plotNumber,
  mapSheet: t.planRows.mapSheet,
  landType: t.planRows.landType,
  areaRecovered: t.planRows.areaRecovered,
  unitPrice: t.planRows.unitPrice,
  landCompensation: t.planRows.landCompensation,
  assetCompensation: t.planRows.assetCompensation,
  support: t.planRows.support,
  total: t.planRows.total,
  resettlement: t.planRows.resettlement,
};

function rowsOf(tx: Tx | ReturnType<typeof db>, disclosureId: number): PlanRow[] {
  return tx.select(rowColumns).from(t.planRows).where(eq(t.planRows.disclosureId, disclosureId)).orderBy(asc(t.planRows.rowNo)).all();
}

// 16 columns a row; SQLite allows 32 766 variables a statement.
const INSERT_CHUNK = 500;

function insertRows(tx: Tx, values: (typeof t.planRows.$inferInsert)[]): void {
  for (let i = 0; i < values.length; i += INSERT_CHUNK) tx.insert(t.planRows).values(values.slice(i, i + INSERT_CHUNK)).run();
}

/**
 * Replaces a draft's table with the file's rows, all or nothing. A plot already in this draft or in the version it
 * replaces keeps its household code when its land user is the same: the notice the household holds stays valid,
 * and a plot that changed hands gets a new code (the old holder must not open the new one's row).
 * Returns how many rows were imported and how many codes are new (notices to print).
 */
export function importPlanTable(user: StaffUser, disclosureId: number, csv: string, ip: string, now = new Date()): { rows: number; newCodes: number } {
  const parsed = readPlanCsv(csv);
  if (!parsed.ok) throw new PlanImportError(parsed.problems);
  return db().transaction((tx) => {
    const disclosure = tx.select().from(t.disclosures).where(eq(t.disclosures.id, disclosureId)).all()[0];
    if (!disclosure) throw new DisclosureError("disclosure.error.notFound");
    if (!canManageDisclosures(user, disclosure.communeId)) throw new DisclosureError("disclosure.error.forbidden");
    if (disclosure.status !== "draft") throw new DisclosureError("disclosure.error.notDraft");
    if (!hasPlanTable(disclosure.typeCode)) throw new DisclosureError("plan.error.noTable");

    const sources = [disclosureId, ...(disclosure.previousId ? [disclosure.previousId] : [])];
    const known = new Map<string, { hash: string; sealed: string }>();
    for (const r of tx
      .select({ mapSheet: t.planRows.mapSheet, plotNumber: t.planRows.plotNumber, householdName: t.planRows.householdName, hash: t.planRows.householdCodeHash, sealed: t.planRows.householdCodeSealed })
      .from(t.planRows)
      .where(inArray(t.planRows.disclosureId, sources))
      .all()) {
      const key = holderKey(r);
      if (!known.has(key)) known.set(key, { hash: r.hash, sealed: r.sealed });
    }
    tx.delete(t.planRows).where(eq(t.planRows.disclosureId, disclosureId)).run();
    let newCodes = 0;
    insertRows(
      tx,
      parsed.rows.map((row) => {
        const kept = known.get(holderKey(row));
        if (kept) return { ...row, disclosureId, householdCodeHash: kept.hash, householdCodeSealed: kept.sealed };
        newCodes++;
        const code = newHouseholdCode();
        return { ...row, disclosureId, householdCodeHash: codeHash(code), householdCodeSealed: encrypt("household-code", code) };
      }),
    );
    tx.update(t.disclosures).set({ updatedAt: now.toISOString() }).where(eq(t.disclosures.id, disclosureId)).run();
    audit({ userId: user.id, action: "disclosure.plan_imported", targetType: "disclosure", targetId: disclosureId, ip, details: { rows: parsed.rows.length, newCodes } }, tx, now);
    return { rows: parsed.rows.length, newCodes };
  });
}

/** The same plot held by the same land user (name compared without case or diacritics). */
function holderKey(row: Pick<PlanRow, "mapSheet" | "plotNumber" | "householdName">): string {
  return `${plotKey(row)}|${foldForSearch(row.householdName)}`;
}

/** A new version starts from the published table, codes included. */
export function copyPlanRows(tx: Tx, fromId: number, toId: number): void {
  const rows = tx.select().from(t.planRows).where(eq(t.planRows.disclosureId, fromId)).all();
  insertRows(
    tx,
    rows.map(({ id: _id, disclosureId: _from, ...row }) => ({ ...row, disclosureId: toId })),
  );
}

export const PLAN_PAGE_SIZE = 50;

// A published table never changes (edits make a new version), so its changes are computed once per process.
const changesCache = new Map<string, PlanRowChange[]>();
const CHANGES_CACHE_LIMIT = 200;

function changesBetween(previousId: number, id: number): PlanRowChange[] {
  const key = `${previousId}>${id}`;
  let changes = changesCache.get(key);
  if (!changes) {
    changes = planChanges(rowsOf(db(), previousId), rowsOf(db(), id));
    if (changesCache.size >= CHANGES_CACHE_LIMIT) changesCache.delete(changesCache.keys().next().value!);
    changesCache.set(key, changes);
  }
  return changes;
}

function totalsOf(disclosureId: number) {
  const r = db()
    .select({
      rows: count(),
      areaRecovered: sum(t.planRows.areaRecovered),
      landCompensation: sum(t.planRows.landCompensation),
      assetCompensation: sum(t.planRows.assetCompensation),
      support: sum(t.planRows.support),
      total: sum(t.planRows.total),
    })
    .from(t.planRows)
    .where(eq(t.planRows.disclosureId, disclosureId))
    .all()[0];
  return {
    rows: r.rows,
    areaRecovered: Math.round(Number(r.areaRecovered ?? 0) * 100) / 100,
    landCompensation: Number(r.landCompensation ?? 0),
    assetCompensation: Number(r.assetCompensation ?? 0),
    support: Number(r.support ?? 0),
    total: Number(r.total ?? 0),
  };
}

function publishesNames(typeCode: string): boolean {
  return db().select({ v: t.disclosureTypes.publishNames }).from(t.disclosureTypes).where(eq(t.disclosureTypes.code, typeCode)).all()[0]?.v ?? false;
}

type PublicPlanRow = Omit<PlanRow, "householdAddress">;

/** Masks what the public may not see: the address always, the name unless the law requires it. */
function forPublic(row: PlanRow, names: boolean): PublicPlanRow {
  const { householdAddress: _address, ...rest } = row;
  return { ...rest, householdName: names ? row.householdName : maskName(row.householdName) };
}

/** One page of the public table, its totals, and what changed from the previous version. */
export function publicPlanTable(disclosure: { id: number; typeCode: string; previousId: number | null }, page = 1) {
  if (!hasPlanTable(disclosure.typeCode)) return null;
  const names = publishesNames(disclosure.typeCode);
  const totals = totalsOf(disclosure.id);
  const { page: current, pages, offset } = pageWindow(totals.rows, page, PLAN_PAGE_SIZE);
  const rows = db()
    .select(rowColumns)
    .from(t.planRows)
    .where(eq(t.planRows.disclosureId, disclosure.id))
    .orderBy(asc(t.planRows.rowNo))
    .limit(PLAN_PAGE_SIZE)
    .offset(offset)
    .all()
    .map((r) => forPublic(r, names));
  const changes = disclosure.previousId ? changesBetween(disclosure.previousId, disclosure.id) : [];
  return { rows, totals, page: current, pages, namesPublic: names, changes, hasPrevious: disclosure.previousId !== null };
}

/**
 * The household's own row, in full, for the holder of its code: in the newest public version of this plan that
 * holds the code (a notice printed for version 1 opens version 2's figures). Null when no version holds it.
 */
export function householdRow(slug: string, codeInput: string) {
  const code = normaliseHouseholdCode(codeInput);
  if (!code) return null;
  const entry = db().select({ id: t.disclosures.id }).from(t.disclosures).where(and(eq(t.disclosures.slug, slug), inArray(t.disclosures.status, PUBLIC_STATUSES))).all()[0];
  if (!entry) return null;
  const found = db()
    .select({ ...rowColumns, disclosureId: t.disclosures.id, slug: t.disclosures.slug, title: t.disclosures.title, version: t.disclosures.version, status: t.disclosures.status, communeId: t.disclosures.communeId })
    .from(t.planRows)
    .innerJoin(t.disclosures, eq(t.disclosures.id, t.planRows.disclosureId))
    .where(and(eq(t.planRows.householdCodeHash, codeHash(code)), inArray(t.disclosures.id, versionIds(entry.id)), inArray(t.disclosures.status, PUBLIC_STATUSES)))
    .orderBy(desc(t.disclosures.version))
    .limit(1)
    .all()[0];
  if (!found) return null;
  const { disclosureId, slug: s, title, version, status, communeId, ...row } = found;
  return { disclosure: { id: disclosureId, slug: s, title, version, status, communeName: communeName(reference(), communeId) }, row: row as PlanRow };
}

export const STAFF_PLAN_PAGE_SIZE = 100;

/** Rows in order with each household's code unsealed (staff only: callers check the role first). */
function rowsWithCodes(disclosureId: number, page?: { limit: number; offset: number }) {
  const query = db()
    .select({ ...rowColumns, sealed: t.planRows.householdCodeSealed })
    .from(t.planRows)
    .where(eq(t.planRows.disclosureId, disclosureId))
    .orderBy(asc(t.planRows.rowNo));
  const rows = page ? query.limit(page.limit).offset(page.offset).all() : query.all();
  return rows.map(({ sealed, ...r }) => ({ ...r, householdCode: decrypt("household-code", sealed) ?? "?" }));
}

/** The staff's view: the rows with their household codes, to print the notices. Viewing names is audited. */
export function staffPlanTable(user: StaffUser, disclosure: { id: number; typeCode: string; communeId: string }, ip: string, page = 1, now = new Date()) {
  if (!hasPlanTable(disclosure.typeCode)) return null;
  if (!canManageDisclosures(user, disclosure.communeId)) return null;
  const totals = totalsOf(disclosure.id);
  const { page: current, pages, offset } = pageWindow(totals.rows, page, STAFF_PLAN_PAGE_SIZE);
  const rows = rowsWithCodes(disclosure.id, { limit: STAFF_PLAN_PAGE_SIZE, offset });
  if (rows.length) audit({ userId: user.id, action: "disclosure.plan_viewed", targetType: "disclosure", targetId: disclosure.id, ip, details: { rows: rows.length, page: current } }, undefined, now);
  return { rows, totals, page: current, pages };
}

/** The household codes as CSV, to print each household's notice; every export is audited. */
export function planCodesCsv(user: StaffUser, disclosureId: number, ip: string, now = new Date()): string | null {
  const disclosure = db().select().from(t.disclosures).where(eq(t.disclosures.id, disclosureId)).all()[0];
  if (!disclosure || !hasPlanTable(disclosure.typeCode) || !canManageDisclosures(user, disclosure.communeId)) return null;
  const rows = rowsWithCodes(disclosureId);
  audit({ userId: user.id, action: "disclosure.codes_exported", targetType: "disclosure", targetId: disclosureId, ip, details: { rows: rows.length } }, undefined, now);
  const lines = [
    ["STT", "Mã hộ", "Chủ sử dụng đất", "Địa chỉ", "Số thửa", "Số tờ bản đồ", "Tổng cộng (đồng)", "Địa chỉ tra cứu"],
    ...rows.map((r) => [String(r.rowNo), r.householdCode, r.householdName, r.householdAddress, r.plotNumber, r.mapSheet, String(r.total), `${publicUrl()}/cong-khai/${disclosure.slug}/ho-gia-dinh`]),
  ];
  return csvDocument(lines);
}

/** The template a commune fills in: the header and one example row. */
export function planTemplateCsv(): string {
  return `\uFEFF${PLAN_TEMPLATE_HEADER}\r\n1,Nguyễn Văn A,"Xóm 1, xã Xuân Hồng",125,12,Đất trồng lúa,"250,5",105000,26302500,4500000,3000000,33802500,Không\r\n`;
}
