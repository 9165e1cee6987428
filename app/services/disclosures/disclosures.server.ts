// Public disclosures (dân biết) and consultations (dân bàn): a commune or the district publishes, residents read,
// comment while a consultation is open, and subscribe. Each action is one transaction with its audit record and
// its mail; commenters' phone numbers are never shown, their names only with consent.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import * as t from "../../../db/schema";
import {
  consultationOpen,
  consultationWindowProblem,
  disclosureSlug,
  DisclosureTransitionError,
  IN_FORCE_STATUSES,
  nextDisclosureStatus,
  postingProblem,
  type DisclosureStatus,
} from "~/domain/disclosure";
import { pageWindow } from "~/domain/paging";
import { hasPlanTable } from "~/domain/plan-table";
import { canManageDisclosures, canReplyToComments, type StaffUser } from "~/domain/permissions";
import { translator } from "~/i18n";
import { publicUrl } from "~/services/platform/config.server";
import { storeAttachments, type PreparedAttachment } from "~/services/cases/attachments.server";
import { audit } from "~/services/platform/audit.server";
import { read, transaction, type Tx, type Db } from "~/services/platform/database.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { communeName, reference } from "~/services/reference/reference.server";
import { copyPlanRows } from "./plan-table.server";
import { hmac, randomToken, sha256 } from "~/services/platform/secrets.server";


export class DisclosureError extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey);
  }
}

export const PUBLIC_STATUSES: DisclosureStatus[] = ["published", "consultation_open", "consultation_closed", "superseded", "withdrawn"];

async function load(tx: Tx | Db, id: number) {
  const row = (await tx.select().from(t.disclosures).where(eq(t.disclosures.id, id)))[0];
  if (!row) throw new DisclosureError("disclosure.error.notFound");
  return row;
}

function authoriseManage(user: StaffUser, communeId: string): void {
  if (!canManageDisclosures(user, communeId)) throw new DisclosureError("disclosure.error.forbidden");
}

async function types() {
  return (await read().select().from(t.disclosureTypes).orderBy(asc(t.disclosureTypes.sortOrder)));
}

export function disclosureTypes() {
  return types();
}

// ---------------------------------------------------------------- drafting and publishing

export interface DraftInput {
  typeCode: string;
  communeId: string;
  title: string;
  summary: string;
  body: string;
  keyFigures: { label: string; value: string }[];
}

export async function createDraft(user: StaffUser, input: DraftInput, ip: string, now = new Date()): Promise<number> {
  authoriseManage(user, input.communeId);
  if (!(await types()).some((ty) => ty.code === input.typeCode)) throw new DisclosureError("disclosure.error.type");
  if (!(await reference()).communes.some((c) => c.id === input.communeId)) throw new DisclosureError("admin.error.unit");
  const nowIso = now.toISOString();
  return transaction(async (tx) => {
    const id = (await tx
      .insert(t.disclosures)
      .values({ ...input, slug: `nhap-${randomToken(8)}`, status: "draft", createdBy: user.id, updatedAt: nowIso })
      .returning({ id: t.disclosures.id })
      )[0].id;
    await tx.update(t.disclosures).set({ slug: disclosureSlug(input.title, id) }).where(eq(t.disclosures.id, id));
    await audit({ userId: user.id, action: "disclosure.drafted", targetType: "disclosure", targetId: id, ip }, now);
    return id;
  });
}

export async function updateDraft(user: StaffUser, id: number, input: Omit<DraftInput, "communeId" | "typeCode">, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    if (row.status !== "draft") throw new DisclosureError("disclosure.error.notDraft");
    await tx.update(t.disclosures).set({ ...input, slug: disclosureSlug(input.title, id), updatedAt: now.toISOString() }).where(eq(t.disclosures.id, id));
    await audit({ userId: user.id, action: "disclosure.edited", targetType: "disclosure", targetId: id, ip }, now);
  });
}

/** Publishes with a posting period of at least the legal minimum; subscribers are mailed; a new version supersedes. */
export async function publish(user: StaffUser, id: number, posting: { from: string; to: string }, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    const type = (await tx.select().from(t.disclosureTypes).where(eq(t.disclosureTypes.code, row.typeCode)))[0];
    const problem = postingProblem(posting.from, posting.to, type.minPostingDays);
    if (problem) throw new DisclosureError(problem);
    if (hasPlanTable(row.typeCode) && !(await tx.select({ id: t.planRows.id }).from(t.planRows).where(eq(t.planRows.disclosureId, id)).limit(1))[0]) {
      throw new DisclosureError("plan.error.noRows");
    }
    const status = transition(row.status, "publish");
    const nowIso = now.toISOString();
    await tx.update(t.disclosures).set({ status, postingFrom: posting.from, postingTo: posting.to, publishedAt: nowIso, updatedAt: nowIso }).where(eq(t.disclosures.id, id));
    if (row.previousId) {
      const previous = await load(tx, row.previousId);
      await tx.update(t.disclosures)
        .set({ status: transition(previous.status, "supersede"), statusReason: `v${row.version}`, updatedAt: nowIso })
        .where(eq(t.disclosures.id, previous.id))
        ;
    }
    await mailSubscribers(tx, { ...row, status }, now);
    await audit({ userId: user.id, action: "disclosure.published", targetType: "disclosure", targetId: id, ip, details: posting }, now);
  });
  nudgeMailWorker();
}

function transition(status: string, action: Parameters<typeof nextDisclosureStatus>[1]): DisclosureStatus {
  try {
    return nextDisclosureStatus(status as DisclosureStatus, action);
  } catch (error) {
    if (error instanceof DisclosureTransitionError) throw new DisclosureError("error.actionNotAllowed");
    throw error;
  }
}

/** Opens comments for a window inside the posting period; they close exactly at its end (Vietnam time). */
export async function openConsultation(user: StaffUser, id: number, window: { from: string; to: string }, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    const type = (await tx.select().from(t.disclosureTypes).where(eq(t.disclosureTypes.code, row.typeCode)))[0];
    if (!type.consultation) throw new DisclosureError("disclosure.error.noConsultation");
    const problem = consultationWindowProblem({ from: row.postingFrom ?? "", to: row.postingTo ?? "" }, window);
    if (problem) throw new DisclosureError(problem);
    const status = transition(row.status, "open_consultation");
    await tx.update(t.disclosures).set({ status, consultationFrom: window.from, consultationTo: window.to, updatedAt: now.toISOString() }).where(eq(t.disclosures.id, id));
    await audit({ userId: user.id, action: "disclosure.consultation_opened", targetType: "disclosure", targetId: id, ip, details: window }, now);
  });
}

/** Closes the consultation and publishes the summary of comments and how they were taken into account. */
export async function closeConsultation(user: StaffUser, id: number, summary: string, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    const status = transition(row.status, "close_consultation");
    const nowIso = now.toISOString();
    // Closing early ends the window now; closing after it keeps the announced end.
    const end = row.consultationTo && Date.parse(row.consultationTo) < now.getTime() ? row.consultationTo : nowIso;
    await tx.update(t.disclosures).set({ status, consultationSummary: summary, consultationTo: end, updatedAt: nowIso }).where(eq(t.disclosures.id, id));
    await audit({ userId: user.id, action: "disclosure.consultation_closed", targetType: "disclosure", targetId: id, ip }, now);
  });
}

export async function withdraw(user: StaffUser, id: number, reason: string, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    const status = transition(row.status, "withdraw");
    await tx.update(t.disclosures).set({ status, statusReason: reason, updatedAt: now.toISOString() }).where(eq(t.disclosures.id, id));
    await audit({ userId: user.id, action: "disclosure.withdrawn", targetType: "disclosure", targetId: id, ip, details: { reason } }, now);
  });
}

/** A changed plan is a new version: a draft copy that supersedes the published one when it is published. */
export function newVersion(user: StaffUser, id: number, ip: string, now = new Date()): Promise<number> {
  return transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    transition(row.status, "supersede");
    const pending = (await tx.select({ id: t.disclosures.id }).from(t.disclosures).where(and(eq(t.disclosures.previousId, id), eq(t.disclosures.status, "draft"))))[0];
    if (pending) return pending.id;
    const nowIso = now.toISOString();
    const copy = (await tx
      .insert(t.disclosures)
      .values({
        slug: `nhap-${randomToken(8)}`,
        typeCode: row.typeCode,
        communeId: row.communeId,
        title: row.title,
        summary: row.summary,
        body: row.body,
        keyFigures: row.keyFigures,
        status: "draft",
        version: row.version + 1,
        previousId: row.id,
        createdBy: user.id,
        updatedAt: nowIso,
      })
      .returning({ id: t.disclosures.id })
      )[0].id;
    await tx.update(t.disclosures).set({ slug: disclosureSlug(row.title, copy) }).where(eq(t.disclosures.id, copy));
    await copyPlanRows(tx, row.id, copy);
    await audit({ userId: user.id, action: "disclosure.new_version", targetType: "disclosure", targetId: copy, ip, details: { previous: id } }, now);
    return copy;
  });
}

/** Documents (PDF, images) of a disclosure; files are checked and re-encoded like residents' attachments. */
export async function addDocuments(user: StaffUser, id: number, files: readonly PreparedAttachment[], ip: string, now = new Date()): Promise<void> {
  const row = await load(read(), id);
  authoriseManage(user, row.communeId);
  const remove = await storeAttachments(files);
  try {
    await transaction(async (tx) => {
      await tx.insert(t.disclosureDocuments)
        .values(files.map((f) => ({ id: f.id, disclosureId: id, displayName: f.displayName, mediaType: f.mediaType, sizeBytes: f.bytes.length, sha256: f.sha256 })))
        ;
      await audit({ userId: user.id, action: "disclosure.documents_added", targetType: "disclosure", targetId: id, ip, details: { files: files.length } }, now);
    });
  } catch (error) {
    await remove();
    throw error;
  }
}

/** A document of a disclosure the public may see (never of a draft). */
export async function publicDocument(documentId: string) {
  return (await read()
    .select({ id: t.disclosureDocuments.id, displayName: t.disclosureDocuments.displayName, mediaType: t.disclosureDocuments.mediaType })
    .from(t.disclosureDocuments)
    .innerJoin(t.disclosures, eq(t.disclosures.id, t.disclosureDocuments.disclosureId))
    .where(and(eq(t.disclosureDocuments.id, documentId), inArray(t.disclosures.status, PUBLIC_STATUSES)))
    )[0];
}

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
  publishedAt: t.disclosures.publishedAt,
  version: t.disclosures.version,
};

export const DISCLOSURE_PAGE_SIZE = 20;

export async function publicList(filters: { commune?: string; type?: string; page?: number }) {
  const where: SQL[] = [inArray(t.disclosures.status, PUBLIC_STATUSES)];
  if (filters.commune) where.push(eq(t.disclosures.communeId, filters.commune));
  if (filters.type) where.push(eq(t.disclosures.typeCode, filters.type));
  const page = Math.max(1, filters.page ?? 1);
  const rows = (await read()
    .select(publicColumns)
    .from(t.disclosures)
    .where(and(...where))
    .orderBy(desc(t.disclosures.publishedAt))
    .limit(DISCLOSURE_PAGE_SIZE)
    .offset((page - 1) * DISCLOSURE_PAGE_SIZE)
    );
  const total = (await read().select({ n: count() }).from(t.disclosures).where(and(...where)))[0].n;
  const ref = await reference();
  return { rows: rows.map((r) => ({ ...r, communeName: communeName(ref, r.communeId) })), page, pages: Math.max(1, Math.ceil(total / DISCLOSURE_PAGE_SIZE)), total };
}

/** One public disclosure with its documents and visible comments (hidden ones leave a trace and the reason). */
export async function publicDisclosure(slug: string, now = new Date(), commentPage = 1) {
  const row = (await read().select().from(t.disclosures).where(and(eq(t.disclosures.slug, slug), inArray(t.disclosures.status, PUBLIC_STATUSES))))[0];
  if (!row) return null;
  const ref = await reference();
  const documents = (await read().select({ id: t.disclosureDocuments.id, displayName: t.disclosureDocuments.displayName, sizeBytes: t.disclosureDocuments.sizeBytes }).from(t.disclosureDocuments).where(eq(t.disclosureDocuments.disclosureId, row.id)));
  const { comments, ...commentPages } = await commentsPage(row.id, commentPage);
  const versions = (await read()
    .select({ slug: t.disclosures.slug, version: t.disclosures.version, status: t.disclosures.status })
    .from(t.disclosures)
    .where(and(or(eq(t.disclosures.previousId, row.id), row.previousId ? eq(t.disclosures.id, row.previousId) : undefined), inArray(t.disclosures.status, PUBLIC_STATUSES)))
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
    statusReason: row.statusReason,
    postingFrom: row.postingFrom,
    postingTo: row.postingTo,
    consultationFrom: row.consultationFrom,
    consultationTo: row.consultationTo,
    consultationSummary: row.consultationSummary,
    commentsOpen: consultationOpen(row, now),
    version: row.version,
    previousId: row.previousId,
    versions,
    changes: previous ? changesFrom(previous, row) : [],
    documents,
    commentPages,
    comments: comments.map((c) => ({
      id: c.id,
      createdAt: c.createdAt,
      author: c.showName ? c.authorName : null,
      body: c.hiddenAt ? null : c.body,
      hiddenReason: c.hiddenAt ? c.hiddenReason : null,
      reply: c.reply,
      repliedAt: c.repliedAt,
    })),
  };
}

export const COMMENT_PAGE_SIZE = 50;

/** One page of a disclosure's comments, oldest first (as they were made), with the page count. */
async function commentsPage(disclosureId: number, page: number) {
  const total = (await read().select({ n: count() }).from(t.disclosureComments).where(eq(t.disclosureComments.disclosureId, disclosureId)))[0].n;
  const { page: current, pages, offset } = pageWindow(total, page, COMMENT_PAGE_SIZE);
  const comments = (await read()
    .select()
    .from(t.disclosureComments)
    .where(eq(t.disclosureComments.disclosureId, disclosureId))
    .orderBy(asc(t.disclosureComments.id))
    .limit(COMMENT_PAGE_SIZE)
    .offset(offset)
    );
  return { comments, page: current, pages, total };
}

/** What changed from the previous version, field by field, for the public to see. */
function changesFrom(previous: typeof t.disclosures.$inferSelect, current: typeof t.disclosures.$inferSelect) {
  const fields = ["title", "summary", "body"] as const;
  const changes: { field: string; before: string; after: string }[] = fields
    .filter((f) => previous[f] !== current[f])
    .map((f) => ({ field: f, before: previous[f], after: current[f] }));
  const figures = (list: { label: string; value: string }[]) => list.map((k) => `${k.label}: ${k.value}`).join("\n");
  if (figures(previous.keyFigures) !== figures(current.keyFigures)) changes.push({ field: "keyFigures", before: figures(previous.keyFigures), after: figures(current.keyFigures) });
  return changes;
}

/** The staff view: every disclosure of the units the user manages, drafts included. */
export async function staffList(user: StaffUser, page = 1) {
  const ref = await reference();
  const where = user.role === "district_staff" ? undefined : eq(t.disclosures.communeId, user.communeId);
  const total = (await read().select({ n: count() }).from(t.disclosures).where(where))[0].n;
  const { page: current, pages, offset } = pageWindow(total, page, DISCLOSURE_PAGE_SIZE);
  const rows = (await read()
    .select({ ...publicColumns, createdBy: t.disclosures.createdBy })
    .from(t.disclosures)
    .where(where)
    .orderBy(desc(t.disclosures.id))
    .limit(DISCLOSURE_PAGE_SIZE)
    .offset(offset)
    );
  return { rows: rows.map((r) => ({ ...r, communeName: communeName(ref, r.communeId) })), page: current, pages, total };
}

export async function staffDisclosure(user: StaffUser, id: number, commentPage = 1) {
  const row = await load(read(), id);
  if (!canManageDisclosures(user, row.communeId) && !canReplyToComments(user, row.communeId)) throw new DisclosureError("disclosure.error.forbidden");
  const { comments, ...commentPages } = await commentsPage(id, commentPage);
  const documents = (await read().select().from(t.disclosureDocuments).where(eq(t.disclosureDocuments.disclosureId, id)));
  const type = (await read().select().from(t.disclosureTypes).where(eq(t.disclosureTypes.code, row.typeCode)))[0];
  return { disclosure: { ...row, communeName: communeName(await reference(), row.communeId) }, comments, commentPages, documents, type, canManage: canManageDisclosures(user, row.communeId) };
}

// ---------------------------------------------------------------- comments

export interface CommentInput {
  body: string;
  authorName: string;
  authorPhone: string;
  showName: boolean;
  idempotencyKey: string;
}

/** A resident's comment, accepted only while the consultation is open (to the second, Vietnam time). */
export async function addComment(slug: string, input: CommentInput, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = (await tx.select().from(t.disclosures).where(eq(t.disclosures.slug, slug)))[0];
    if (!row) throw new DisclosureError("disclosure.error.notFound");
    if ((await tx.select({ id: t.disclosureComments.id }).from(t.disclosureComments).where(eq(t.disclosureComments.idempotencyKey, input.idempotencyKey)))[0]) return;
    if (!consultationOpen(row, now)) throw new DisclosureError("disclosure.error.consultationClosed");
    await tx.insert(t.disclosureComments).values({ disclosureId: row.id, ...input, createdAt: now.toISOString() });
  });
}

export async function replyToComment(user: StaffUser, commentId: number, reply: string, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const comment = (await tx.select().from(t.disclosureComments).where(eq(t.disclosureComments.id, commentId)))[0];
    if (!comment) throw new DisclosureError("disclosure.error.notFound");
    const row = await load(tx, comment.disclosureId);
    if (!canReplyToComments(user, row.communeId)) throw new DisclosureError("disclosure.error.forbidden");
    await tx.update(t.disclosureComments).set({ reply, replyBy: user.id, repliedAt: now.toISOString() }).where(eq(t.disclosureComments.id, commentId));
    await audit({ userId: user.id, action: "comment.replied", targetType: "comment", targetId: commentId, ip }, now);
  });
}

/** Moderation is for abuse only: the comment's text disappears, a public trace says it was hidden and why. */
export async function hideComment(user: StaffUser, commentId: number, reason: string, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const comment = (await tx.select().from(t.disclosureComments).where(eq(t.disclosureComments.id, commentId)))[0];
    if (!comment) throw new DisclosureError("disclosure.error.notFound");
    const row = await load(tx, comment.disclosureId);
    authoriseManage(user, row.communeId);
    await tx.update(t.disclosureComments).set({ hiddenAt: now.toISOString(), hiddenReason: reason }).where(eq(t.disclosureComments.id, commentId));
    await audit({ userId: user.id, action: "comment.hidden", targetType: "comment", targetId: commentId, ip, details: { reason } }, now);
  });
}

// ---------------------------------------------------------------- subscriptions and feeds

/** Double opt-in: the address is mailed a confirmation link; nothing else is sent until it is followed. */
export async function subscribe(email: string, communeId: string | null, now = new Date()): Promise<void> {
  if (communeId && !(await reference()).communes.some((c) => c.id === communeId)) throw new DisclosureError("admin.error.unit");
  const confirm = randomToken(24);
  const tr = translator("vi");
  await transaction(async (tx) => {
    const id = (await tx
      .insert(t.subscriptions)
      .values({ email, communeId, confirmTokenHash: sha256(confirm), unsubscribeTokenHash: sha256(randomToken(24)), createdAt: now.toISOString() })
      .returning({ id: t.subscriptions.id })
      )[0].id;
    await tx.update(t.subscriptions).set({ unsubscribeTokenHash: sha256(unsubscribeToken(id)) }).where(eq(t.subscriptions.id, id));
    await enqueueMail(
      tx,
      {
        to: email,
        subject: tr("mail.subscribe.subject"),
        text: tr("mail.subscribe.body", communeId ? communeName(await reference(), communeId) : tr("disclosure.allUnits"), `${publicUrl()}/cong-khai/dang-ky/${confirm}`),
      },
      now,
    );
  });
  nudgeMailWorker();
}

export async function confirmSubscription(token: string, now = new Date()): Promise<boolean> {
  const changed = await transaction((tx) =>
    tx
    .update(t.subscriptions)
    .set({ confirmedAt: now.toISOString() })
    .where(and(eq(t.subscriptions.confirmTokenHash, sha256(token)), isNull(t.subscriptions.confirmedAt), isNull(t.subscriptions.unsubscribedAt)))
    );
  if (changed.changes === 1) return true;
  return !!(await read().select({ id: t.subscriptions.id }).from(t.subscriptions).where(and(eq(t.subscriptions.confirmTokenHash, sha256(token)), isNotNull(t.subscriptions.confirmedAt))))[0];
}

export async function unsubscribe(token: string, now = new Date()): Promise<boolean> {
  const row = (await read().select().from(t.subscriptions).where(eq(t.subscriptions.unsubscribeTokenHash, sha256(token))))[0];
  if (!row) return false;
  if (!row.unsubscribedAt) await transaction((tx) => tx.update(t.subscriptions).set({ unsubscribedAt: now.toISOString() }).where(eq(t.subscriptions.id, row.id)));
  return true;
}

/** Each confirmed subscriber of the unit (or of everything) gets one mail with a one-click unsubscribe link. */
async function mailSubscribers(tx: Tx, row: typeof t.disclosures.$inferSelect, now: Date): Promise<void> {
  const subscribers = (await tx
    .select()
    .from(t.subscriptions)
    .where(and(isNotNull(t.subscriptions.confirmedAt), isNull(t.subscriptions.unsubscribedAt), or(isNull(t.subscriptions.communeId), eq(t.subscriptions.communeId, row.communeId))))
    );
  const tr = translator("vi");
  const unit = communeName(await reference(), row.communeId);
  for (const s of subscribers) {
    const link = `${publicUrl()}/cong-khai/huy-dang-ky/${unsubscribeToken(s.id)}`;
    await enqueueMail(
      tx,
      {
        to: s.email,
        subject: tr("mail.disclosure.subject", unit, row.title),
        text: tr("mail.disclosure.body", unit, row.title, row.summary, `${publicUrl()}/cong-khai/${row.slug}`, link),
        headers: { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      },
      now,
    );
  }
}

/** Derived from the subscription, so every mail can carry it while only its hash is stored. */
function unsubscribeToken(subscriptionId: number): string {
  return hmac("unsubscribe", String(subscriptionId));
}

/** The newest disclosures in force, for the home page. */
export async function latestDisclosures(limit: number) {
  const ref = await reference();
  return (await read()
    .select({ slug: t.disclosures.slug, title: t.disclosures.title, typeCode: t.disclosures.typeCode, status: t.disclosures.status, communeId: t.disclosures.communeId })
    .from(t.disclosures)
    .where(inArray(t.disclosures.status, [...IN_FORCE_STATUSES]))
    .orderBy(desc(t.disclosures.publishedAt))
    .limit(limit)
    )
    .map(({ communeId, ...r }) => ({ ...r, communeName: communeName(ref, communeId) }));
}

/** Atom entries for a unit's disclosures (or all), newest first. */
export async function feedEntries(communeId: string | null) {
  const where = and(inArray(t.disclosures.status, PUBLIC_STATUSES), communeId ? eq(t.disclosures.communeId, communeId) : undefined);
  const ref = await reference();
  return (await read()
    .select(publicColumns)
    .from(t.disclosures)
    .where(where)
    .orderBy(desc(t.disclosures.publishedAt))
    .limit(50)
    )
    .map((r) => ({ ...r, communeName: communeName(ref, r.communeId) }));
}

