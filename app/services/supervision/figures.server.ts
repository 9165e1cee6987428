// Supervision figures for the periodic report: recommendations issued, answered (late), settled and overdue per
// unit, and the case events the supervision rules produce (escalations, take-overs) and how cases were closed.
// Set-based: one grouped query per figure; the case events are read by type and date through
// case_events_type_created_idx, never by scanning every case.
import { and, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import * as t from "../../../db/schema";
import { addDays, vnDate } from "~/domain/dates";
import { read } from "~/services/platform/database.server";
import { reference } from "~/services/reference/reference.server";

export interface SupervisionUnitRow {
  unitId: string;
  name: string;
  issued: number;
  answered: number;
  answeredLate: number;
  settled: number;
  overdue: number;
  escalations: number;
  takeOvers: number;
}

export interface SupervisionFigures {
  rows: SupervisionUnitRow[];
  total: Omit<SupervisionUnitRow, "unitId" | "name">;
  closedConfirmed: number;
  closedWithoutReply: number;
}

const EMPTY = { issued: 0, answered: 0, answeredLate: 0, settled: 0, overdue: 0, escalations: 0, takeOvers: 0 };

/**
 * Figures between two Vietnam dates (inclusive, YYYY-MM-DD). "Overdue" counts the recommendations past their due date
 * and not answered at the period's end, or today if the period is not over.
 */
export async function supervisionFigures(from: string, to: string, today = vnDate(new Date())): Promise<SupervisionFigures> {
  const db = read();
  const r = t.supervisionRecommendations;
  const asOf = to < today ? to : today;
  const startUtc = new Date(`${from}T00:00:00+07:00`).toISOString();
  const endUtc = new Date(`${addDays(to, 1)}T00:00:00+07:00`).toISOString();
  const inPeriod = (col: AnySQLiteColumn) => sql<number>`sum(case when ${col} >= ${from} and ${col} <= ${to} then 1 else 0 end)`;
  const recs = await db
    .select({
      unitId: r.unitId,
      issued: inPeriod(r.issuedOn),
      answered: inPeriod(r.answeredOn),
      answeredLate: sql<number>`sum(case when ${r.answeredOn} >= ${from} and ${r.answeredOn} <= ${to} and ${r.answeredOn} > ${r.dueOn} then 1 else 0 end)`,
      settled: sql<number>`sum(case when ${r.state} = 'settled' and ${r.settledAt} >= ${startUtc} and ${r.settledAt} < ${endUtc} then 1 else 0 end)`,
      // Past due and not answered at the end of the period (or today, for a period not over yet).
      overdue: sql<number>`sum(case when ${r.dueOn} < ${asOf} and (${r.answeredOn} is null or ${r.answeredOn} > ${asOf}) then 1 else 0 end)`,
    })
    .from(r)
    .where(lte(r.issuedOn, to))
    .groupBy(r.unitId);
  const events = await db
    .select({ unitId: t.caseEvents.unitId, type: t.caseEvents.type, actor: t.caseEvents.actor, n: sql<number>`count(*)` })
    .from(t.caseEvents)
    .where(
      and(inArray(t.caseEvents.type, ["deadline_passed", "taken_over", "closed"]), gte(t.caseEvents.createdAt, startUtc), lt(t.caseEvents.createdAt, endUtc)),
    )
    .groupBy(t.caseEvents.unitId, t.caseEvents.type, t.caseEvents.actor);
  const names = new Map((await reference()).communes.map((c) => [c.id, c.name]));
  const byUnit = new Map<string, SupervisionUnitRow>();
  const row = (unitId: string) => byUnit.get(unitId) ?? byUnit.set(unitId, { unitId, name: names.get(unitId) ?? unitId, ...EMPTY }).get(unitId)!;
  for (const x of recs)
    Object.assign(row(x.unitId), {
      issued: x.issued ?? 0,
      answered: x.answered ?? 0,
      answeredLate: x.answeredLate ?? 0,
      settled: x.settled ?? 0,
      overdue: x.overdue ?? 0,
    });
  for (const e of events) {
    if (e.unitId == null || e.type === "closed") continue;
    if (e.type === "deadline_passed") row(e.unitId).escalations += e.n;
    else row(e.unitId).takeOvers += e.n;
  }
  const rows = [...byUnit.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "vi"))
    .filter((x) => Object.keys(EMPTY).some((k) => x[k as keyof typeof EMPTY] > 0));
  const total = { ...EMPTY };
  for (const x of rows) for (const k of Object.keys(EMPTY) as (keyof typeof EMPTY)[]) total[k] += x[k];
  const closed = (actor: string) => events.filter((e) => e.type === "closed" && e.actor === actor).reduce((a, e) => a + e.n, 0);
  return { rows, total, closedConfirmed: closed("resident"), closedWithoutReply: closed("system") };
}
