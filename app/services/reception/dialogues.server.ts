// Group cases and dialogue meetings. A case may carry its co-filers (count, names or households) and up to five
// representatives, who get the case's mail with the filer; five or more people make it a group case, which the
// district's reception page lists. A dialogue is scheduled (participants, mailed invitations and printable letters),
// then its minutes recorded (who came, who was absent and whether with a valid reason, what was said, agreed and
// disputed); the public timeline says a dialogue took place, with no names.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { formatDate, vnDate } from "~/domain/dates";
import { InvalidError, NotFoundError } from "~/domain/errors";
import type { StaffUser } from "~/domain/permissions";
import {
  canManageReception,
  continuesWithoutFiler,
  dialogueNoticeProblem,
  isGroup,
  receptionUnits,
  representativesAllowed,
  type DialogueRole,
} from "~/domain/reception";
import { attendanceOf, representativesOf, type DialogueInput, type GroupInput } from "~/domain/reception-forms";
import { translator } from "~/i18n";
import { authorise, loadCase } from "~/services/cases/access.server";
import { audit } from "~/services/platform/audit.server";
import { read, transaction, type Db, type Tx } from "~/services/platform/database.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { communeName, reference } from "~/services/reference/reference.server";

/** The case, if the user may see it and works on its unit's reception (unknown and out of scope look the same). */
async function caseForReception(db: Tx | Db, user: StaffUser, code: string) {
  const row = authorise(user, await loadCase(db, code), "view");
  if (!canManageReception(user, row.communeId)) throw new NotFoundError("error.caseNotFound");
  return row;
}

/** Records (or replaces) the group of a case, audited. */
export async function setGroup(user: StaffUser, code: string, input: GroupInput, now = new Date()): Promise<void> {
  const reps = representativesOf(input);
  const allowed = representativesAllowed(input.people);
  const max = isGroup(input.people) ? allowed.max : 0;
  if (input.people < 2) throw new InvalidError("reception.error.groupSize:500", { people: "reception.error.groupSize:500" });
  if (reps.length > max || reps.length < allowed.min)
    throw new InvalidError("reception.error.representatives", { repName1: `reception.error.representatives:${Math.max(max, 1)}` });
  await transaction(async (tx) => {
    const row = await caseForReception(tx, user, code);
    const at = now.toISOString();
    await tx
      .insert(t.caseGroups)
      .values({ caseId: row.id, people: input.people, coFilers: input.coFilers, updatedBy: user.id, updatedAt: at })
      .onConflictDoUpdate({ target: t.caseGroups.caseId, set: { people: input.people, coFilers: input.coFilers, updatedBy: user.id, updatedAt: at } });
    await tx.delete(t.caseRepresentatives).where(eq(t.caseRepresentatives.caseId, row.id));
    if (reps.length) await tx.insert(t.caseRepresentatives).values(reps.map((r) => ({ caseId: row.id, ...r })));
    await audit(
      { userId: user.id, action: "reception.group_set", targetType: "case", targetId: code, details: { people: input.people, representatives: reps.length } },
      now,
    );
  });
}

/** Group cases (five or more people) for the district's reception page: code, unit, people, status. */
export async function groupCases(user: StaffUser) {
  if (receptionUnits(user, DISTRICT_ID) !== null) return null;
  const rows = await read()
    .select({ code: t.cases.code, communeId: t.cases.communeId, status: t.cases.status, people: t.caseGroups.people, title: t.cases.title })
    .from(t.caseGroups)
    .innerJoin(t.cases, eq(t.cases.id, t.caseGroups.caseId))
    .orderBy(desc(t.caseGroups.updatedAt))
    .limit(200);
  const ref = await reference();
  return rows.filter((r) => isGroup(r.people)).map((r) => ({ ...r, communeName: communeName(ref, r.communeId) }));
}

/** Schedules a dialogue or records its minutes; one transaction, audited, mails queued with it. */
export async function changeDialogue(user: StaffUser, code: string, input: DialogueInput, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await caseForReception(tx, user, code);
    const tr = translator("vi");
    if (input.intent === "schedule") {
      const date = input.startsAt.slice(0, 10);
      const problem = dialogueNoticeProblem(vnDate(now), date);
      if (problem) throw new InvalidError(problem, { startsAt: problem });
      const contact = (await tx.select().from(t.caseContacts).where(eq(t.caseContacts.caseId, row.id)))[0];
      const reps = await tx.select().from(t.caseRepresentatives).where(eq(t.caseRepresentatives.caseId, row.id));
      const lines = (text: string) =>
        text
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean);
      const participants: { role: DialogueRole; name: string; email: string | null }[] = [
        { role: "filer", name: contact.fullName, email: contact.email },
        ...reps.map((r) => ({ role: "representative" as const, name: r.name, email: r.email })),
        ...lines(input.officials).map((name) => ({ role: "official" as const, name, email: null })),
        ...lines(input.concerned).map((name) => ({ role: "concerned" as const, name, email: null })),
        ...(input.front ? [{ role: "front" as const, name: input.front, email: null }] : []),
      ];
      if (participants.length > 30) throw new InvalidError("reception.error.participants", { officials: "reception.error.participants" });
      const dialogue = (
        await tx
          .insert(t.dialogues)
          .values({ caseId: row.id, communeId: row.communeId, startsAt: input.startsAt, place: input.place, createdBy: user.id, createdAt: now.toISOString() })
          .returning({ id: t.dialogues.id })
      )[0];
      await tx.insert(t.dialogueParticipants).values(participants.map((p) => ({ dialogueId: dialogue.id, ...p })));
      const unit = communeName(await reference(), row.communeId);
      for (const p of participants.filter((x) => x.email)) {
        await enqueueMail(
          tx,
          {
            to: p.email!,
            subject: tr("reception.mail.dialogue.subject", code, formatDate(date)),
            text: tr("reception.mail.dialogue.body", p.name, code, unit, formatDate(date), input.startsAt.slice(11), input.place),
            caseId: row.id,
          },
          now,
        );
      }
      await audit(
        {
          userId: user.id,
          action: "reception.dialogue_scheduled",
          targetType: "case",
          targetId: code,
          details: { dialogueId: dialogue.id, startsAt: input.startsAt },
        },
        now,
      );
      return;
    }
    const dialogue = (
      await tx
        .select()
        .from(t.dialogues)
        .where(and(eq(t.dialogues.id, input.dialogueId), eq(t.dialogues.caseId, row.id)))
    )[0];
    if (!dialogue) throw new NotFoundError();
    if (dialogue.status !== "scheduled") throw new InvalidError("reception.error.dialogueHeld");
    if (dialogue.startsAt.slice(0, 10) > vnDate(now)) throw new InvalidError("reception.error.dialogueNotYet", { content: "reception.error.dialogueNotYet" });
    const people = await tx.select().from(t.dialogueParticipants).where(eq(t.dialogueParticipants.dialogueId, dialogue.id));
    const attendance = attendanceOf(input as unknown as Record<string, unknown>);
    for (const p of people) {
      const a = attendance.get(p.id) ?? { attended: false, reason: "", valid: false };
      await tx
        .update(t.dialogueParticipants)
        .set({ attended: a.attended, absenceReason: a.attended ? null : a.reason || null, absenceValid: a.attended ? null : a.valid })
        .where(eq(t.dialogueParticipants.id, p.id));
    }
    const filer = people.find((p) => p.role === "filer");
    const filerAttendance = (filer && attendance.get(filer.id)) ?? { attended: false, valid: false };
    const continues = continuesWithoutFiler(dialogue.startsAt.slice(0, 10), filerAttendance.attended, filerAttendance.valid);
    await tx
      .update(t.dialogues)
      .set({
        status: "held",
        content: input.content,
        agreed: input.agreed,
        disputed: input.disputed,
        continuesWithoutFiler: continues,
        heldAt: now.toISOString(),
      })
      .where(eq(t.dialogues.id, dialogue.id));
    // The public timeline says that a dialogue took place, never who took part.
    await tx.insert(t.caseEvents).values({
      caseId: row.id,
      type: "dialogue_held",
      visibility: "public",
      actor: "official",
      actorUserId: user.id,
      meta: { dialogueId: dialogue.id },
      createdAt: now.toISOString(),
    });
    await audit(
      {
        userId: user.id,
        action: "reception.dialogue_minutes",
        targetType: "case",
        targetId: code,
        details: { dialogueId: dialogue.id, continuesWithoutFiler: continues },
      },
      now,
    );
  });
  nudgeMailWorker();
}

/** The case's reception page: its group, representatives and dialogues with participants. */
export async function caseReceptionPage(user: StaffUser, code: string) {
  const row = await caseForReception(read(), user, code);
  const group = (await read().select().from(t.caseGroups).where(eq(t.caseGroups.caseId, row.id)))[0] ?? null;
  const representatives = await read()
    .select()
    .from(t.caseRepresentatives)
    .where(eq(t.caseRepresentatives.caseId, row.id))
    .orderBy(asc(t.caseRepresentatives.id));
  const list = await read().select().from(t.dialogues).where(eq(t.dialogues.caseId, row.id)).orderBy(asc(t.dialogues.startsAt));
  const participants = list.length
    ? await read()
        .select()
        .from(t.dialogueParticipants)
        .where(
          inArray(
            t.dialogueParticipants.dialogueId,
            list.map((d) => d.id),
          ),
        )
        .orderBy(asc(t.dialogueParticipants.id))
    : [];
  return {
    case: { code: row.code, title: row.title, kind: row.kindCode, status: row.status, communeName: communeName(await reference(), row.communeId) },
    group,
    representatives,
    dialogues: list.map((d) => ({ ...d, participants: participants.filter((p) => p.dialogueId === d.id) })),
  };
}

/** One dialogue's invitation letters (printable), for the unit's staff. */
export async function dialogueLetters(user: StaffUser, dialogueId: number) {
  const dialogue = (await read().select().from(t.dialogues).where(eq(t.dialogues.id, dialogueId)))[0];
  if (!dialogue || !canManageReception(user, dialogue.communeId)) throw new NotFoundError();
  const row = (await read().select({ code: t.cases.code, title: t.cases.title }).from(t.cases).where(eq(t.cases.id, dialogue.caseId)))[0];
  const participants = await read()
    .select()
    .from(t.dialogueParticipants)
    .where(eq(t.dialogueParticipants.dialogueId, dialogue.id))
    .orderBy(asc(t.dialogueParticipants.id));
  return { dialogue, case: row, unitName: communeName(await reference(), dialogue.communeId), participants };
}
