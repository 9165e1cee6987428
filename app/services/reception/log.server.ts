// The reception log (sổ tiếp công dân, Decree 154/2026 Form 03/TCD): one entry per visit of a session, booked or
// walk-in, with the people apart from the entry. Staff of the unit read it whole; supervisors read it without the
// visitors' identities (the one redaction policy also clears names, ID numbers and phones typed into the content).
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { formatDate } from "~/domain/dates";
import { csvDocument } from "~/domain/csv";
import { InvalidError, NotFoundError } from "~/domain/errors";
import type { StaffUser } from "~/domain/permissions";
import { canReadReceptionLog, groupProblem, idNumberRequired, isGroup, outcomeProblems, seesVisitorIdentity } from "~/domain/reception";
import { visitorsOf, type VisitInput } from "~/domain/reception-forms";
import { REDACTED, redactPersonalData } from "~/domain/redaction";
import { translator } from "~/i18n";
import { audit } from "~/services/platform/audit.server";
import { transaction, type Db, type Tx } from "~/services/platform/database.server";
import { communeName, publishedContacts, reference } from "~/services/reference/reference.server";
import { sessionForStaff } from "./schedule.server";

/** Records one visit in a session's log, audited in the same transaction. */
export async function recordVisit(user: StaffUser, sessionId: number, input: VisitInput, now = new Date()): Promise<{ visitId: number }> {
  return transaction(async (tx) => {
    const session = await sessionForStaff(tx, user, sessionId);
    if (session.status === "cancelled") throw new InvalidError("reception.error.cancelled");
    const visitors = visitorsOf(input);
    const problems: Record<string, string> = {};
    const group = groupProblem(input.people, visitors.length);
    if (group) problems[group.startsWith("reception.error.people") ? "people" : "name1"] = group;
    visitors.forEach((v, i) => {
      if (!v.address) problems[`address${i + 1}`] = "reception.error.address";
      if (!v.idNumber && idNumberRequired(input.kind, session.date)) problems[`idNumber${i + 1}`] = "reception.error.idRequired";
    });
    Object.assign(
      problems,
      outcomeProblems(input.kind, input.outcome, { body: input.outcomeBody, reason: input.outcomeReason, caseCode: input.caseCode ?? "" }),
    );
    if (input.caseCode && !problems.caseCode) {
      const known = (await tx.select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.code, input.caseCode)))[0];
      if (!known) problems.caseCode = "reception.error.trackingCodeUnknown";
    }
    if (input.bookingId) {
      const booking = (await tx.select().from(t.receptionBookings).where(eq(t.receptionBookings.id, input.bookingId)))[0];
      if (!booking || booking.sessionId !== session.id) problems.bookingId = "reception.error.booking";
    }
    if (Object.keys(problems).length) throw new InvalidError("reception.error.visit", problems);
    const visit = (
      await tx
        .insert(t.receptionVisits)
        .values({
          sessionId: session.id,
          communeId: session.communeId,
          bookingId: input.bookingId,
          channel: input.bookingId ? "booked" : "walk_in",
          kindCode: input.kind,
          people: input.people,
          content: input.content,
          handledBefore: input.handledBefore,
          outcome: input.outcome,
          outcomeBody: input.outcomeBody || null,
          outcomeDocument: input.outcomeDocument || null,
          outcomeReason: input.outcomeReason || null,
          caseCode: input.caseCode,
          followUp: input.followUp,
          createdBy: user.id,
          createdAt: now.toISOString(),
        })
        .returning({ id: t.receptionVisits.id })
    )[0];
    await tx.insert(t.receptionVisitors).values(visitors.map((v) => ({ visitId: visit.id, ...v, isRepresentative: isGroup(input.people) })));
    await audit(
      {
        userId: user.id,
        action: "reception.visit_logged",
        targetType: "reception_visit",
        targetId: visit.id,
        details: { sessionId: session.id, kind: input.kind, outcome: input.outcome, people: input.people },
      },
      now,
    );
    return { visitId: visit.id };
  });
}

export interface LogEntry {
  id: number;
  no: number;
  sessionId: number;
  date: string;
  at: string;
  channel: "booked" | "walk_in";
  kind: (typeof t.receptionVisits.$inferSelect)["kindCode"];
  people: number;
  /** Names and addresses; for a reader who may not see identities, one REDACTED line per person. */
  visitors: { name: string; address: string; idNumber: string | null; isRepresentative: boolean }[];
  content: string;
  handledBefore: string;
  outcome: (typeof t.receptionVisits.$inferSelect)["outcome"];
  outcomeBody: string | null;
  outcomeDocument: string | null;
  outcomeReason: string | null;
  caseCode: string | null;
  followUp: string;
}

async function entries(db: Db | Tx, user: StaffUser, visits: (typeof t.receptionVisits.$inferSelect & { date: string })[]): Promise<LogEntry[]> {
  const people = visits.length
    ? await db
        .select()
        .from(t.receptionVisitors)
        .where(
          inArray(
            t.receptionVisitors.visitId,
            visits.map((v) => v.id),
          ),
        )
        .orderBy(asc(t.receptionVisitors.id))
    : [];
  const identities = seesVisitorIdentity(user);
  const contacts = publishedContacts(await reference());
  return visits.map((v, i) => {
    const mine = people.filter((p) => p.visitId === v.id);
    let content = v.content;
    if (!identities) {
      content = redactPersonalData(content, { contacts });
      for (const p of mine) content = redactPersonalData(content, { contacts, identity: { fullName: p.name, idNumber: p.idNumber ?? undefined } });
    }
    return {
      id: v.id,
      no: i + 1,
      sessionId: v.sessionId,
      date: v.date,
      at: v.createdAt,
      channel: v.channel,
      kind: v.kindCode,
      people: v.people,
      visitors: mine.map((p) =>
        identities
          ? { name: p.name, address: p.address, idNumber: p.idNumber, isRepresentative: p.isRepresentative }
          : { name: REDACTED, address: REDACTED, idNumber: null, isRepresentative: p.isRepresentative },
      ),
      content,
      handledBefore: v.handledBefore,
      outcome: v.outcome,
      outcomeBody: v.outcomeBody,
      outcomeDocument: v.outcomeDocument,
      outcomeReason: v.outcomeReason,
      caseCode: v.caseCode,
      followUp: v.followUp,
    };
  });
}

/** A session and its log, for those who may read it (others get "not found"); reading identities is audited. */
export async function sessionLog(user: StaffUser, sessionId: number, now = new Date()) {
  return transaction(async (tx) => {
    const session = (await tx.select().from(t.receptionSessions).where(eq(t.receptionSessions.id, sessionId)))[0];
    if (!session || !canReadReceptionLog(user, session.communeId, DISTRICT_ID)) throw new NotFoundError();
    const visits = await tx.select().from(t.receptionVisits).where(eq(t.receptionVisits.sessionId, session.id)).orderBy(asc(t.receptionVisits.id));
    const log = await entries(
      tx,
      user,
      visits.map((v) => ({ ...v, date: session.date })),
    );
    if (log.length && seesVisitorIdentity(user))
      await audit(
        { userId: user.id, action: "reception.log_viewed", targetType: "reception_session", targetId: session.id, details: { entries: log.length } },
        now,
      );
    return { session: { ...session, communeName: communeName(await reference(), session.communeId) }, log };
  });
}

/** The log of a unit over a period (dates inclusive), in the order visits were recorded. */
export async function periodLog(user: StaffUser, communeId: string, from: string, to: string, now = new Date()) {
  if (!canReadReceptionLog(user, communeId, DISTRICT_ID)) throw new NotFoundError();
  return transaction(async (tx) => {
    const visits = await tx
      .select({ visit: t.receptionVisits, date: t.receptionSessions.date })
      .from(t.receptionVisits)
      .innerJoin(t.receptionSessions, eq(t.receptionSessions.id, t.receptionVisits.sessionId))
      .where(and(eq(t.receptionVisits.communeId, communeId), gte(t.receptionSessions.date, from), lte(t.receptionSessions.date, to)))
      .orderBy(asc(t.receptionSessions.date), asc(t.receptionVisits.id))
      .limit(5_000);
    const log = await entries(
      tx,
      user,
      visits.map((v) => ({ ...v.visit, date: v.date })),
    );
    if (log.length && seesVisitorIdentity(user))
      await audit(
        { userId: user.id, action: "reception.log_viewed", targetType: "commune", targetId: communeId, details: { from, to, entries: log.length } },
        now,
      );
    return { communeName: communeName(await reference(), communeId), from, to, log };
  });
}

/** The twelve columns of Form 03/TCD, as CSV; every export is audited. */
export async function logCsv(user: StaffUser, communeId: string, from: string, to: string, ip: string, now = new Date()): Promise<string> {
  const { log } = await periodLog(user, communeId, from, to, now);
  const tr = translator("vi");
  const header = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => tr(`reception.log.col${n}` as Parameters<typeof tr>[0]));
  const lines = log.map((e) => [
    e.no,
    formatDate(e.date),
    e.visitors.map((v) => `${v.name}, ${v.address}`).join("; "),
    e.visitors
      .map((v) => v.idNumber ?? "")
      .filter(Boolean)
      .join("; "),
    e.content,
    tr(`kind.${e.kind}`),
    e.people,
    e.handledBefore,
    e.outcome === "new_case" || e.outcome === "added_to_case" ? `x ${e.caseCode ?? ""}`.trim() : "",
    e.outcome === "guided" ? [e.outcomeBody, e.outcomeDocument].filter(Boolean).join(", ") : "",
    e.outcome === "transferred" ? [e.outcomeBody, e.outcomeDocument].filter(Boolean).join(", ") : "",
    [e.outcome === "declined" ? `${tr("reception.outcome.declined")}: ${e.outcomeReason ?? ""}` : "", e.followUp].filter(Boolean).join(" — "),
  ]);
  await audit(
    { userId: user.id, action: "reception.log_exported", targetType: "commune", targetId: communeId, ip, details: { from, to, entries: log.length } },
    now,
  );
  return csvDocument([header, ...lines]);
}
