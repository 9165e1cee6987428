// What each reader sees of a case: the public (no personal data, text only with consent) and the filer after a
// successful look-up (everything they sent and every public step).
import { and, asc, eq, inArray } from "drizzle-orm";
import * as t from "../../../db/schema";
import { contestOpen, contestUntil, isAnswered, isOpen } from "~/domain/case-workflow";
import { vnDate } from "~/domain/dates";
import { publicCaseText } from "~/domain/redaction";
import { normaliseTrackingCode } from "~/domain/tracking-code";
import { read } from "~/services/platform/database.server";
import { caseDisclosureLink } from "~/services/disclosures/links.server";
import { communeName, publishedContacts, reference } from "~/services/reference/reference.server";
import { identityColumns } from "./identity.server";

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
  const events = await read()
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
    .orderBy(asc(t.caseEvents.id));
  const files = withBodies
    ? await read()
        .select({
          id: t.attachments.id,
          eventId: t.attachments.eventId,
          displayName: t.attachments.displayName,
          mediaType: t.attachments.mediaType,
          sizeBytes: t.attachments.sizeBytes,
        })
        .from(t.attachments)
        .where(inArray(t.attachments.caseId, caseIds))
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
  const row = (
    await read()
      .select({ ...publicColumns, identity: identityColumns, disclosureId: t.cases.disclosureId, planRowNo: t.cases.planRowNo })
      .from(t.cases)
      .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
      .where(eq(t.cases.code, code))
  )[0];
  if (!row) return null;
  const ref = await reference();
  const { publishConsent, title, description, requestedOutcome, id, identity, disclosureId, planRowNo, ...rest } = row;
  // Consent publishes the text, never contact details inside it; a denunciation's text is never public.
  const content = publicCaseText(row, identity, publishedContacts(ref));
  return {
    ...rest,
    communeName: communeName(ref, row.communeId),
    content,
    withheldBecause: content ? null : row.kindCode === "denunciation" ? ("denunciation" as const) : ("no_consent" as const),
    disclosure: await caseDisclosureLink({ disclosureId, planRowNo }, "public"),
    timeline: ((await timeline([id], false)).get(id) ?? []).map(({ type, createdAt, id: eventId }) => ({ id: eventId, type, createdAt })),
  };
}

/** The filer's own view after a successful look-up: everything they sent and every public step. */
export async function residentCaseView(caseId: number) {
  const row = (
    await read()
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
  const steps = (
    await read().select({ stage: t.cases.stage, dueOn: t.cases.dueOn, answeredAt: t.cases.answeredAt }).from(t.cases).where(eq(t.cases.id, caseId))
  )[0];
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
    canRate: isAnswered(row.status) && !rating,
    canContest: contestOpen({ status: row.status, ...steps }, today),
    contestUntil: contestUntil(steps),
    canWithdraw: isOpen(row.status),
  };
}

export async function caseRating(caseId: number) {
  return (
    (await read().select({ score: t.caseRatings.score, comment: t.caseRatings.comment }).from(t.caseRatings).where(eq(t.caseRatings.caseId, caseId)))[0] ?? null
  );
}
