// What administrators change: accounts, administrative units (with mergers), hamlets, categories, response
// templates and the holiday calendar. Every change is audited; reference caches are refreshed afterwards.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import * as t from "../../../db/schema";
import { firstStage } from "~/domain/deadlines";
import { InvalidError } from "~/domain/errors";
import type { DisclosureTypeCode } from "~/domain/disclosure";
import { vnDate } from "~/domain/dates";
import type { Role, StaffUser } from "~/domain/permissions";
import type { CaseKind } from "~/domain/filing";
import { cleanLongText, cleanSingleLine } from "~/domain/text";
import { audit } from "~/services/platform/audit.server";
import { createAccount, generatePassword } from "~/services/staff/accounts.server";
import { issuePasswordLink, normaliseEmail } from "~/services/staff/passwords.server";
import { revokeAllSessions } from "~/services/staff/sessions.server";
import { read, transaction } from "~/services/platform/database.server";
import { nudgeMailWorker } from "~/services/platform/mail.server";
import { invalidateReference, reference } from "~/services/reference/reference.server";
import { dueOnNow, eventClock } from "~/services/cases/handling.server";
import { OPEN_STATUSES } from "~/domain/case-workflow";

// ---------------------------------------------------------------- accounts

export async function listAccounts() {
  return await read()
    .select({
      id: t.users.id,
      email: t.users.email,
      fullName: t.users.fullName,
      role: t.users.role,
      communeId: t.users.communeId,
      disabledAt: t.users.disabledAt,
      totpEnabledAt: t.users.totpEnabledAt,
      lockedUntil: t.users.lockedUntil,
    })
    .from(t.users)
    .orderBy(asc(t.users.communeId), asc(t.users.role), asc(t.users.email));
}

/** Creates an account with an unusable random password and mails the person a link to choose their own. */
export async function inviteAccount(admin: StaffUser, input: { email: string; fullName: string; role: Role; communeId: string }, ip: string): Promise<void> {
  const email = normaliseEmail(input.email);
  if ((await read().select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)))[0]) throw new InvalidError("admin.error.emailTaken");
  if (!(await reference()).communes.some((c) => c.id === input.communeId)) throw new InvalidError("admin.error.unit");
  const id = await createAccount({ ...input, email, password: generatePassword() }, admin.id, ip);
  await transaction(async (tx) => issuePasswordLink(tx, { id, email }, "welcome", ip));
  nudgeMailWorker();
}

export async function updateAccount(admin: StaffUser, id: number, change: { role: Role; communeId: string; fullName: string }, ip: string): Promise<void> {
  if (!(await reference()).communes.some((c) => c.id === change.communeId)) throw new InvalidError("admin.error.unit");
  if (id === admin.id && change.role !== "admin") throw new InvalidError("admin.error.selfDemote");
  await transaction(async (tx) => {
    const before = (await tx.select().from(t.users).where(eq(t.users.id, id)))[0];
    if (!before) throw new InvalidError("admin.error.noAccount");
    await tx
      .update(t.users)
      .set({ role: change.role, communeId: change.communeId, fullName: cleanSingleLine(change.fullName) })
      .where(eq(t.users.id, id));
    // A changed role or unit takes effect at once: live sessions carry the old scope in people's heads, not in ours,
    // but ending them makes the person sign in to the new scope knowingly.
    if (before.role !== change.role || before.communeId !== change.communeId) await revokeAllSessions(id);
    await audit({
      userId: admin.id,
      action: "account.updated",
      targetType: "user",
      targetId: id,
      ip,
      details: { from: { role: before.role, communeId: before.communeId }, to: change },
    });
  });
}

export async function setAccountDisabled(admin: StaffUser, id: number, disabled: boolean, ip: string): Promise<void> {
  if (id === admin.id) throw new InvalidError("admin.error.selfDisable");
  await transaction(async (tx) => {
    const changed = await tx
      .update(t.users)
      .set({ disabledAt: disabled ? new Date().toISOString() : null, failedSignIns: 0, lockedUntil: null })
      .where(eq(t.users.id, id));
    if (changed.changes !== 1) throw new InvalidError("admin.error.noAccount");
    await audit({ userId: admin.id, action: disabled ? "account.disabled" : "account.enabled", targetType: "user", targetId: id, ip });
  });
  if (disabled) await revokeAllSessions(id);
}

/** For a lost phone: the person sets up a new authenticator at the next sign-in. */
export async function resetSecondFactor(admin: StaffUser, id: number, ip: string): Promise<void> {
  await transaction(async (tx) => {
    await tx.update(t.users).set({ totpSecret: null, totpEnabledAt: null, lastTotpStep: null }).where(eq(t.users.id, id));
    await audit({ userId: admin.id, action: "account.second_factor_reset", targetType: "user", targetId: id, ip });
  });
  await revokeAllSessions(id);
}

// ---------------------------------------------------------------- administrative units

export async function addUnit(
  admin: StaffUser,
  input: { id: string; name: string; level: "commune" | "town"; validFrom: string | null },
  ip: string,
): Promise<void> {
  if (!/^[a-z0-9-]{2,60}$/.test(input.id)) throw new InvalidError("admin.error.unitId");
  if ((await reference()).communes.some((c) => c.id === input.id)) throw new InvalidError("admin.error.unitTaken");
  const district = (await reference()).communes.find((c) => c.level === "district");
  await transaction(async (tx) => {
    await tx.insert(t.communes).values({
      id: input.id,
      name: cleanSingleLine(input.name),
      level: input.level,
      parentId: district?.id ?? null,
      validFrom: input.validFrom,
      sortOrder: 1000,
    });
    await audit({ userId: admin.id, action: "unit.added", targetType: "unit", targetId: input.id, ip, details: input });
  });
  invalidateReference();
}

/**
 * A merger: the unit ends on `validTo` and its successor takes over. Open cases handled by the old unit move to the
 * successor now, each with a public "transferred" event and a fresh first-stage time limit; closed ones keep
 * their history under the old name.
 */
export async function mergeUnit(admin: StaffUser, input: { id: string; successorId: string; validTo: string }, ip: string): Promise<number> {
  const ref = await reference();
  const unit = ref.communes.find((c) => c.id === input.id);
  const successor = ref.communes.find((c) => c.id === input.successorId);
  if (!unit || !successor || unit.id === successor.id || unit.level === "district" || successor.validTo) throw new InvalidError("admin.error.merge");
  const now = new Date();
  const nowIso = now.toISOString();
  const today = vnDate(now);
  let moved = 0;
  await transaction(async (tx) => {
    await tx.update(t.communes).set({ validTo: input.validTo, successorId: successor.id }).where(eq(t.communes.id, unit.id));
    const open = await tx
      .select()
      .from(t.cases)
      .where(and(eq(t.cases.communeId, unit.id), inArray(t.cases.status, [...OPEN_STATUSES])));
    for (const row of open) {
      const stage = row.status === "contested" ? row.stage : firstStage(ref.deadlineRules, row.kindCode, row.categoryCode);
      const next = { ...row, communeId: successor.id, stage, stageStartedOn: today, extensionDays: 0, pauses: [] as [string, string][] };
      await tx
        .update(t.cases)
        .set({
          communeId: successor.id,
          assigneeUserId: null,
          stage,
          stageStartedOn: today,
          extensionDays: 0,
          pauses: [],
          dueOn: dueOnNow(ref, next),
          updatedAt: nowIso,
        })
        .where(eq(t.cases.id, row.id));
      await tx.insert(t.caseEvents).values({
        caseId: row.id,
        type: "transferred",
        visibility: "public",
        actor: "system",
        actorUserId: admin.id,
        body: null,
        meta: { from: unit.id, to: successor.id, reason: "merger" },
        createdAt: nowIso,
        ...eventClock(row, "transferred", successor.id),
      });
      moved++;
    }
    await audit({ userId: admin.id, action: "unit.merged", targetType: "unit", targetId: unit.id, ip, details: { ...input, movedCases: moved } });
  });
  invalidateReference();
  return moved;
}

export async function addHamlet(admin: StaffUser, input: { communeId: string; name: string }, ip: string): Promise<void> {
  const name = cleanSingleLine(input.name);
  if (!name) throw new InvalidError("error.required");
  if (!(await reference()).communes.some((c) => c.id === input.communeId && c.level !== "district")) throw new InvalidError("admin.error.unit");
  try {
    await transaction(async (tx) => {
      await tx.insert(t.hamlets).values({ communeId: input.communeId, name, isDemo: false, sortOrder: 1000 });
      await audit({ userId: admin.id, action: "hamlet.added", targetType: "unit", targetId: input.communeId, ip, details: { name } });
    });
  } catch (error) {
    if (String(error).includes("UNIQUE")) throw new InvalidError("admin.error.hamletTaken");
    throw error;
  }
  invalidateReference();
}

// ---------------------------------------------------------------- categories and templates

export async function allCategories() {
  return await read().select().from(t.categories).orderBy(asc(t.categories.sortOrder));
}

export async function saveCategory(admin: StaffUser, input: { code: string; nameVi: string; nameEn: string; active: boolean }, ip: string): Promise<void> {
  if (!/^[a-z0-9_-]{2,40}$/.test(input.code)) throw new InvalidError("admin.error.categoryCode");
  await transaction(async (tx) => {
    const exists = (await tx.select({ code: t.categories.code }).from(t.categories).where(eq(t.categories.code, input.code)))[0];
    const values = { nameVi: cleanSingleLine(input.nameVi), nameEn: cleanSingleLine(input.nameEn), active: input.active };
    if (exists) await tx.update(t.categories).set(values).where(eq(t.categories.code, input.code));
    else await tx.insert(t.categories).values({ code: input.code, ...values, sortOrder: 1000 });
    await audit({
      userId: admin.id,
      action: exists ? "category.updated" : "category.added",
      targetType: "category",
      targetId: input.code,
      ip,
      details: values,
    });
  });
  invalidateReference();
}

export async function allDisclosureTypes() {
  return await read().select().from(t.disclosureTypes).orderBy(asc(t.disclosureTypes.sortOrder));
}

/**
 * Corrects a kind of disclosure's legal data: its minimum posting period, whether residents are consulted, and
 * whether the law requires household names in a plan table. The legal basis is required: it is what staff see.
 */
export async function saveDisclosureType(
  admin: StaffUser,
  input: {
    code: DisclosureTypeCode;
    minPostingDays: number;
    consultation: boolean;
    publishNames: boolean;
    source: string;
    /** The consultation's legal minimum and its basis; left as they are when not given. */
    minConsultationDays?: number;
    consultationSource?: string;
  },
  ip: string,
): Promise<void> {
  await transaction(async (tx) => {
    const exists = (await tx.select({ code: t.disclosureTypes.code }).from(t.disclosureTypes).where(eq(t.disclosureTypes.code, input.code)))[0];
    if (!exists) throw new InvalidError("disclosure.error.type");
    const values = {
      minPostingDays: input.minPostingDays,
      consultation: input.consultation,
      publishNames: input.publishNames,
      source: cleanSingleLine(input.source),
      ...(input.minConsultationDays !== undefined ? { minConsultationDays: input.minConsultationDays } : {}),
      ...(input.consultationSource !== undefined ? { consultationSource: cleanSingleLine(input.consultationSource) } : {}),
    };
    await tx.update(t.disclosureTypes).set(values).where(eq(t.disclosureTypes.code, input.code));
    await audit({ userId: admin.id, action: "disclosure_type.updated", targetType: "disclosure_type", targetId: input.code, ip, details: values });
  });
}

export async function allTemplates() {
  return await read().select().from(t.responseTemplates).orderBy(asc(t.responseTemplates.categoryCode), asc(t.responseTemplates.title));
}

export async function addTemplate(
  admin: StaffUser,
  input: { categoryCode: string | null; kindCode?: CaseKind | null; title: string; body: string },
  ip: string,
): Promise<void> {
  await transaction(async (tx) => {
    const id = (
      await tx
        .insert(t.responseTemplates)
        .values({ categoryCode: input.categoryCode, kindCode: input.kindCode ?? null, title: cleanSingleLine(input.title), body: cleanLongText(input.body) })
        .returning({ id: t.responseTemplates.id })
    )[0].id;
    await audit({ userId: admin.id, action: "template.added", targetType: "template", targetId: id, ip });
  });
}

export async function deleteTemplate(admin: StaffUser, id: number, ip: string): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(t.responseTemplates).where(eq(t.responseTemplates.id, id));
    await audit({ userId: admin.id, action: "template.deleted", targetType: "template", targetId: id, ip });
  });
}

// ---------------------------------------------------------------- holidays

export async function calendarYear(year: number) {
  const rows = await read().select().from(t.calendarDays).orderBy(asc(t.calendarDays.date));
  return rows.filter((r) => r.date.startsWith(`${year}-`));
}

export async function addCalendarDay(admin: StaffUser, input: { date: string; kind: "holiday" | "working_day"; name: string }, ip: string): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date))) throw new InvalidError("error.date");
  await transaction(async (tx) => {
    await tx
      .insert(t.calendarDays)
      .values({ date: input.date, kind: input.kind, name: cleanSingleLine(input.name) })
      .onConflictDoUpdate({ target: t.calendarDays.date, set: { kind: input.kind, name: cleanSingleLine(input.name) } });
    await audit({ userId: admin.id, action: "calendar.day_saved", targetType: "date", targetId: input.date, ip, details: input });
  });
  invalidateReference();
  await recomputeOpenDeadlines();
}

/** After the calendar changes, every running clock is recounted (a new holiday moves working-day deadlines). */
export async function recomputeOpenDeadlines(): Promise<number> {
  let changed = 0;
  await transaction(async (tx) => {
    const open = await tx
      .select()
      .from(t.cases)
      .where(and(inArray(t.cases.status, [...OPEN_STATUSES]), isNull(t.cases.pausedSince)));
    const ref = await reference();
    for (const row of open) {
      const dueOn = dueOnNow(ref, row);
      if (dueOn !== row.dueOn) {
        await tx.update(t.cases).set({ dueOn }).where(eq(t.cases.id, row.id));
        changed++;
      }
    }
  });
  return changed;
}

export async function removeCalendarDay(admin: StaffUser, date: string, ip: string): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(t.calendarDays).where(eq(t.calendarDays.date, date));
    await audit({ userId: admin.id, action: "calendar.day_removed", targetType: "date", targetId: date, ip });
  });
  invalidateReference();
  await recomputeOpenDeadlines();
}
