// Supervision use cases: a supervisor opens a supervision and issues recommendations to units, the unit answers, the
// supervisor concludes. Each action is one transaction with its audit record; scope and role are checked here.
import { and, desc, eq, inArray } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { SUPERVISION_RULES } from "../../../db/data/supervision";
import { vnDate } from "~/domain/dates";
import { ForbiddenError, InvalidError, NotFoundError } from "~/domain/errors";
import { canManageDisclosures, caseScope, inScope, type StaffUser } from "~/domain/permissions";
import {
  answeredLate,
  boardColumn,
  canAnswerRecommendation,
  canFileCritique,
  critiquesBlockPublishing,
  canReadRecommendation,
  canSupervise,
  nextState,
  recommendationCountdown,
  recommendationScope,
  responseDueOn,
  workingDaysLate,
} from "~/domain/supervision";
import type { OpenSupervisionForm, SupervisionActionForm } from "~/domain/supervision-forms";
import { audit } from "~/services/platform/audit.server";
import { read, transaction, type Tx } from "~/services/platform/database.server";
import { redactPersonalData } from "~/domain/redaction";
import { communeName, publishedContacts, reference } from "~/services/reference/reference.server";

export interface Actor {
  user: StaffUser;
  ip?: string;
}

/** The units a supervisor may address: their own commune, or every current unit for the district's. */
export async function supervisableUnits(user: StaffUser): Promise<{ id: string; name: string }[]> {
  const ref = await reference();
  return ref.communes.filter((c) => c.validTo == null && canSupervise(user, c.id, DISTRICT_ID)).map((c) => ({ id: c.id, name: c.name }));
}

/** May this user open supervisions at all (is there any unit they supervise)? */
export function isSupervisor(user: StaffUser): boolean {
  return user.role === "supervisor";
}

// ---------------------------------------------------------------- opening a supervision

export async function openSupervision(actor: Actor, form: OpenSupervisionForm, now = new Date()): Promise<number> {
  const { user } = actor;
  if (!isSupervisor(user)) throw new ForbiddenError();
  const scope = caseScope(user, DISTRICT_ID);
  return transaction(async (tx) => {
    if (form.caseCodes.length && (form.subjectKind === "case" || form.subjectKind === "cases")) {
      const found = await tx.select({ code: t.cases.code, communeId: t.cases.communeId }).from(t.cases).where(inArray(t.cases.code, form.caseCodes));
      const visible = new Set(found.filter((c) => inScope(scope, c.communeId)).map((c) => c.code));
      const missing = form.caseCodes.filter((c) => !visible.has(c));
      if (missing.length) throw new InvalidError("supervision.error.caseUnknown", { caseCodes: `supervision.error.caseUnknown:${missing.join(", ")}` });
    }
    let disclosureId: number | null = null;
    if (form.subjectKind === "disclosure") {
      const found = (
        await tx
          .select({ id: t.disclosures.id, communeId: t.disclosures.communeId })
          .from(t.disclosures)
          .where(eq(t.disclosures.id, Number(form.disclosureId)))
      )[0];
      if (!found || !inScope(scope, found.communeId)) throw new InvalidError("supervision.error.disclosure", { disclosureId: "supervision.error.disclosure" });
      disclosureId = found.id;
    }
    const [row] = await tx
      .insert(t.supervisions)
      .values({
        supervisorUnitId: user.communeId,
        openedBy: user.id,
        title: form.title,
        subjectKind: form.subjectKind,
        subjectText: form.subjectText || null,
        caseCodes: form.subjectKind === "case" || form.subjectKind === "cases" ? form.caseCodes : null,
        disclosureId,
        periodFrom: form.periodFrom,
        periodTo: form.periodTo,
        members: form.members,
        findings: form.findings || null,
        createdAt: now.toISOString(),
      })
      .returning({ id: t.supervisions.id });
    await audit(
      { userId: user.id, action: "supervision.opened", targetType: "supervision", targetId: row.id, ip: actor.ip, details: { subjectKind: form.subjectKind } },
      now,
    );
    return row.id;
  });
}

// ---------------------------------------------------------------- actions on a supervision

async function supervisionRow(id: number) {
  const row = (await read().select().from(t.supervisions).where(eq(t.supervisions.id, id)))[0];
  if (!row) throw new NotFoundError();
  return row;
}

/** Supervisors of the supervising unit (or the district's) act on it. */
function mayActAsSupervisor(user: StaffUser, supervision: { supervisorUnitId: string }): boolean {
  return canSupervise(user, supervision.supervisorUnitId, DISTRICT_ID);
}

export async function actOnSupervision(actor: Actor, supervisionId: number, form: SupervisionActionForm, now = new Date()): Promise<void> {
  const { user } = actor;
  const supervision = await supervisionRow(supervisionId);
  const ref = await reference();
  const today = vnDate(now);
  await transaction(async (tx) => {
    switch (form.intent) {
      case "findings": {
        if (!mayActAsSupervisor(user, supervision)) throw new ForbiddenError();
        await tx.update(t.supervisions).set({ findings: form.findings }).where(eq(t.supervisions.id, supervisionId));
        await audit({ userId: user.id, action: "supervision.findings", targetType: "supervision", targetId: supervisionId, ip: actor.ip }, now);
        return;
      }
      case "recommend": {
        if (!mayActAsSupervisor(user, supervision)) throw new ForbiddenError();
        const unit = ref.communes.find((c) => c.id === form.unitId && c.validTo == null);
        if (!unit || !canSupervise(user, unit.id, DISTRICT_ID)) throw new InvalidError("supervision.error.unit", { unitId: "supervision.error.unit" });
        const dueOn = responseDueOn(today, SUPERVISION_RULES, ref.calendar);
        const [row] = await tx
          .insert(t.supervisionRecommendations)
          .values({ supervisionId, unitId: unit.id, body: form.body, issuedOn: today, dueOn, createdAt: now.toISOString() })
          .returning({ id: t.supervisionRecommendations.id });
        await audit(
          {
            userId: user.id,
            action: "supervision.recommended",
            targetType: "recommendation",
            targetId: row.id,
            ip: actor.ip,
            details: { supervisionId, unitId: unit.id, dueOn },
          },
          now,
        );
        return;
      }
      case "critique": {
        if (!mayActAsSupervisor(user, supervision)) throw new ForbiddenError();
        const disclosure = supervision.disclosureId
          ? (await tx.select().from(t.disclosures).where(eq(t.disclosures.id, supervision.disclosureId)))[0]
          : undefined;
        if (!disclosure || !canFileCritique(user, disclosure, DISTRICT_ID)) throw new InvalidError("supervision.error.notInConsultation");
        const [row] = await tx
          .insert(t.disclosureCritiques)
          .values({ supervisionId, disclosureId: disclosure.id, body: form.critique, filedBy: user.id, filedAt: now.toISOString() })
          .returning({ id: t.disclosureCritiques.id });
        await audit(
          {
            userId: user.id,
            action: "supervision.critique_filed",
            targetType: "disclosure",
            targetId: disclosure.id,
            ip: actor.ip,
            details: { critiqueId: row.id },
          },
          now,
        );
        return;
      }
      case "answer_critique": {
        const critique = (
          await tx
            .select({
              id: t.disclosureCritiques.id,
              answer: t.disclosureCritiques.answer,
              disclosureId: t.disclosureCritiques.disclosureId,
              communeId: t.disclosures.communeId,
            })
            .from(t.disclosureCritiques)
            .innerJoin(t.disclosures, eq(t.disclosures.id, t.disclosureCritiques.disclosureId))
            .where(and(eq(t.disclosureCritiques.id, form.critiqueId), eq(t.disclosureCritiques.supervisionId, supervisionId)))
        )[0];
        if (!critique) throw new NotFoundError();
        if (!canManageDisclosures(user, critique.communeId)) throw new ForbiddenError();
        if (critique.answer) throw new InvalidError("supervision.error.alreadyAnswered");
        await tx
          .update(t.disclosureCritiques)
          .set({ answer: form.critiqueAnswer, answeredBy: user.id, answeredAt: now.toISOString() })
          .where(eq(t.disclosureCritiques.id, critique.id));
        await audit(
          {
            userId: user.id,
            action: "supervision.critique_answered",
            targetType: "disclosure",
            targetId: critique.disclosureId,
            ip: actor.ip,
            details: { critiqueId: critique.id },
          },
          now,
        );
        return;
      }
      case "answer":
      case "settle": {
        const rec = (
          await tx
            .select()
            .from(t.supervisionRecommendations)
            .where(and(eq(t.supervisionRecommendations.id, form.recommendationId), eq(t.supervisionRecommendations.supervisionId, supervisionId)))
        )[0];
        if (!rec || !canReadRecommendation(user, rec.unitId, DISTRICT_ID)) throw new NotFoundError();
        if (form.intent === "answer") {
          if (!canAnswerRecommendation(user, rec.unitId)) throw new ForbiddenError();
          const state = nextState(rec.state, "answer");
          if (!state) throw new InvalidError("supervision.error.alreadyAnswered");
          await tx
            .update(t.supervisionRecommendations)
            .set({
              state,
              response: form.response,
              responseReasons: form.reasons,
              responsePlan: form.plan || null,
              answeredBy: user.id,
              answeredAt: now.toISOString(),
              answeredOn: today,
            })
            .where(eq(t.supervisionRecommendations.id, rec.id));
          await audit(
            {
              userId: user.id,
              action: "supervision.answered",
              targetType: "recommendation",
              targetId: rec.id,
              ip: actor.ip,
              details: { response: form.response, late: answeredLate({ ...rec, answeredOn: today }) },
            },
            now,
          );
          return;
        }
        if (!mayActAsSupervisor(user, supervision)) throw new ForbiddenError();
        const state = nextState(rec.state, form.settled === "yes" ? "settle" : "not_settle");
        if (!state) throw new InvalidError("supervision.error.notAnswered");
        await tx
          .update(t.supervisionRecommendations)
          .set({ state, settledBy: user.id, settledAt: now.toISOString(), settleNote: form.note || null })
          .where(eq(t.supervisionRecommendations.id, rec.id));
        await audit(
          { userId: user.id, action: "supervision.concluded", targetType: "recommendation", targetId: rec.id, ip: actor.ip, details: { state } },
          now,
        );
        return;
      }
    }
  });
}

// ---------------------------------------------------------------- staff reading

function readsSupervision(user: StaffUser, supervision: { supervisorUnitId: string }, unitIds: readonly string[]): boolean {
  if (mayActAsSupervisor(user, supervision) || user.role === "district_staff") return true;
  return unitIds.some((u) => canReadRecommendation(user, u, DISTRICT_ID));
}

/** One supervision as a staff member may see it: only the recommendations they may read. */
export async function staffSupervision(user: StaffUser, id: number, now = new Date()) {
  const supervision = await supervisionRow(id);
  const ref = await reference();
  const today = vnDate(now);
  const recs = await read()
    .select()
    .from(t.supervisionRecommendations)
    .where(eq(t.supervisionRecommendations.supervisionId, id))
    .orderBy(t.supervisionRecommendations.id);
  const subject = supervision.disclosureId
    ? (
        await read()
          .select({ communeId: t.disclosures.communeId, status: t.disclosures.status })
          .from(t.disclosures)
          .where(eq(t.disclosures.id, supervision.disclosureId))
      )[0]
    : undefined;
  // The unit whose disclosure is criticised reads the supervision to answer the critique.
  const units = [...recs.map((r) => r.unitId), ...(subject && canManageDisclosures(user, subject.communeId) ? [subject.communeId] : [])];
  if (!readsSupervision(user, supervision, units)) throw new NotFoundError();
  const critiques = supervision.disclosureId
    ? await read().select().from(t.disclosureCritiques).where(eq(t.disclosureCritiques.supervisionId, id)).orderBy(t.disclosureCritiques.id)
    : [];
  const names = new Map(
    (
      await read()
        .select({ id: t.users.id, fullName: t.users.fullName })
        .from(t.users)
        .where(
          inArray(t.users.id, [
            supervision.openedBy,
            ...recs.flatMap((r) => [r.answeredBy ?? 0, r.settledBy ?? 0]),
            ...critiques.map((c) => c.answeredBy ?? 0),
          ]),
        )
    ).map((u) => [u.id, u.fullName]),
  );
  const disclosure = supervision.disclosureId
    ? (
        await read().select({ title: t.disclosures.title, slug: t.disclosures.slug }).from(t.disclosures).where(eq(t.disclosures.id, supervision.disclosureId))
      )[0]
    : null;
  const supervisor = mayActAsSupervisor(user, supervision);
  return {
    id: supervision.id,
    title: supervision.title,
    subjectKind: supervision.subjectKind,
    subjectText: supervision.subjectText,
    caseCodes: supervision.caseCodes ?? [],
    disclosure,
    periodFrom: supervision.periodFrom,
    periodTo: supervision.periodTo,
    members: supervision.members,
    findings: supervision.findings,
    supervisorUnit: communeName(ref, supervision.supervisorUnitId),
    openedBy: names.get(supervision.openedBy) ?? "",
    isSupervisor: supervisor,
    responseDays: SUPERVISION_RULES.response.length,
    mayCritique: subject ? canFileCritique(user, subject, DISTRICT_ID) && supervisor : false,
    critiques: critiques.map((c) => ({
      id: c.id,
      body: c.body,
      filedAt: c.filedAt,
      answer: c.answer,
      answeredBy: c.answeredBy ? (names.get(c.answeredBy) ?? "") : null,
      answeredAt: c.answeredAt,
      mayAnswer: !c.answer && subject != null && canManageDisclosures(user, subject.communeId),
    })),
    units: supervisor ? await supervisableUnits(user) : [],
    recommendations: recs
      .filter((r) => canReadRecommendation(user, r.unitId, DISTRICT_ID))
      .map((r) => ({
        id: r.id,
        unitName: communeName(ref, r.unitId),
        body: r.body,
        issuedOn: r.issuedOn,
        dueOn: r.dueOn,
        state: r.state,
        column: boardColumn(r, today),
        countdown: recommendationCountdown(r, today, ref.calendar),
        late: answeredLate(r),
        daysLate: workingDaysLate(r, today, ref.calendar),
        response: r.response,
        responseReasons: r.responseReasons,
        responsePlan: r.responsePlan,
        answeredBy: r.answeredBy ? (names.get(r.answeredBy) ?? "") : null,
        answeredOn: r.answeredOn,
        settleNote: r.settleNote,
        mayAnswer: r.state === "open" && canAnswerRecommendation(user, r.unitId),
        maySettle: r.state === "answered" && supervisor,
      })),
  };
}

/** The staff list: supervisions the user may read, newest first (bounded), with their recommendations' counts. */
export async function staffSupervisions(user: StaffUser, now = new Date()) {
  const ref = await reference();
  const today = vnDate(now);
  const sups = await read().select().from(t.supervisions).orderBy(desc(t.supervisions.createdAt)).limit(500);
  const recs = sups.length
    ? await read()
        .select({
          supervisionId: t.supervisionRecommendations.supervisionId,
          unitId: t.supervisionRecommendations.unitId,
          state: t.supervisionRecommendations.state,
          dueOn: t.supervisionRecommendations.dueOn,
          answeredOn: t.supervisionRecommendations.answeredOn,
        })
        .from(t.supervisionRecommendations)
        .where(
          inArray(
            t.supervisionRecommendations.supervisionId,
            sups.map((s) => s.id),
          ),
        )
    : [];
  return sups
    .map((s) => {
      const mine = recs.filter((r) => r.supervisionId === s.id);
      return { s, mine };
    })
    .filter(({ s, mine }) =>
      readsSupervision(
        user,
        s,
        mine.map((r) => r.unitId),
      ),
    )
    .slice(0, 100)
    .map(({ s, mine }) => {
      const readable = mine.filter((r) => canReadRecommendation(user, r.unitId, DISTRICT_ID));
      return {
        id: s.id,
        title: s.title,
        supervisorUnit: communeName(ref, s.supervisorUnitId),
        periodFrom: s.periodFrom,
        periodTo: s.periodTo,
        recommendations: readable.length,
        overdue: readable.filter((r) => boardColumn(r, today) === "overdue").length,
      };
    });
}

/** Open, overdue, answered and concluded recommendations per unit, for the units the user reads. */
export async function recommendationBoard(user: StaffUser, now = new Date()) {
  const ref = await reference();
  const today = vnDate(now);
  const scope = recommendationScope(user, DISTRICT_ID);
  if (!scope.all && !scope.unitIds.length) return [];
  const rows = await read()
    .select({
      unitId: t.supervisionRecommendations.unitId,
      state: t.supervisionRecommendations.state,
      dueOn: t.supervisionRecommendations.dueOn,
      answeredOn: t.supervisionRecommendations.answeredOn,
    })
    .from(t.supervisionRecommendations)
    .where(scope.all ? undefined : inArray(t.supervisionRecommendations.unitId, scope.unitIds));
  const byUnit = new Map<
    string,
    { unitId: string; unitName: string; open: number; overdue: number; answered: number; settled: number; notSettled: number; late: number }
  >();
  for (const r of rows) {
    const entry = byUnit.get(r.unitId) ?? {
      unitId: r.unitId,
      unitName: communeName(ref, r.unitId),
      open: 0,
      overdue: 0,
      answered: 0,
      settled: 0,
      notSettled: 0,
      late: 0,
    };
    const column = boardColumn(r, today);
    if (column === "overdue") entry.overdue++;
    else if (column === "open") entry.open++;
    else if (column === "answered") entry.answered++;
    else if (column === "settled") entry.settled++;
    else entry.notSettled++;
    if (answeredLate(r)) entry.late++;
    byUnit.set(r.unitId, entry);
  }
  return [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || a.unitName.localeCompare(b.unitName, "vi"));
}

// ---------------------------------------------------------------- social criticism and publishing

/** Refuses publishing the version after `consultedId` while a critique of it waits for the unit's answer. */
export async function checkCritiquesAnswered(tx: Tx, consultedId: number | null): Promise<void> {
  if (consultedId == null) return;
  const critiques = await tx
    .select({ answer: t.disclosureCritiques.answer })
    .from(t.disclosureCritiques)
    .where(eq(t.disclosureCritiques.disclosureId, consultedId));
  if (critiquesBlockPublishing(critiques)) throw new InvalidError("supervision.error.critiqueUnanswered");
}

/** The critiques of a disclosure (and of the versions before it) with the unit's answers, for its public page. */
export async function publicCritiques(disclosureIds: number[]) {
  if (!disclosureIds.length) return [];
  const ref = await reference();
  const contacts = publishedContacts(ref);
  const rows = await read()
    .select({
      id: t.disclosureCritiques.id,
      body: t.disclosureCritiques.body,
      filedAt: t.disclosureCritiques.filedAt,
      answer: t.disclosureCritiques.answer,
      answeredAt: t.disclosureCritiques.answeredAt,
      supervisorUnitId: t.supervisions.supervisorUnitId,
    })
    .from(t.disclosureCritiques)
    .innerJoin(t.supervisions, eq(t.supervisions.id, t.disclosureCritiques.supervisionId))
    .where(inArray(t.disclosureCritiques.disclosureId, disclosureIds))
    .orderBy(t.disclosureCritiques.id);
  return rows.map((r) => ({
    id: r.id,
    supervisor: communeName(ref, r.supervisorUnitId),
    body: redactPersonalData(r.body, { contacts }),
    filedAt: r.filedAt,
    answer: r.answer ? redactPersonalData(r.answer, { contacts }) : null,
    answeredAt: r.answeredAt,
  }));
}
