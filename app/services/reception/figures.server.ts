// Reception figures for a period, for the statistics page and the periodic report (the integrator wires them in;
// statistics.server.ts and the report services are not changed here): sessions held against the legal minimum,
// visits, people, groups, outcomes, assisted filings by channel, dialogues held.
import { and, eq, gte, lte, sql } from "drizzle-orm";
import * as t from "../../../db/schema";
import { addDays } from "~/domain/dates";
import { checkDuty, dutyLevel, isGroup, VISIT_OUTCOMES, FILING_CHANNELS, type FilingChannel, type VisitOutcome } from "~/domain/reception";
import { read } from "~/services/platform/database.server";
import { reference } from "~/services/reference/reference.server";
import { dutyRules } from "./schedule.server";

export interface ReceptionFigures {
  /** Chairman's reception days scheduled and not cancelled, and the units short of the minimum in some period. */
  chairmanDays: number;
  unitsShort: { communeId: string; name: string }[];
  sessions: number;
  visits: number;
  people: number;
  groupVisits: number;
  outcomes: Record<VisitOutcome, number>;
  casesByChannel: Record<FilingChannel, number>;
  groupCases: number;
  dialoguesHeld: number;
}

/** Figures between two dates (inclusive, YYYY-MM-DD, Vietnam time), every unit together. */
export async function receptionFigures(from: string, to: string): Promise<ReceptionFigures> {
  const db = read();
  const sessions = await db
    .select({
      communeId: t.receptionSessions.communeId,
      date: t.receptionSessions.date,
      receiverRole: t.receptionSessions.receiverRole,
      status: t.receptionSessions.status,
    })
    .from(t.receptionSessions)
    .where(and(gte(t.receptionSessions.date, from), lte(t.receptionSessions.date, to)));
  const ref = await reference();
  const rules = await dutyRules();
  const unitsShort = ref.communes
    .filter((c) => c.validTo == null)
    .filter(
      (c) =>
        checkDuty(
          rules,
          dutyLevel(c.level),
          sessions.filter((s) => s.communeId === c.id),
          from,
          to,
          ref.calendar,
        ).short,
    )
    .map((c) => ({ communeId: c.id, name: c.name }));
  const visits = await db
    .select({ people: t.receptionVisits.people, outcome: t.receptionVisits.outcome })
    .from(t.receptionVisits)
    .innerJoin(t.receptionSessions, eq(t.receptionSessions.id, t.receptionVisits.sessionId))
    .where(and(gte(t.receptionSessions.date, from), lte(t.receptionSessions.date, to)));
  const outcomes = Object.fromEntries(VISIT_OUTCOMES.map((o) => [o, visits.filter((v) => v.outcome === o).length])) as Record<VisitOutcome, number>;
  // Cases received in the period, by channel (received_at is UTC; the period is Vietnam days).
  const startUtc = new Date(`${from}T00:00:00+07:00`).toISOString();
  const endUtc = new Date(`${addDays(to, 1)}T00:00:00+07:00`).toISOString();
  const channels = await db
    .select({ channel: t.cases.channel, n: sql<number>`count(*)` })
    .from(t.cases)
    .where(and(gte(t.cases.receivedAt, startUtc), sql`${t.cases.receivedAt} < ${endUtc}`))
    .groupBy(t.cases.channel);
  const casesByChannel = Object.fromEntries(FILING_CHANNELS.map((c) => [c, channels.find((r) => r.channel === c)?.n ?? 0])) as Record<FilingChannel, number>;
  const groups = await db
    .select({ people: t.caseGroups.people })
    .from(t.caseGroups)
    .innerJoin(t.cases, eq(t.cases.id, t.caseGroups.caseId))
    .where(and(gte(t.cases.receivedAt, startUtc), sql`${t.cases.receivedAt} < ${endUtc}`));
  const dialoguesHeld = (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(t.dialogues)
      .where(and(eq(t.dialogues.status, "held"), gte(t.dialogues.startsAt, from), sql`${t.dialogues.startsAt} < ${addDays(to, 1)}`))
  )[0].n;
  return {
    chairmanDays: new Set(sessions.filter((s) => s.status === "scheduled" && s.receiverRole === "chairman").map((s) => `${s.communeId}|${s.date}`)).size,
    unitsShort,
    sessions: sessions.filter((s) => s.status !== "cancelled").length,
    visits: visits.length,
    people: visits.reduce((sum, v) => sum + v.people, 0),
    groupVisits: visits.filter((v) => isGroup(v.people)).length,
    outcomes,
    casesByChannel,
    groupCases: groups.filter((g) => isGroup(g.people)).length,
    dialoguesHeld,
  };
}
