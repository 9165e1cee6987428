// Each unit's reception schedule: weekly rules and the sessions they give (written ahead up to a horizon, so a
// booking always points at a row), one-off sessions, cancellations; the public list and the duty check.
import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { addDays, vnDate } from "~/domain/dates";
import { ForbiddenError, InvalidError, NotFoundError } from "~/domain/errors";
import type { StaffUser } from "~/domain/permissions";
import { ACTIVE_BOOKING_STATUSES, canManageReception, checkDuty, dutyLevel, placesLeft, receptionUnits, ruleDates, type DutyRule } from "~/domain/reception";
import type { ScheduleInput } from "~/domain/reception-forms";
import { audit } from "~/services/platform/audit.server";
import { read, transaction, type Tx } from "~/services/platform/database.server";
import { communeName, reference } from "~/services/reference/reference.server";
import { mailBookingClosed } from "./mails.server";

/** How far ahead weekly rules are written out as sessions (the daily job keeps it so). */
export const HORIZON_DAYS = 84;
/** How far ahead the public page lists sessions. */
export const PUBLIC_DAYS = 42;

export type SessionRow = typeof t.receptionSessions.$inferSelect;

/** Other coming sessions of the same unit a booking may be moved to. */
export async function moveTargets(session: SessionRow, now = new Date()) {
  const today = vnDate(now);
  return read()
    .select({ id: t.receptionSessions.id, date: t.receptionSessions.date, startTime: t.receptionSessions.startTime, endTime: t.receptionSessions.endTime })
    .from(t.receptionSessions)
    .where(
      and(
        eq(t.receptionSessions.communeId, session.communeId),
        eq(t.receptionSessions.status, "scheduled"),
        gte(t.receptionSessions.date, today),
        lte(t.receptionSessions.date, addDays(today, PUBLIC_DAYS)),
      ),
    )
    .orderBy(asc(t.receptionSessions.date), asc(t.receptionSessions.startTime))
    .limit(30)
    .then((rows) => rows.filter((r) => r.id !== session.id));
}

/** Writes the sessions a rule gives up to `to` that are not written yet (holidays left out). */
async function extendRule(tx: Tx, rule: typeof t.receptionRules.$inferSelect, today: string, to: string): Promise<void> {
  const from = rule.generatedTo && rule.generatedTo >= today ? addDays(rule.generatedTo, 1) : today;
  if (from > to) return;
  const { calendar } = await reference();
  const dates = ruleDates(rule, from, to, calendar);
  if (dates.length) {
    const { id, weekday: _w, validFrom: _f, validTo: _t, generatedTo: _g, createdAt: _c, ...details } = rule;
    await tx
      .insert(t.receptionSessions)
      .values(dates.map((date) => ({ ...details, date, ruleId: id })))
      .onConflictDoNothing();
  }
  await tx.update(t.receptionRules).set({ generatedTo: to }).where(eq(t.receptionRules.id, rule.id));
}

/** The daily job: every rule still in force is written out to the horizon. */
export async function extendSchedules(now = new Date()): Promise<void> {
  const today = vnDate(now);
  const to = addDays(today, HORIZON_DAYS);
  await transaction(async (tx) => {
    const rules = await tx
      .select()
      .from(t.receptionRules)
      .where(or(isNull(t.receptionRules.validTo), gte(t.receptionRules.validTo, today)));
    for (const rule of rules) if (!rule.generatedTo || rule.generatedTo < to) await extendRule(tx, rule, today, to);
  });
}

function requireUnit(user: StaffUser, communeId: string, units: { id: string; validTo: string | null }[]): void {
  if (!units.some((u) => u.id === communeId && u.validTo == null)) throw new InvalidError("admin.error.unit", { communeId: "admin.error.unit" });
  if (!canManageReception(user, communeId)) throw new ForbiddenError();
}

/** One staff change to the schedule, audited in the same transaction. */
export async function changeSchedule(user: StaffUser, input: ScheduleInput, now = new Date()): Promise<void> {
  const today = vnDate(now);
  const ref = await reference();
  await transaction(async (tx) => {
    switch (input.intent) {
      case "addRule": {
        requireUnit(user, input.communeId, ref.communes);
        const { intent: _i, meetingUrl, ...rest } = input;
        const rule = (
          await tx
            .insert(t.receptionRules)
            .values({ ...rest, meetingUrl: meetingUrl || null, validFrom: input.validFrom < today ? today : input.validFrom })
            .returning()
        )[0];
        await extendRule(tx, rule, today, addDays(today, HORIZON_DAYS));
        await audit(
          {
            userId: user.id,
            action: "reception.rule_added",
            targetType: "reception_rule",
            targetId: rule.id,
            details: { communeId: rule.communeId, weekday: rule.weekday },
          },
          now,
        );
        return;
      }
      case "addSession": {
        requireUnit(user, input.communeId, ref.communes);
        if (input.date < today) throw new InvalidError("reception.error.pastDate", { date: "reception.error.pastDate" });
        const { intent: _i, meetingUrl, ...rest } = input;
        const row = (
          await tx
            .insert(t.receptionSessions)
            .values({ ...rest, meetingUrl: meetingUrl || null })
            .returning({ id: t.receptionSessions.id })
        )[0];
        await audit(
          {
            userId: user.id,
            action: "reception.session_added",
            targetType: "reception_session",
            targetId: row.id,
            details: { communeId: input.communeId, date: input.date },
          },
          now,
        );
        return;
      }
      case "cancelSession": {
        const session = await sessionForStaff(tx, user, input.sessionId);
        if (session.status === "cancelled") return;
        await cancelSessionRow(tx, session, input.reason, now);
        await audit(
          { userId: user.id, action: "reception.session_cancelled", targetType: "reception_session", targetId: session.id, details: { reason: input.reason } },
          now,
        );
        return;
      }
      case "endRule": {
        const rule = (await tx.select().from(t.receptionRules).where(eq(t.receptionRules.id, input.ruleId)))[0];
        if (!rule || !canManageReception(user, rule.communeId)) throw new NotFoundError();
        const last = input.lastDate < today ? today : input.lastDate;
        await tx.update(t.receptionRules).set({ validTo: last }).where(eq(t.receptionRules.id, rule.id));
        const later = await tx
          .select()
          .from(t.receptionSessions)
          .where(and(eq(t.receptionSessions.ruleId, rule.id), gt(t.receptionSessions.date, last), eq(t.receptionSessions.status, "scheduled")));
        for (const s of later) await cancelSessionRow(tx, s, "", now);
        await audit({ userId: user.id, action: "reception.rule_ended", targetType: "reception_rule", targetId: rule.id, details: { lastDate: last } }, now);
        return;
      }
    }
  });
}

/** Cancels a session; its active bookings are closed and their residents mailed the reason. */
async function cancelSessionRow(tx: Tx, session: SessionRow, reason: string, now: Date): Promise<void> {
  await tx
    .update(t.receptionSessions)
    .set({ status: "cancelled", cancelReason: reason || null })
    .where(eq(t.receptionSessions.id, session.id));
  const bookings = await tx
    .select()
    .from(t.receptionBookings)
    .where(and(eq(t.receptionBookings.sessionId, session.id), inArray(t.receptionBookings.status, [...ACTIVE_BOOKING_STATUSES])));
  for (const b of bookings) {
    await tx
      .update(t.receptionBookings)
      .set({ status: "refused", statusReason: reason || null, updatedAt: now.toISOString() })
      .where(eq(t.receptionBookings.id, b.id));
    await mailBookingClosed(tx, { ...b, statusReason: reason || null }, session, now);
  }
}

/** A session the user may manage (unknown and out of scope look the same). */
export async function sessionForStaff(db: Tx, user: StaffUser, sessionId: number): Promise<SessionRow> {
  const session = (await db.select().from(t.receptionSessions).where(eq(t.receptionSessions.id, sessionId)))[0];
  if (!session || !canManageReception(user, session.communeId)) throw new NotFoundError();
  return session;
}

export interface PublicSession {
  id: number;
  communeId: string;
  communeName: string;
  date: string;
  startTime: string;
  endTime: string;
  receiverRole: SessionRow["receiverRole"];
  receiverName: string;
  place: string;
  mode: SessionRow["mode"];
  meetingUrl: string | null;
  status: SessionRow["status"];
  cancelReason: string | null;
  placesLeft: number;
}

/** Active bookings per session, for the places left. */
async function activeCounts(sessionIds: number[]): Promise<Map<number, number>> {
  if (!sessionIds.length) return new Map();
  const rows = await read()
    .select({ sessionId: t.receptionBookings.sessionId, n: sql<number>`count(*)` })
    .from(t.receptionBookings)
    .where(and(inArray(t.receptionBookings.sessionId, sessionIds), inArray(t.receptionBookings.status, [...ACTIVE_BOOKING_STATUSES])))
    .groupBy(t.receptionBookings.sessionId);
  return new Map(rows.map((r) => [r.sessionId, r.n]));
}

async function toPublic(rows: SessionRow[]): Promise<PublicSession[]> {
  const ref = await reference();
  const counts = await activeCounts(rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    communeId: r.communeId,
    communeName: communeName(ref, r.communeId),
    date: r.date,
    startTime: r.startTime,
    endTime: r.endTime,
    receiverRole: r.receiverRole,
    receiverName: r.receiverName,
    place: r.place,
    mode: r.mode,
    meetingUrl: r.meetingUrl,
    status: r.status,
    cancelReason: r.cancelReason,
    placesLeft: r.status === "cancelled" ? 0 : placesLeft(r.capacity, counts.get(r.id) ?? 0),
  }));
}

/** The public schedule: the coming sessions (cancelled ones shown as such), of one unit or all, and the weekly rules. */
export async function publicSchedule(communeId: string | undefined, now = new Date(), limit = 200) {
  const today = vnDate(now);
  const ref = await reference();
  const unit = communeId && ref.communes.some((c) => c.id === communeId) ? communeId : undefined;
  const rows = await read()
    .select()
    .from(t.receptionSessions)
    .where(
      and(
        gte(t.receptionSessions.date, today),
        lte(t.receptionSessions.date, addDays(today, PUBLIC_DAYS)),
        unit ? eq(t.receptionSessions.communeId, unit) : undefined,
      ),
    )
    .orderBy(asc(t.receptionSessions.date), asc(t.receptionSessions.startTime), asc(t.receptionSessions.communeId))
    .limit(limit);
  const rules = await read()
    .select()
    .from(t.receptionRules)
    .where(and(or(isNull(t.receptionRules.validTo), gte(t.receptionRules.validTo, today)), unit ? eq(t.receptionRules.communeId, unit) : undefined))
    .orderBy(asc(t.receptionRules.communeId), asc(t.receptionRules.weekday));
  return {
    unit: unit ?? null,
    units: ref.communes.filter((c) => c.validTo == null).map((c) => ({ id: c.id, name: c.name })),
    sessions: await toPublic(rows),
    rules: rules.map((r) => ({
      id: r.id,
      communeName: communeName(ref, r.communeId),
      weekday: r.weekday,
      startTime: r.startTime,
      endTime: r.endTime,
      receiverRole: r.receiverRole,
      receiverName: r.receiverName,
      place: r.place,
      mode: r.mode,
    })),
  };
}

/** The next sessions of every unit, for the home page. */
export async function nextSessions(now = new Date(), limit = 5): Promise<PublicSession[]> {
  const today = vnDate(now);
  const rows = await read()
    .select()
    .from(t.receptionSessions)
    .where(and(gte(t.receptionSessions.date, today), eq(t.receptionSessions.status, "scheduled")))
    .orderBy(asc(t.receptionSessions.date), asc(t.receptionSessions.startTime))
    .limit(limit);
  return toPublic(rows);
}

/** One session as the public sees it (for booking). */
export async function publicSession(id: number): Promise<PublicSession> {
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError();
  const row = (await read().select().from(t.receptionSessions).where(eq(t.receptionSessions.id, id)))[0];
  if (!row) throw new NotFoundError();
  return (await toPublic([row]))[0];
}

/** The staff's schedule page: the units the user keeps, their rules and coming (and recent) sessions. */
export async function staffSchedule(user: StaffUser, communeId: string | undefined, now = new Date()) {
  const today = vnDate(now);
  const ref = await reference();
  const scope = receptionUnits(user, DISTRICT_ID);
  const units = ref.communes.filter((c) => c.validTo == null && canManageReception(user, c.id)).map((c) => ({ id: c.id, name: c.name }));
  // Supervisors keep no schedule: they get the board and the log, not the sessions' management.
  if (!units.length) return { unit: null, units, today, sessions: [], rules: [] };
  const unit = communeId && units.some((u) => u.id === communeId) ? communeId : scope === null ? undefined : units[0].id;
  const rows = await read()
    .select()
    .from(t.receptionSessions)
    .where(
      and(
        gte(t.receptionSessions.date, addDays(today, -14)),
        lte(t.receptionSessions.date, addDays(today, PUBLIC_DAYS)),
        unit ? eq(t.receptionSessions.communeId, unit) : undefined,
      ),
    )
    .orderBy(asc(t.receptionSessions.date), asc(t.receptionSessions.startTime))
    .limit(300);
  const rules = await read()
    .select()
    .from(t.receptionRules)
    .where(and(or(isNull(t.receptionRules.validTo), gte(t.receptionRules.validTo, today)), unit ? eq(t.receptionRules.communeId, unit) : undefined))
    .orderBy(asc(t.receptionRules.communeId), asc(t.receptionRules.weekday));
  const counts = await activeCounts(rows.map((r) => r.id));
  return {
    unit: unit ?? null,
    units,
    today,
    sessions: rows.map((r) => ({ ...r, communeName: communeName(ref, r.communeId), booked: counts.get(r.id) ?? 0 })),
    rules: rules.map((r) => ({ ...r, communeName: communeName(ref, r.communeId) })),
  };
}

export async function dutyRules(): Promise<DutyRule[]> {
  return read().select().from(t.receptionDutyRules);
}

/**
 * The duty board: for the month in progress and the next one, each unit whose chairman's sessions fall short of the
 * rule in force, with the periods that fall short. District staff and district supervisors see every unit.
 */
export async function dutyBoard(user: StaffUser, now = new Date()) {
  if (receptionUnits(user, DISTRICT_ID) !== null) return null;
  const today = vnDate(now);
  const from = `${today.slice(0, 7)}-01`;
  const nextMonth = addDays(`${today.slice(0, 7)}-28`, 7).slice(0, 7);
  const to = addDays(`${addDays(`${nextMonth}-28`, 7).slice(0, 7)}-01`, -1);
  const ref = await reference();
  const rules = await dutyRules();
  const sessions = await read()
    .select({
      communeId: t.receptionSessions.communeId,
      date: t.receptionSessions.date,
      receiverRole: t.receptionSessions.receiverRole,
      status: t.receptionSessions.status,
    })
    .from(t.receptionSessions)
    .where(and(gte(t.receptionSessions.date, from), lte(t.receptionSessions.date, to)));
  const rows = [];
  for (const unit of ref.communes.filter((c) => c.validTo == null)) {
    const mine = sessions.filter((s) => s.communeId === unit.id);
    const result = checkDuty(rules, dutyLevel(unit.level), mine, from, to, ref.calendar);
    const short = result.periods.filter((p) => p.short);
    if (short.length)
      rows.push({
        communeId: unit.id,
        communeName: unit.name,
        periods: short.map((p) => ({ from: p.from, to: p.to, required: p.required, held: p.held, source: p.rule?.source ?? "" })),
      });
  }
  return { from, to, rows };
}
