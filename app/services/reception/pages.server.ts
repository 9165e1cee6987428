// What the staff's reception pages load, each in one call: a session with its bookings and log.
import { DISTRICT_ID } from "../../../db/data/reference";
import { addDays, isIsoDate, vnDate } from "~/domain/dates";
import { NotFoundError } from "~/domain/errors";
import type { StaffUser } from "~/domain/permissions";
import { canManageReception, canReadReceptionLog, seesVisitorIdentity } from "~/domain/reception";
import { reference } from "~/services/reference/reference.server";
import { sessionBookings } from "./bookings.server";
import { logCsv, periodLog, sessionLog } from "./log.server";
import { moveTargets } from "./schedule.server";

/** A session's page: the log for anyone who may read it; bookings and the log form for the unit's staff. */
export async function sessionPage(user: StaffUser, sessionId: number) {
  if (!Number.isInteger(sessionId) || sessionId <= 0) throw new NotFoundError();
  const { session, log } = await sessionLog(user, sessionId);
  const canManage = canManageReception(user, session.communeId);
  return {
    session,
    log,
    canManage,
    seesIdentity: seesVisitorIdentity(user),
    bookings: canManage ? await sessionBookings(user, sessionId) : [],
    moveTargets: canManage ? await moveTargets(session) : [],
  };
}

/** The period asked for, or the current month; dates that do not read fall back to it, and a period is at most a year. */
function period(from: string | null, to: string | null, now: Date): { from: string; to: string } {
  const today = vnDate(now);
  const start = from && isIsoDate(from) ? from : `${today.slice(0, 7)}-01`;
  let end = to && isIsoDate(to) && to >= start ? to : today < start ? start : today;
  if (end > addDays(start, 366)) end = addDays(start, 366);
  return { from: start, to: end };
}

/** The units whose log the user may read: every unit for district accounts, else their own. */
async function readableUnits(user: StaffUser) {
  return (await reference()).communes.filter((c) => canReadReceptionLog(user, c.id, DISTRICT_ID)).map((c) => ({ id: c.id, name: c.name }));
}

export async function logPeriodPage(user: StaffUser, unitParam: string | null, from: string | null, to: string | null, now = new Date()) {
  const units = await readableUnits(user);
  const p = period(from, to, now);
  // Another unit's log looks the same as one that does not exist.
  if (unitParam && !units.some((u) => u.id === unitParam)) throw new NotFoundError();
  const unit = unitParam || (units.length === 1 ? units[0].id : null);
  return { units, unit, ...p, seesIdentity: seesVisitorIdentity(user), result: unit ? await periodLog(user, unit, p.from, p.to, now) : null };
}

export async function logPeriodCsv(user: StaffUser, unitParam: string | null, from: string | null, to: string | null, ip: string, now = new Date()) {
  const p = period(from, to, now);
  if (!unitParam || !canReadReceptionLog(user, unitParam, DISTRICT_ID)) throw new NotFoundError();
  return { csv: await logCsv(user, unitParam, p.from, p.to, ip, now), filename: `so-tiep-cong-dan-${unitParam}-${p.from}-${p.to}.csv` };
}
