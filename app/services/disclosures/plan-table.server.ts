// The affected-plot table of a compensation plan: imported whole from CSV into a draft (or not at all), carried to
// each new version, shown to the public with names masked unless the law requires them, and shown in full to a
// household that holds its private code from the land-recovery notice.
import crypto from "node:crypto";
import { and, asc, count, desc, eq, inArray, sum } from "drizzle-orm";
import type { DisclosureTypeCode } from "~/domain/disclosure";
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
  type PlanRow,
  type PlanRowChange,
} from "~/domain/plan-table";
import { csvDocument } from "~/domain/csv";
import { pageWindow } from "~/domain/paging";
import { canManageDisclosures, type StaffUser } from "~/domain/permissions";
import { foldForSearch } from "~/domain/text";
import { audit } from "~/services/platform/audit.server";
import { read, transaction, type Tx, type Db } from "~/services/platform/database.server";
import { versionIds } from "./versions.server";
import { ForbiddenError, InvalidError, NotFoundError } from "~/domain/errors";
import { PUBLIC_STATUSES, publicStatusLabel } from "~/domain/disclosure";
import { communeName, reference } from "~/services/reference/reference.server";
import { decrypt, encrypt, hmac } from "~/services/platform/secrets.server";
import { publicUrl } from "~/services/platform/config.server";

/** The file had problems: each with its line; nothing was stored. */

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

async function rowsOf(tx: Tx | Db, disclosureId: number): Promise<PlanRow[]> {
  return await tx.select(rowColumns).from(t.planRows).where(eq(t.planRows.disclosureId, disclosureId)).orderBy(asc(t.planRows.rowNo));
}

// 16 columns a row; SQLite allows 32 766 variables a statement.
const INSERT_CHUNK = 500;

async function insertRows(tx: Tx, values: (typeof t.planRows.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += INSERT_CHUNK) await tx.insert(t.planRows).values(values.slice(i, i + INSERT_CHUNK));
}

/**
 * Replaces a draft's table with the file's rows, all or nothing. A plot already in this draft or in the version it
 * replaces keeps its household code when its land user is the same: the notice the household holds stays valid,
 * and a plot that changed hands gets a new code (the old holder must not open the new one's row).
 * Returns how many rows were imported and how many codes are new (notices to print).
 */
export function importPlanTable(user: StaffUser, disclosureId: number, csv: string, ip: string, now = new Date()): Promise<{ rows: number; newCodes: number }> {
  const parsed = readPlanCsv(csv);
  if (!parsed.ok) throw new InvalidError("plan.error.rows", {}, parsed.problems);
  return transaction(async (tx) => {
    const disclosure = (await tx.select().from(t.disclosures).where(eq(t.disclosures.id, disclosureId)))[0];
    if (!disclosure) throw new NotFoundError("disclosure.error.notFound");
    if (!canManageDisclosures(user, disclosure.communeId)) throw new ForbiddenError("disclosure.error.forbidden");
    if (disclosure.status !== "draft") throw new InvalidError("disclosure.error.notDraft");
    if (!hasPlanTable(disclosure.typeCode)) throw new InvalidError("plan.error.noTable");

    const sources = [disclosureId, ...(disclosure.previousId ? [disclosure.previousId] : [])];
    const known = new Map<string, { hash: string; sealed: string }>();
    for (const r of await tx
      .select({
        mapSheet: t.planRows.mapSheet,
        plotNumber: t.planRows.plotNumber,
        householdName: t.planRows.householdName,
        hash: t.planRows.householdCodeHash,
        sealed: t.planRows.householdCodeSealed,
      })
      .from(t.planRows)
      .where(inArray(t.planRows.disclosureId, sources))) {
      const key = holderKey(r);
      if (!known.has(key)) known.set(key, { hash: r.hash, sealed: r.sealed });
    }
    await tx.delete(t.planRows).where(eq(t.planRows.disclosureId, disclosureId));
    let newCodes = 0;
    await insertRows(
      tx,
      parsed.rows.map((row) => {
        const kept = known.get(holderKey(row));
        if (kept) return { ...row, disclosureId, householdCodeHash: kept.hash, householdCodeSealed: kept.sealed };
        newCodes++;
        const code = newHouseholdCode();
        return { ...row, disclosureId, householdCodeHash: codeHash(code), householdCodeSealed: encrypt("household-code", code) };
      }),
    );
    await tx.update(t.disclosures).set({ updatedAt: now.toISOString() }).where(eq(t.disclosures.id, disclosureId));
    await audit(
      {
        userId: user.id,
        action: "disclosure.plan_imported",
        targetType: "disclosure",
        targetId: disclosureId,
        ip,
        details: { rows: parsed.rows.length, newCodes },
      },
      now,
    );
    return { rows: parsed.rows.length, newCodes };
  });
}

/** The same plot held by the same land user (name compared without case or diacritics). */
function holderKey(row: Pick<PlanRow, "mapSheet" | "plotNumber" | "householdName">): string {
  return `${plotKey(row)}|${foldForSearch(row.householdName)}`;
}

/** A new version starts from the published table, codes included. */
export async function copyPlanRows(tx: Tx, fromId: number, toId: number): Promise<void> {
  const rows = await tx.select().from(t.planRows).where(eq(t.planRows.disclosureId, fromId));
  await insertRows(
    tx,
    rows.map(({ id: _id, disclosureId: _from, ...row }) => ({ ...row, disclosureId: toId })),
  );
}

export const PLAN_PAGE_SIZE = 50;

// A published table never changes (edits make a new version), so its changes are computed once per process.
const changesCache = new Map<string, PlanRowChange[]>();
const CHANGES_CACHE_LIMIT = 200;

async function changesBetween(previousId: number, id: number): Promise<PlanRowChange[]> {
  const key = `${previousId}>${id}`;
  let changes = changesCache.get(key);
  if (!changes) {
    changes = planChanges(await rowsOf(read(), previousId), await rowsOf(read(), id));
    if (changesCache.size >= CHANGES_CACHE_LIMIT) changesCache.delete(changesCache.keys().next().value!);
    changesCache.set(key, changes);
  }
  return changes;
}

async function totalsOf(disclosureId: number) {
  const r = (
    await read()
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
  )[0];
  return {
    rows: r.rows,
    areaRecovered: Math.round(Number(r.areaRecovered ?? 0) * 100) / 100,
    landCompensation: Number(r.landCompensation ?? 0),
    assetCompensation: Number(r.assetCompensation ?? 0),
    support: Number(r.support ?? 0),
    total: Number(r.total ?? 0),
  };
}

async function publishesNames(typeCode: DisclosureTypeCode): Promise<boolean> {
  return (await read().select({ v: t.disclosureTypes.publishNames }).from(t.disclosureTypes).where(eq(t.disclosureTypes.code, typeCode)))[0]?.v ?? false;
}

type PublicPlanRow = Omit<PlanRow, "householdAddress">;

/** Masks what the public may not see: the address always, the name unless the law requires it. */
function forPublic(row: PlanRow, names: boolean): PublicPlanRow {
  const { householdAddress: _address, ...rest } = row;
  return { ...rest, householdName: names ? row.householdName : maskName(row.householdName) };
}

/** One page of the public table, its totals, and what changed from the previous version. */
export async function publicPlanTable(disclosure: { id: number; typeCode: DisclosureTypeCode; previousId: number | null }, page = 1) {
  if (!hasPlanTable(disclosure.typeCode)) return null;
  const names = await publishesNames(disclosure.typeCode);
  const totals = await totalsOf(disclosure.id);
  const { page: current, pages, offset } = pageWindow(totals.rows, page, PLAN_PAGE_SIZE);
  const rows = (
    await read()
      .select(rowColumns)
      .from(t.planRows)
      .where(eq(t.planRows.disclosureId, disclosure.id))
      .orderBy(asc(t.planRows.rowNo))
      .limit(PLAN_PAGE_SIZE)
      .offset(offset)
  ).map((r) => forPublic(r, names));
  const changes = disclosure.previousId ? await changesBetween(disclosure.previousId, disclosure.id) : [];
  return { rows, totals, page: current, pages, namesPublic: names, changes, hasPrevious: disclosure.previousId !== null };
}

/**
 * The household's own row, in full, for the holder of its code: in the newest public version of this plan that
 * holds the code (a notice printed for version 1 opens version 2's figures). Null when no version holds it.
 */
export async function householdRow(slug: string, codeInput: string, now = new Date()) {
  const code = normaliseHouseholdCode(codeInput);
  if (!code) return null;
  const entry = (
    await read()
      .select({ id: t.disclosures.id })
      .from(t.disclosures)
      .where(and(eq(t.disclosures.slug, slug), inArray(t.disclosures.status, PUBLIC_STATUSES)))
  )[0];
  if (!entry) return null;
  const found = (
    await read()
      .select({
        ...rowColumns,
        disclosureId: t.disclosures.id,
        slug: t.disclosures.slug,
        title: t.disclosures.title,
        version: t.disclosures.version,
        status: t.disclosures.status,
        communeId: t.disclosures.communeId,
        postingFrom: t.disclosures.postingFrom,
        postingTo: t.disclosures.postingTo,
        consultationFrom: t.disclosures.consultationFrom,
        consultationTo: t.disclosures.consultationTo,
        consultationClosedAt: t.disclosures.consultationClosedAt,
      })
      .from(t.planRows)
      .innerJoin(t.disclosures, eq(t.disclosures.id, t.planRows.disclosureId))
      .where(
        and(
          eq(t.planRows.householdCodeHash, codeHash(code)),
          inArray(t.disclosures.id, await versionIds(entry.id)),
          inArray(t.disclosures.status, PUBLIC_STATUSES),
        ),
      )
      .orderBy(desc(t.disclosures.version))
      .limit(1)
  )[0];
  if (!found) return null;
  const {
    disclosureId,
    slug: s,
    title,
    version,
    status,
    communeId,
    postingFrom,
    postingTo,
    consultationFrom,
    consultationTo,
    consultationClosedAt,
    ...row
  } = found;
  const statusLabel = publicStatusLabel({ status, postingFrom, postingTo, consultationFrom, consultationTo, consultationClosedAt }, now);
  return {
    disclosure: { id: disclosureId, slug: s, title, version, status, statusLabel, communeName: communeName(await reference(), communeId) },
    row: row as PlanRow,
  };
}

export const STAFF_PLAN_PAGE_SIZE = 100;

/** Rows in order with each household's code unsealed (staff only: callers check the role first). */
async function rowsWithCodes(disclosureId: number, page?: { limit: number; offset: number }) {
  const query = read()
    .select({ ...rowColumns, sealed: t.planRows.householdCodeSealed })
    .from(t.planRows)
    .where(eq(t.planRows.disclosureId, disclosureId))
    .orderBy(asc(t.planRows.rowNo));
  const rows = await (page ? query.limit(page.limit).offset(page.offset) : query);
  return rows.map(({ sealed, ...r }) => ({ ...r, householdCode: decrypt("household-code", sealed) ?? "?" }));
}

/** The staff's view: the rows with their household codes, to print the notices. Viewing names is audited. */
export async function staffPlanTable(user: StaffUser, disclosure: { id: number; typeCode: string; communeId: string }, ip: string, page = 1, now = new Date()) {
  if (!hasPlanTable(disclosure.typeCode)) return null;
  if (!canManageDisclosures(user, disclosure.communeId)) return null;
  const totals = await totalsOf(disclosure.id);
  const { page: current, pages, offset } = pageWindow(totals.rows, page, STAFF_PLAN_PAGE_SIZE);
  const rows = await rowsWithCodes(disclosure.id, { limit: STAFF_PLAN_PAGE_SIZE, offset });
  if (rows.length)
    await audit(
      {
        userId: user.id,
        action: "disclosure.plan_viewed",
        targetType: "disclosure",
        targetId: disclosure.id,
        ip,
        details: { rows: rows.length, page: current },
      },
      now,
    );
  return { rows, totals, page: current, pages };
}

/** The household codes as CSV, to print each household's notice; every export is audited. */
export async function planCodesCsv(user: StaffUser, disclosureId: number, ip: string, now = new Date()): Promise<string | null> {
  const disclosure = (await read().select().from(t.disclosures).where(eq(t.disclosures.id, disclosureId)))[0];
  if (!disclosure || !hasPlanTable(disclosure.typeCode) || !canManageDisclosures(user, disclosure.communeId)) return null;
  const rows = await rowsWithCodes(disclosureId);
  await audit(
    { userId: user.id, action: "disclosure.codes_exported", targetType: "disclosure", targetId: disclosureId, ip, details: { rows: rows.length } },
    now,
  );
  const lines = [
    ["STT", "Mã hộ", "Chủ sử dụng đất", "Địa chỉ", "Số thửa", "Số tờ bản đồ", "Tổng cộng (đồng)", "Địa chỉ tra cứu"],
    ...rows.map((r) => [
      String(r.rowNo),
      r.householdCode,
      r.householdName,
      r.householdAddress,
      r.plotNumber,
      r.mapSheet,
      String(r.total),
      `${publicUrl()}/cong-khai/${disclosure.slug}/ho-gia-dinh`,
    ]),
  ];
  return csvDocument(lines);
}

/** The template a commune fills in: the header and one example row. */
export function planTemplateCsv(): string {
  return csvDocument([
    PLAN_TEMPLATE_HEADER.split(","),
    ["1", "Nguyễn Văn A", "Xóm 1, xã Xuân Hồng", "125", "12", "Đất trồng lúa", "250,5", "105000", "26302500", "4500000", "3000000", "33802500", "Không"],
  ]);
}
