// Use cases of a resident's case: file it, look it up, read it (privately or publicly), answer a request.
// Each user action writes its change, its timeline event and its mail in one transaction.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { isOpen, nextStatus, type CaseStatus } from "~/domain/case-workflow";
import { addDays, formatDate, vnDate } from "~/domain/dates";
import { FIRST_STAGE, firstStageDueDate } from "~/domain/deadlines";
import type { FilingInput } from "~/domain/filing";
import { routeCase } from "~/domain/routing";
import { redactPersonalData } from "~/domain/redaction";
import { foldForSearch, phoneDigits } from "~/domain/text";
import { counterName, formatTrackingCode, normaliseTrackingCode } from "~/domain/tracking-code";
import { translator, type Language } from "~/i18n";
import { publicUrl } from "~/services/platform/config.server";
import { storeAttachments, type PreparedAttachment } from "./attachments.server";
import { read, transaction, type Tx, type Db } from "~/services/platform/database.server";
import { caseDisclosureLink, DisclosureLinkError, disclosureLinkErrors } from "~/services/disclosures/links.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { computeDueOn, mailResident } from "./staff-cases.server";
import { communeName, reference } from "~/services/reference/reference.server";
import { decrypt, encrypt, hmac, newAccessKey, normaliseAccessKey, safeEqual, sha256 } from "~/services/platform/secrets.server";
import { PUBLISHABLE_KINDS } from "~/services/transparency/transparency.server";


export interface FiledCase {
  caseId: number;
  code: string;
  receiptToken: string;
  duplicate: boolean;
}

/** The receipt link is derived from the form's idempotency key, so a resubmitted form lands on the same receipt. */
function receiptTokenFor(idempotencyKey: string): string {
  return hmac("receipt", idempotencyKey);
}

async function findByIdempotencyKey(tx: Tx | Db, key: string) {
  return (await tx.select({ id: t.cases.id, code: t.cases.code }).from(t.cases).where(eq(t.cases.idempotencyKey, key)))[0];
}

export async function fileCase(
  input: FilingInput,
  files: readonly PreparedAttachment[],
  options: { language: Language; now?: Date; location?: { latitude: number; longitude: number } },
): Promise<FiledCase> {
  const now = options.now ?? new Date();
  const receiptToken = receiptTokenFor(input.idempotencyKey);
  const earlier = await findByIdempotencyKey(read(), input.idempotencyKey);
  if (earlier) return { caseId: earlier.id, code: earlier.code, receiptToken, duplicate: true };

  const ref = await reference();
  const today = vnDate(now);
  const locationScope = input.commune === "multiple" || input.commune === "unknown" ? input.commune : "commune";
  const locationCommuneId = locationScope === "commune" ? input.commune : null;
  const routing = routeCase(
    { categoryCode: input.category, locationScope, locationCommuneId, projectLevel: input.projectLevel as never, on: today },
    ref.routingRules,
    ref.communes,
  );
  const acceptDueOn = firstStageDueDate(ref.deadlineRules, input.kind, input.category, today, ref.calendar);
  const accessKey = newAccessKey();
  const nowIso = now.toISOString();
  const confidential = ref.kinds.find((k) => k.code === input.kind)?.confidentialIdentity ?? false;

  // Files first, fsynced; the transaction then refers to them. If it fails, they are removed again.
  const removeFiles = await storeAttachments(files);
  let result: FiledCase;
  try {
    result = await transaction(async (tx) => {
      const again = await findByIdempotencyKey(tx, input.idempotencyKey);
      if (again) return { caseId: again.id, code: again.code, receiptToken, duplicate: true };
      // Checked again here: the plan may have been withdrawn or replaced since the form was checked.
      const linkErrors = await disclosureLinkErrors(input, tx);
      if (Object.keys(linkErrors).length) throw new DisclosureLinkError(linkErrors);

      const year = Number(today.slice(0, 4));
      const sequence = (await tx
        .insert(t.counters)
        .values({ name: counterName(year), value: 1 })
        .onConflictDoUpdate({ target: t.counters.name, set: { value: sql`${t.counters.value} + 1` } })
        .returning({ value: t.counters.value })
        )[0].value;
      const code = formatTrackingCode(year, sequence);

      const caseId = (await tx
        .insert(t.cases)
        .values({
          code,
          kindCode: input.kind,
          categoryCode: input.category,
          communeId: routing.communeId,
          locationCommuneId,
          locationScope,
          hamletId: input.hamletId,
          place: input.place,
          latitude: options.location?.latitude ?? null,
          longitude: options.location?.longitude ?? null,
          projectLevel: input.projectLevel,
          disclosureId: input.disclosureId,
          planRowNo: input.disclosureId === null ? null : input.planRowNo,
          title: input.title,
          description: input.description,
          requestedOutcome: input.requestedOutcome,
          status: "received",
          routingReason: routing.reason,
          publishConsent: input.publishConsent,
          searchText: foldForSearch(`${code} ${input.title} ${input.description}`),
          language: options.language,
          receivedAt: nowIso,
          acceptDueOn,
          dueOn: acceptDueOn,
          stage: FIRST_STAGE[input.kind],
          stageStartedOn: today,
          idempotencyKey: input.idempotencyKey,
          receiptTokenHash: sha256(receiptToken),
          accessKeyHash: sha256(accessKey),
          accessKeyEncrypted: encrypt("access-key", accessKey),
          updatedAt: nowIso,
        })
        .returning({ id: t.cases.id })
        )[0].id;

      const details: Record<string, string> = {};
      for (const field of ["complainedDecision", "complainedBody", "decisionKnownOn", "accusedPerson"] as const) {
        if (input[field]) details[field] = input[field];
      }
      await tx.insert(t.caseContacts)
        .values({
          caseId,
          fullName: input.fullName,
          phone: input.phone,
          phoneDigits: phoneDigits(input.phone),
          email: input.email,
          address: input.address,
          idNumber: input.idNumber || null,
          details,
          confidential,
          dataConsentAt: nowIso,
        })
        ;

      const eventId = (await tx
        .insert(t.caseEvents)
        .values({
          caseId,
          type: "filed",
          visibility: "public",
          actor: "resident",
          meta: { communeId: routing.communeId, routingReason: routing.reason },
          createdAt: nowIso,
        })
        .returning({ id: t.caseEvents.id })
        )[0].id;

      await insertAttachments(tx, caseId, eventId, files, "resident");

      if (input.email) {
        const tr = translator(options.language);
        await enqueueMail(
          tx,
          {
            to: input.email,
            // Never a name in a subject: a denouncer's identity stays out of mail headers.
            subject: tr("mail.filed.subject", code),
            text: tr(
              "mail.filed.body",
              code,
              communeName(ref, routing.communeId),
              formatDate(acceptDueOn),
              `${publicUrl()}/bien-nhan/${receiptToken}`,
              `${publicUrl()}/tra-cuu`,
            ),
            caseId,
          },
          now,
        );
      }
      return { caseId, code, receiptToken, duplicate: false };
    });
  } catch (error) {
    await removeFiles();
    throw error;
  }
  if (result.duplicate) await removeFiles();
  else nudgeMailWorker();
  return result;
}

async function insertAttachments(
  tx: Tx,
  caseId: number,
  eventId: number,
  files: readonly PreparedAttachment[],
  uploadedBy: "resident" | "official",
): Promise<void> {
  if (!files.length) return;
  await tx.insert(t.attachments)
    .values(
      files.map((f) => ({
        id: f.id,
        caseId,
        eventId,
        displayName: f.displayName,
        mediaType: f.mediaType,
        sizeBytes: f.bytes.length,
        sha256: f.sha256,
        latitude: f.latitude,
        longitude: f.longitude,
        uploadedBy,
      })),
    )
    ;
}

// ---------------------------------------------------------------- look-up

export type LookupCredentials =
  | { code: string; accessKey: string }
  | { code: string; phone: string }
  | { receiptToken: string };

/** The case id if the credentials open it; null otherwise (the caller gives one message for every failure). */
export async function verifyLookup(credentials: LookupCredentials): Promise<number | null> {
  if ("receiptToken" in credentials) {
    const row = (await read()
      .select({ id: t.cases.id })
      .from(t.cases)
      .where(eq(t.cases.receiptTokenHash, sha256(credentials.receiptToken)))
      )[0];
    return row?.id ?? null;
  }
  const code = normaliseTrackingCode(credentials.code);
  if (!code) return null;
  const row = (await read()
    .select({ id: t.cases.id, accessKeyHash: t.cases.accessKeyHash, phoneDigits: t.caseContacts.phoneDigits })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(eq(t.cases.code, code))
    )[0];
  if (!row) return null;
  if ("accessKey" in credentials) {
    return safeEqual(sha256(normaliseAccessKey(credentials.accessKey)), row.accessKeyHash) ? row.id : null;
  }
  const digits = phoneDigits(credentials.phone);
  return digits.length >= 9 && safeEqual(digits, row.phoneDigits) ? row.id : null;
}

export async function caseCode(caseId: number): Promise<string> {
  return (await read().select({ code: t.cases.code }).from(t.cases).where(eq(t.cases.id, caseId)))[0].code;
}

export async function caseIdByCode(codeInput: string): Promise<number | null> {
  const code = normaliseTrackingCode(codeInput);
  if (!code) return null;
  return (await read().select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.code, code)))[0]?.id ?? null;
}

// ---------------------------------------------------------------- views

const publicColumns = {
  id: t.cases.id,
  code: t.cases.code,
  kindCode: t.cases.kindCode,
  categoryCode: t.cases.categoryCode,
  communeId: t.cases.communeId,
  status: t.cases.status,
  receivedAt: t.cases.receivedAt,
  acceptDueOn: t.cases.acceptDueOn,
  updatedAt: t.cases.updatedAt,
  publishConsent: t.cases.publishConsent,
  title: t.cases.title,
  description: t.cases.description,
  requestedOutcome: t.cases.requestedOutcome,
};

export interface TimelineEntry {
  id: number;
  type: string;
  createdAt: string;
  body: string | null;
  actor: string;
  attachments: { id: string; displayName: string; mediaType: string; sizeBytes: number }[];
}

async function timeline(caseIds: number[], withBodies: boolean): Promise<Map<number, TimelineEntry[]>> {
  const events = (await read()
    .select({
      id: t.caseEvents.id,
      caseId: t.caseEvents.caseId,
      type: t.caseEvents.type,
      createdAt: t.caseEvents.createdAt,
      body: t.caseEvents.body,
      actor: t.caseEvents.actor,
    })
    .from(t.caseEvents)
    .where(and(inArray(t.caseEvents.caseId, caseIds), eq(t.caseEvents.visibility, "public")))
    .orderBy(asc(t.caseEvents.id))
    );
  const files = withBodies
    ? (await read()
        .select({
          id: t.attachments.id,
          eventId: t.attachments.eventId,
          displayName: t.attachments.displayName,
          mediaType: t.attachments.mediaType,
          sizeBytes: t.attachments.sizeBytes,
        })
        .from(t.attachments)
        .where(inArray(t.attachments.caseId, caseIds))
        )
    : [];
  const byCase = new Map<number, TimelineEntry[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId) ?? [];
    list.push({
      id: e.id,
      type: e.type,
      createdAt: e.createdAt,
      actor: e.actor,
      body: withBodies ? e.body : null,
      attachments: files.filter((f) => f.eventId === e.id).map(({ eventId: _, ...f }) => f),
    });
    byCase.set(e.caseId, list);
  }
  return byCase;
}

/** What anyone may see: no name, phone, email, address, ID, attachment, and no text unless the resident agreed. */
export async function publicCaseView(codeInput: string) {
  const code = normaliseTrackingCode(codeInput);
  if (!code) return null;
  const row = (await read()
    .select({ ...publicColumns, filerName: t.caseContacts.fullName, disclosureId: t.cases.disclosureId, planRowNo: t.cases.planRowNo })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(eq(t.cases.code, code))
    )[0];
  if (!row) return null;
  const ref = await reference();
  const { publishConsent, title, description, requestedOutcome, id, filerName, disclosureId, planRowNo, ...rest } = row;
  // Consent publishes the text, never contact details inside it; a denunciation's text is never public.
  const published = publishConsent && PUBLISHABLE_KINDS.includes(row.kindCode);
  const redact = (text: string) => redactPersonalData(text, [filerName]);
  return {
    ...rest,
    communeName: communeName(ref, row.communeId),
    content: published ? { title: redact(title), description: redact(description), requestedOutcome: redact(requestedOutcome) } : null,
    disclosure: await caseDisclosureLink({ disclosureId, planRowNo }, "public"),
    timeline: ((await timeline([id], false)).get(id) ?? []).map(({ type, createdAt, id: eventId }) => ({ id: eventId, type, createdAt })),
  };
}

/** The filer's own view after a successful look-up: everything they sent and every public step. */
export async function residentCaseView(caseId: number) {
  const row = (await read()
    .select({
      ...publicColumns,
      place: t.cases.place,
      hamletId: t.cases.hamletId,
      routingReason: t.cases.routingReason,
      disclosureId: t.cases.disclosureId,
      planRowNo: t.cases.planRowNo,
      fullName: t.caseContacts.fullName,
      phone: t.caseContacts.phone,
      email: t.caseContacts.email,
      address: t.caseContacts.address,
    })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(eq(t.cases.id, caseId))
    )[0];
  if (!row) return null;
  const ref = await reference();
  const events = (await timeline([caseId], true)).get(caseId) ?? [];
  const openRequest = row.status === "info_requested" ? [...events].reverse().find((e) => e.type === "info_requested") : undefined;
  const steps = (await read().select({ stage: t.cases.stage, dueOn: t.cases.dueOn, answeredAt: t.cases.answeredAt }).from(t.cases).where(eq(t.cases.id, caseId)))[0];
  const today = vnDate(new Date());
  const rating = await caseRating(caseId);
  return {
    ...row,
    communeName: communeName(ref, row.communeId),
    hamletName: ref.hamlets.find((h) => h.id === row.hamletId)?.name ?? null,
    disclosure: await caseDisclosureLink(row, "resident"),
    timeline: events,
    openInfoRequest: openRequest ? { body: openRequest.body, createdAt: openRequest.createdAt } : null,
    rating,
    canRate: (row.status === "answered" || row.status === "closed") && !rating,
    canContest: contestOpen({ status: row.status, ...steps }, today),
    contestUntil: steps.stage === "appeal_file" ? steps.dueOn : steps.answeredAt ? addDays(vnDate(new Date(steps.answeredAt)), 30) : null,
    canWithdraw: isOpen(row.status as CaseStatus),
  };
}

/** The receipt: shown to whoever holds the receipt link (the filer, right after filing, or from their mail). */
export async function receiptView(receiptToken: string) {
  const row = (await read()
    .select({
      id: t.cases.id,
      code: t.cases.code,
      kindCode: t.cases.kindCode,
      categoryCode: t.cases.categoryCode,
      communeId: t.cases.communeId,
      routingReason: t.cases.routingReason,
      receivedAt: t.cases.receivedAt,
      acceptDueOn: t.cases.acceptDueOn,
      accessKeyEncrypted: t.cases.accessKeyEncrypted,
      email: t.caseContacts.email,
    })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(eq(t.cases.receiptTokenHash, sha256(receiptToken)))
    )[0];
  if (!row) return null;
  const { accessKeyEncrypted, ...rest } = row;
  return { ...rest, communeName: communeName(await reference(), row.communeId), accessKey: decrypt("access-key", accessKeyEncrypted) };
}

export async function homeFigures() {
  const rows = (await read()
    .select({ status: t.cases.status, n: sql<number>`count(*)` })
    .from(t.cases)
    .groupBy(t.cases.status)
    );
  const count = (statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((a, r) => a + r.n, 0);
  return {
    received: rows.reduce((a, r) => a + r.n, 0),
    open: count(["received", "accepted", "in_progress", "info_requested", "contested"]),
    answered: count(["answered", "closed"]),
  };
}

// ---------------------------------------------------------------- information requests

/** A resident step that the case's state does not allow; the message is a catalogue key. */
export class CaseStateError extends Error {}

async function caseForUpdate(tx: Tx, caseId: number) {
  const row = (await tx
    .select({
      id: t.cases.id,
      code: t.cases.code,
      status: t.cases.status,
      statusBeforeInfoRequest: t.cases.statusBeforeInfoRequest,
      language: t.cases.language,
      email: t.caseContacts.email,
    })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(eq(t.cases.id, caseId))
    )[0];
  if (!row) throw new CaseStateError("case not found");
  return row;
}

/** The resident answers an information request with text and files; the case returns to where it was. */
export async function provideInformation(
  caseId: number,
  body: string,
  files: readonly PreparedAttachment[],
  idempotencyKey: string,
  now = new Date(),
): Promise<{ duplicate: boolean }> {
  const nowIso = now.toISOString();
  const removeFiles = await storeAttachments(files);
  try {
    const duplicate = await transaction(async (tx) => {
      const seen = (await tx.select({ id: t.caseEvents.id }).from(t.caseEvents).where(eq(t.caseEvents.idempotencyKey, idempotencyKey)))[0];
      if (seen) return true;
      const row = await caseForUpdate(tx, caseId);
      if (row.status !== "info_requested") throw new CaseStateError("not waiting for information");
      const status = nextStatus("info_requested", "provide_info", "resident", row.statusBeforeInfoRequest as CaseStatus | null);
      // The clock resumes: the days spent waiting for the resident do not count (domain.md §2).
      const full = (await tx.select().from(t.cases).where(eq(t.cases.id, caseId)))[0];
      const pauses = full.pausedSince ? [...full.pauses, [full.pausedSince, vnDate(now)] as [string, string]] : full.pauses;
      const dueOn = await computeDueOn({ ...full, pauses });
      await tx.update(t.cases).set({ status, statusBeforeInfoRequest: null, pausedSince: null, pauses, dueOn, updatedAt: nowIso }).where(eq(t.cases.id, caseId));
      const eventId = (await tx
        .insert(t.caseEvents)
        .values({ caseId, type: "info_provided", visibility: "public", actor: "resident", body, idempotencyKey, createdAt: nowIso })
        .returning({ id: t.caseEvents.id })
        )[0].id;
      await insertAttachments(tx, caseId, eventId, files, "resident");
      return false;
    });
    if (duplicate) await removeFiles();
    return { duplicate };
  } catch (error) {
    await removeFiles();
    throw error;
  }
}

// ---------------------------------------------------------------- the resident's own steps

export type ResidentStep =
  | { step: "rate"; score: number; comment: string }
  | { step: "contest"; reason: string }
  | { step: "withdraw"; reason: string };

/** Whether the resident may still take the answer to the district: within the appeal period after the answer. */
export function contestOpen(row: { status: string; stage: string; dueOn: string; answeredAt: string | null }, today: string): boolean {
  if (row.status !== "answered" && row.status !== "closed") return false;
  if (row.stage === "appeal_file") return row.dueOn >= today;
  // Kinds without a statutory appeal period: 30 days after the answer, as for complaints.
  return row.answeredAt !== null && addDays(vnDate(new Date(row.answeredAt)), 30) >= today;
}

/** Rating, contesting or withdrawing, by the filer (their browser holds the look-up grant). */
export async function residentStep(caseId: number, input: ResidentStep, now = new Date()): Promise<void> {
  const nowIso = now.toISOString();
  const today = vnDate(now);
  await transaction(async (tx) => {
    const row = (await tx.select().from(t.cases).where(eq(t.cases.id, caseId)))[0];
    if (!row) throw new CaseStateError("case not found");
    if (input.step === "rate") {
      if (row.status !== "answered" && row.status !== "closed") throw new CaseStateError("error.notAnswered");
      const existing = (await tx.select({ caseId: t.caseRatings.caseId }).from(t.caseRatings).where(eq(t.caseRatings.caseId, caseId)))[0];
      if (existing) throw new CaseStateError("error.alreadyRated");
      await tx.insert(t.caseRatings).values({ caseId, score: input.score, comment: input.comment || null, createdAt: nowIso });
      await tx.insert(t.caseEvents).values({ caseId, type: "rated", visibility: "internal", actor: "resident", body: input.comment || null, meta: { score: input.score }, createdAt: nowIso });
      return;
    }
    if (input.step === "contest") {
      if (!contestOpen(row, today)) throw new CaseStateError("error.contestClosed");
      const status = nextStatus(row.status as CaseStatus, "contest", "resident");
      const stage = "resolve_second";
      const next = { ...row, stage, stageStartedOn: today, extensionDays: 0, pauses: [] as [string, string][], complex: false };
      await tx.update(t.cases)
        .set({ status, communeId: DISTRICT_ID, assigneeUserId: null, stage, stageStartedOn: today, extensionDays: 0, pauses: [], complex: false, dueOn: await computeDueOn(next), closedAt: null, updatedAt: nowIso })
        .where(eq(t.cases.id, caseId))
        ;
      await tx.insert(t.caseEvents)
        .values({ caseId, type: "contested", visibility: "public", actor: "resident", body: input.reason, meta: { from: row.communeId, to: DISTRICT_ID }, createdAt: nowIso })
        ;
      // The resident's own step is acknowledged like every official one: a mail with the same transaction.
      await mailResident(tx, caseId, "contested", input.reason, now);
      return;
    }
    const status = nextStatus(row.status as CaseStatus, "withdraw", "resident");
    await tx.update(t.cases).set({ status, closedAt: nowIso, pausedSince: null, updatedAt: nowIso }).where(eq(t.cases.id, caseId));
    await tx.insert(t.caseEvents).values({ caseId, type: "withdrawn", visibility: "public", actor: "resident", body: input.reason || null, createdAt: nowIso });
    await mailResident(tx, caseId, "withdrawn", input.reason || null, now);
  });
  if (input.step !== "rate") nudgeMailWorker();
}

export async function caseRating(caseId: number) {
  return (await read().select({ score: t.caseRatings.score, comment: t.caseRatings.comment }).from(t.caseRatings).where(eq(t.caseRatings.caseId, caseId)))[0] ?? null;
}
