// Residents' bookings of a place in a reception session: asked without an account, held against the session's
// capacity in the same transaction, kept under a random code (the resident's only key), confirmed, moved or refused
// by the unit's staff with a mail each time, and a reminder the day before.
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import * as t from "../../../db/schema";
import { addDays, vnDate } from "~/domain/dates";
import { InvalidError, NotFoundError } from "~/domain/errors";
import type { StaffUser } from "~/domain/permissions";
import { ACTIVE_BOOKING_STATUSES, bookingProblem, vnClock } from "~/domain/reception";
import type { BookingDecision, BookingInput } from "~/domain/reception-forms";
import { audit } from "~/services/platform/audit.server";
import { read, transaction, type Tx } from "~/services/platform/database.server";
import { nudgeMailWorker } from "~/services/platform/mail.server";
import { newAccessKey } from "~/services/platform/secrets.server";
import { mailBooking, mailBookingClosed } from "./mails.server";
import { publicSession, sessionForStaff } from "./schedule.server";

/** DL- and twelve symbols of 31 (about 59 bits): typed from paper, never guessed. */
function newBookingCode(): string {
  return `DL-${newAccessKey().slice(0, 14)}`;
}

export function normaliseBookingCode(input: string): string | null {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  const match = /^DL([2-9A-HJ-NP-Z]{12})$/.exec(compact);
  if (!match) return null;
  return `DL-${match[1].slice(0, 4)}-${match[1].slice(4, 8)}-${match[1].slice(8)}`;
}

async function activeBookings(tx: Tx, sessionId: number): Promise<number> {
  return (
    await tx
      .select({ n: sql<number>`count(*)` })
      .from(t.receptionBookings)
      .where(and(eq(t.receptionBookings.sessionId, sessionId), inArray(t.receptionBookings.status, [...ACTIVE_BOOKING_STATUSES])))
  )[0].n;
}

/** Checks the session can take one more booking now, inside the writing transaction (so two residents cannot take the last place). */
async function bookableSession(tx: Tx, sessionId: number, now: Date, field: string) {
  const session = (await tx.select().from(t.receptionSessions).where(eq(t.receptionSessions.id, sessionId)))[0];
  if (!session) throw new InvalidError("reception.error.session", { [field]: "reception.error.session" });
  const problem = bookingProblem(session, await activeBookings(tx, session.id), vnClock(now));
  if (problem) throw new InvalidError(problem, { [field]: problem });
  return session;
}

/** A resident's booking: the place is taken and the confirmation queued in one transaction. */
export async function book(input: BookingInput, now = new Date()): Promise<{ code: string }> {
  const code = newBookingCode();
  await transaction(async (tx) => {
    const session = await bookableSession(tx, input.sessionId, now, "form");
    if (input.caseCode) {
      const known = (await tx.select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.code, input.caseCode)))[0];
      if (!known) throw new InvalidError("reception.error.trackingCodeUnknown", { caseCode: "reception.error.trackingCodeUnknown" });
    }
    const booking = (
      await tx
        .insert(t.receptionBookings)
        .values({
          code,
          sessionId: session.id,
          name: input.name,
          phone: input.phone,
          email: input.email,
          matter: input.matter,
          people: input.people,
          caseCode: input.caseCode,
          createdAt: now.toISOString(),
        })
        .returning()
    )[0];
    await mailBooking(tx, "received", booking, session, now);
  });
  nudgeMailWorker();
  return { code };
}

/** What the holder of a booking code sees: the session and the booking's state, nothing they typed. */
export async function bookingView(codeInput: string) {
  const code = normaliseBookingCode(codeInput);
  if (!code) throw new NotFoundError();
  const row = (await read().select().from(t.receptionBookings).where(eq(t.receptionBookings.code, code)))[0];
  if (!row) throw new NotFoundError();
  return {
    code: row.code,
    status: row.status,
    statusReason: row.status === "refused" ? row.statusReason : null,
    people: row.people,
    createdAt: row.createdAt,
    session: await publicSession(row.sessionId),
    cancellable: (ACTIVE_BOOKING_STATUSES as readonly string[]).includes(row.status),
  };
}

/** The resident cancels with the code; the place is freed. Cancelling twice is harmless. */
export async function cancelBooking(codeInput: string, now = new Date()): Promise<void> {
  const code = normaliseBookingCode(codeInput);
  if (!code) throw new NotFoundError();
  await transaction(async (tx) => {
    const row = (await tx.select().from(t.receptionBookings).where(eq(t.receptionBookings.code, code)))[0];
    if (!row) throw new NotFoundError();
    if (!(ACTIVE_BOOKING_STATUSES as readonly string[]).includes(row.status)) return;
    await tx.update(t.receptionBookings).set({ status: "cancelled", updatedAt: now.toISOString() }).where(eq(t.receptionBookings.id, row.id));
    const session = (await tx.select().from(t.receptionSessions).where(eq(t.receptionSessions.id, row.sessionId)))[0];
    await mailBooking(tx, "cancelled", row, session, now);
  });
  nudgeMailWorker();
}

/** A session's bookings for its unit's staff (names and phones: the viewing is audited). */
export async function sessionBookings(user: StaffUser, sessionId: number, now = new Date()) {
  return transaction(async (tx) => {
    const session = await sessionForStaff(tx, user, sessionId);
    const rows = await tx.select().from(t.receptionBookings).where(eq(t.receptionBookings.sessionId, session.id)).orderBy(t.receptionBookings.id);
    if (rows.length)
      await audit(
        { userId: user.id, action: "reception.bookings_viewed", targetType: "reception_session", targetId: session.id, details: { count: rows.length } },
        now,
      );
    return rows;
  });
}

/** Staff confirm, move or refuse a booking of their unit; the resident is mailed each time. */
export async function decideBooking(user: StaffUser, decision: BookingDecision, now = new Date()): Promise<{ sessionId: number }> {
  const result = await transaction(async (tx) => {
    const booking = (await tx.select().from(t.receptionBookings).where(eq(t.receptionBookings.id, decision.bookingId)))[0];
    if (!booking) throw new NotFoundError();
    const session = await sessionForStaff(tx, user, booking.sessionId);
    if (!(ACTIVE_BOOKING_STATUSES as readonly string[]).includes(booking.status)) throw new InvalidError("reception.error.bookingClosed");
    const at = now.toISOString();
    switch (decision.intent) {
      case "confirm":
        await tx.update(t.receptionBookings).set({ status: "confirmed", updatedAt: at }).where(eq(t.receptionBookings.id, booking.id));
        await mailBooking(tx, "confirmed", booking, session, now);
        break;
      case "refuse":
        await tx
          .update(t.receptionBookings)
          .set({ status: "refused", statusReason: decision.reason, updatedAt: at })
          .where(eq(t.receptionBookings.id, booking.id));
        await mailBookingClosed(tx, { ...booking, statusReason: decision.reason }, session, now);
        break;
      case "move": {
        const target = await bookableSession(tx, decision.toSessionId, now, "toSessionId");
        if (target.communeId !== session.communeId || target.id === session.id)
          throw new InvalidError("reception.error.session", { toSessionId: "reception.error.session" });
        await tx
          .update(t.receptionBookings)
          .set({ sessionId: target.id, status: "confirmed", reminderSentAt: null, updatedAt: at })
          .where(eq(t.receptionBookings.id, booking.id));
        await mailBooking(tx, "moved", booking, target, now);
        break;
      }
    }
    await audit(
      {
        userId: user.id,
        action: `reception.booking_${decision.intent}`,
        targetType: "reception_booking",
        targetId: booking.code,
        details: decision.intent === "move" ? { to: decision.toSessionId } : undefined,
      },
      now,
    );
    return { sessionId: session.id };
  });
  nudgeMailWorker();
  return result;
}

/** The daily job: residents with a place in tomorrow's sessions get a reminder, once. */
export async function sendBookingReminders(now = new Date()): Promise<number> {
  const tomorrow = addDays(vnDate(now), 1);
  const sent = await transaction(async (tx) => {
    const due = await tx
      .select({ booking: t.receptionBookings, session: t.receptionSessions })
      .from(t.receptionBookings)
      .innerJoin(t.receptionSessions, eq(t.receptionSessions.id, t.receptionBookings.sessionId))
      .where(
        and(
          eq(t.receptionSessions.date, tomorrow),
          eq(t.receptionSessions.status, "scheduled"),
          inArray(t.receptionBookings.status, [...ACTIVE_BOOKING_STATUSES]),
          isNull(t.receptionBookings.reminderSentAt),
          isNotNull(t.receptionBookings.email),
        ),
      );
    for (const { booking, session } of due) {
      await mailBooking(tx, "reminder", booking, session, now);
      await tx.update(t.receptionBookings).set({ reminderSentAt: now.toISOString() }).where(eq(t.receptionBookings.id, booking.id));
    }
    return due.length;
  });
  if (sent) nudgeMailWorker();
  return sent;
}
