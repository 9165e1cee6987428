// Reading disclosures: the public list and page (documents, comments, what changed since the previous version),
// the staff list and page, the latest ones for the home page and the Atom feeds.
import { and, asc, count, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { DisclosureTypeCode } from "~/domain/disclosure";
import * as t from "../../../db/schema";
import { consultationOpen, consultationPeriodShown, consultationPhase, IN_FORCE_STATUSES, publicStatusLabel } from "~/domain/disclosure";
import { pageWindow } from "~/domain/paging";
import { canManageDisclosures, canReplyToComments, type StaffUser, disclosureScope } from "~/domain/permissions";
import { read } from "~/services/platform/database.server";
import { communeName, publishedContacts, reference } from "~/services/reference/reference.server";
import { publicAnswerText, publicCommentText } from "~/domain/redaction";
import { PUBLIC_STATUSES } from "~/domain/disclosure";
import { ForbiddenError } from "~/domain/errors";
import { load } from "./access.server";

// ---------------------------------------------------------------- reading

const publicColumns = {
  id: t.disclosures.id,
  slug: t.disclosures.slug,
  typeCode: t.disclosures.typeCode,
  communeId: t.disclosures.communeId,
  title: t.disclosures.title,
  summary: t.disclosures.summary,
  status: t.disclosures.status,
  statusReason: t.disclosures.statusReason,
  postingFrom: t.disclosures.postingFrom,
  postingTo: t.disclosures.postingTo,
  consultationFrom: t.disclosures.consultationFrom,
  consultationTo: t.disclosures.consultationTo,
  consultationClosedAt: t.disclosures.consultationClosedAt,
  publishedAt: t.disclosures.publishedAt,
  version: t.disclosures.version,
};

export const DISCLOSURE_PAGE_SIZE = 20;

export async function publicList(filters: { commune?: string; type?: DisclosureTypeCode; page?: number }, now = new Date()) {
  const where: SQL[] = [inArray(t.disclosures.status, PUBLIC_STATUSES)];
  if (filters.commune) where.push(eq(t.disclosures.communeId, filters.commune));
  if (filters.type) where.push(eq(t.disclosures.typeCode, filters.type));
  const page = Math.max(1, filters.page ?? 1);
  const rows = await read()
    .select(publicColumns)
    .from(t.disclosures)
    .where(and(...where))
    .orderBy(desc(t.disclosures.publishedAt))
    .limit(DISCLOSURE_PAGE_SIZE)
    .offset((page - 1) * DISCLOSURE_PAGE_SIZE);
  const total = (
    await read()
      .select({ n: count() })
      .from(t.disclosures)
      .where(and(...where))
  )[0].n;
  const ref = await reference();
  return {
    rows: rows.map((r) => ({ ...r, statusLabel: publicStatusLabel(r, now), communeName: communeName(ref, r.communeId) })),
    page,
    pages: Math.max(1, Math.ceil(total / DISCLOSURE_PAGE_SIZE)),
    total,
  };
}

/** One public disclosure with its documents and visible comments (hidden ones leave a trace and the reason). */
export async function publicDisclosure(slug: string, now = new Date(), commentPage = 1) {
  const row = (
    await read()
      .select()
      .from(t.disclosures)
      .where(and(eq(t.disclosures.slug, slug), inArray(t.disclosures.status, PUBLIC_STATUSES)))
  )[0];
  if (!row) return null;
  const ref = await reference();
  const contacts = publishedContacts(ref);
  const documents = await read()
    .select({ id: t.disclosureDocuments.id, displayName: t.disclosureDocuments.displayName, sizeBytes: t.disclosureDocuments.sizeBytes })
    .from(t.disclosureDocuments)
    .where(eq(t.disclosureDocuments.disclosureId, row.id));
  const { comments, ...commentPages } = await commentsPage(row.id, commentPage);
  const versions = await read()
    .select({ slug: t.disclosures.slug, version: t.disclosures.version, status: t.disclosures.status })
    .from(t.disclosures)
    .where(
      and(
        or(eq(t.disclosures.previousId, row.id), row.previousId ? eq(t.disclosures.id, row.previousId) : undefined),
        inArray(t.disclosures.status, PUBLIC_STATUSES),
      ),
    );
  const previous = row.previousId ? (await read().select().from(t.disclosures).where(eq(t.disclosures.id, row.previousId)))[0] : undefined;
  return {
    id: row.id,
    slug: row.slug,
    typeCode: row.typeCode,
    communeName: communeName(ref, row.communeId),
    title: row.title,
    summary: row.summary,
    body: row.body,
    keyFigures: row.keyFigures,
    status: row.status,
    /** What the public reads as the status, from the real dates (not "Đang niêm yết" once the posting is over). */
    statusLabel: publicStatusLabel(row, now),
    statusReason: row.statusReason,
    postingFrom: row.postingFrom,
    postingTo: row.postingTo,
    postingSignedOn: row.postingSignedOn,
    versionReason: row.versionReason,
    consultationFrom: row.consultationFrom,
    consultationTo: row.consultationTo,
    consultationPhase: consultationPhase(row, now),
    consultationPeriod: consultationPeriodShown(row),
    consultationCloseReason: row.consultationCloseReason,
    consultationSummary: row.consultationSummary,
    /** Every comment received, hidden ones included: the summary is shown beside this real count. */
    commentsReceived: commentPages.total,
    commentsOpen: consultationOpen(row, now),
    version: row.version,
    previousId: row.previousId,
    versions,
    changes: previous ? changesFrom(previous, row) : [],
    documents,
    commentPages,
    comments: comments.map((c) => {
      // The form promises the phone is never published, and the name only when the commenter chose to show it.
      const author = { fullName: c.showName ? null : c.authorName, phone: c.authorPhone };
      return {
        id: c.id,
        createdAt: c.createdAt,
        author: c.showName ? c.authorName : null,
        body: c.hiddenAt ? null : publicCommentText(c.body, author, contacts),
        hiddenReason: c.hiddenAt ? c.hiddenReason : null,
        reply: c.reply === null ? null : publicAnswerText(c.reply, author, contacts),
        repliedAt: c.repliedAt,
      };
    }),
  };
}

export const COMMENT_PAGE_SIZE = 50;

/** One page of a disclosure's comments, oldest first (as they were made), with the page count. */
async function commentsPage(disclosureId: number, page: number) {
  const total = (await read().select({ n: count() }).from(t.disclosureComments).where(eq(t.disclosureComments.disclosureId, disclosureId)))[0].n;
  const { page: current, pages, offset } = pageWindow(total, page, COMMENT_PAGE_SIZE);
  const comments = await read()
    .select()
    .from(t.disclosureComments)
    .where(eq(t.disclosureComments.disclosureId, disclosureId))
    .orderBy(asc(t.disclosureComments.id))
    .limit(COMMENT_PAGE_SIZE)
    .offset(offset);
  return { comments, page: current, pages, total };
}

/** What changed from the previous version, field by field, for the public to see. */
function changesFrom(previous: typeof t.disclosures.$inferSelect, current: typeof t.disclosures.$inferSelect) {
  const fields = ["title", "summary", "body"] as const;
  const changes: { field: string; before: string; after: string }[] = fields
    .filter((f) => previous[f] !== current[f])
    .map((f) => ({ field: f, before: previous[f], after: current[f] }));
  const figures = (list: { label: string; value: string }[]) => list.map((k) => `${k.label}: ${k.value}`).join("\n");
  if (figures(previous.keyFigures) !== figures(current.keyFigures))
    changes.push({ field: "keyFigures", before: figures(previous.keyFigures), after: figures(current.keyFigures) });
  return changes;
}

/** The staff view: every disclosure of the units the user manages, drafts included. */
export async function staffList(user: StaffUser, page = 1) {
  const ref = await reference();
  const scope = disclosureScope(user);
  const where = scope.all ? undefined : inArray(t.disclosures.communeId, [...scope.communeIds]);
  const total = (await read().select({ n: count() }).from(t.disclosures).where(where))[0].n;
  const { page: current, pages, offset } = pageWindow(total, page, DISCLOSURE_PAGE_SIZE);
  const rows = await read()
    .select({ ...publicColumns, createdBy: t.disclosures.createdBy })
    .from(t.disclosures)
    .where(where)
    .orderBy(desc(t.disclosures.id))
    .limit(DISCLOSURE_PAGE_SIZE)
    .offset(offset);
  return { rows: rows.map((r) => ({ ...r, communeName: communeName(ref, r.communeId) })), page: current, pages, total };
}

export async function staffDisclosure(user: StaffUser, id: number, commentPage = 1) {
  const row = await load(read(), id);
  if (!canManageDisclosures(user, row.communeId) && !canReplyToComments(user, row.communeId)) throw new ForbiddenError("disclosure.error.forbidden");
  const { comments, ...commentPages } = await commentsPage(id, commentPage);
  const documents = await read().select().from(t.disclosureDocuments).where(eq(t.disclosureDocuments.disclosureId, id));
  const type = (await read().select().from(t.disclosureTypes).where(eq(t.disclosureTypes.code, row.typeCode)))[0];
  return {
    disclosure: { ...row, communeName: communeName(await reference(), row.communeId) },
    comments,
    commentPages,
    documents,
    type,
    canManage: canManageDisclosures(user, row.communeId),
  };
}

export async function latestDisclosures(limit: number, now = new Date()) {
  const ref = await reference();
  return (
    await read()
      .select({
        slug: t.disclosures.slug,
        title: t.disclosures.title,
        typeCode: t.disclosures.typeCode,
        status: t.disclosures.status,
        communeId: t.disclosures.communeId,
        postingFrom: t.disclosures.postingFrom,
        postingTo: t.disclosures.postingTo,
        consultationFrom: t.disclosures.consultationFrom,
        consultationTo: t.disclosures.consultationTo,
        consultationClosedAt: t.disclosures.consultationClosedAt,
      })
      .from(t.disclosures)
      .where(inArray(t.disclosures.status, [...IN_FORCE_STATUSES]))
      .orderBy(desc(t.disclosures.publishedAt))
      .limit(limit)
  ).map(({ communeId, ...r }) => ({
    slug: r.slug,
    title: r.title,
    typeCode: r.typeCode,
    status: r.status,
    statusLabel: publicStatusLabel(r, now),
    communeName: communeName(ref, communeId),
  }));
}

/** Atom entries for a unit's disclosures (or all), newest first. */
export async function feedEntries(communeId: string | null) {
  const where = and(inArray(t.disclosures.status, PUBLIC_STATUSES), communeId ? eq(t.disclosures.communeId, communeId) : undefined);
  const ref = await reference();
  return (await read().select(publicColumns).from(t.disclosures).where(where).orderBy(desc(t.disclosures.publishedAt)).limit(50)).map((r) => ({
    ...r,
    communeName: communeName(ref, r.communeId),
  }));
}
