// A disclosure's life: drafted, published for its posting period, opened and closed for consultation, withdrawn,
// replaced by a new version, with documents. Each step is one transaction with its audit record and its mail.
import { checkCritiquesAnswered } from "~/services/supervision/supervision.server";
import { and, count, eq, inArray } from "drizzle-orm";
import type { DisclosureTypeCode } from "~/domain/disclosure";
import * as t from "../../../db/schema";
import {
  consultationClosingProblem,
  consultationOpeningProblem,
  disclosureSlug,
  nextDisclosureStatus,
  postingPeriodProblem,
  type DisclosureStatus,
  type PostingRequest,
} from "~/domain/disclosure";
import { vnDate } from "~/domain/dates";
import { hasPlanTable } from "~/domain/plan-table";
import { type StaffUser } from "~/domain/permissions";
import { storeAttachments, type PreparedAttachment } from "~/services/cases/attachments.server";
import { audit } from "~/services/platform/audit.server";
import { read, transaction } from "~/services/platform/database.server";
import { nudgeMailWorker } from "~/services/platform/mail.server";
import { reference } from "~/services/reference/reference.server";
import { copyPlanRows } from "./plan-table.server";
import { randomToken } from "~/services/platform/secrets.server";
import { PUBLIC_STATUSES } from "~/domain/disclosure";
import { InvalidError } from "~/domain/errors";
import { authoriseManage, disclosureTypes, load } from "./access.server";
import { mailSubscribers } from "./subscriptions.server";

// ---------------------------------------------------------------- drafting and publishing

export interface DraftInput {
  typeCode: DisclosureTypeCode;
  communeId: string;
  title: string;
  summary: string;
  body: string;
  keyFigures: { label: string; value: string }[];
}

export async function createDraft(user: StaffUser, input: DraftInput, ip: string, now = new Date()): Promise<number> {
  authoriseManage(user, input.communeId);
  if (!(await disclosureTypes()).some((ty) => ty.code === input.typeCode)) throw new InvalidError("disclosure.error.type");
  if (!(await reference()).communes.some((c) => c.id === input.communeId)) throw new InvalidError("admin.error.unit");
  const nowIso = now.toISOString();
  return transaction(async (tx) => {
    const id = (
      await tx
        .insert(t.disclosures)
        .values({ ...input, slug: `nhap-${randomToken(8)}`, status: "draft", createdBy: user.id, updatedAt: nowIso })
        .returning({ id: t.disclosures.id })
    )[0].id;
    await tx
      .update(t.disclosures)
      .set({ slug: disclosureSlug(input.title, id) })
      .where(eq(t.disclosures.id, id));
    await audit({ userId: user.id, action: "disclosure.drafted", targetType: "disclosure", targetId: id, ip }, now);
    return id;
  });
}

export async function updateDraft(user: StaffUser, id: number, input: Omit<DraftInput, "communeId" | "typeCode">, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    if (row.status !== "draft") throw new InvalidError("disclosure.error.notDraft");
    await tx
      .update(t.disclosures)
      .set({ ...input, slug: disclosureSlug(input.title, id), updatedAt: now.toISOString() })
      .where(eq(t.disclosures.id, id));
    await audit({ userId: user.id, action: "disclosure.edited", targetType: "disclosure", targetId: id, ip }, now);
  });
}

/**
 * Publishes with a posting period that starts no earlier than today (or a re-posted document's signed date) and lasts
 * at least the legal minimum; subscribers are mailed. A new version supersedes the previous one and its posting
 * restarts from its own publication, with the reason for the change shown publicly.
 */
export async function publish(user: StaffUser, id: number, posting: PostingRequest, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    const type = (await tx.select().from(t.disclosureTypes).where(eq(t.disclosureTypes.code, row.typeCode)))[0];
    const problem = postingPeriodProblem(posting, { minPostingDays: type.minPostingDays, publishedOn: vnDate(now), newVersion: row.previousId !== null });
    if (problem) throw new InvalidError(problem);
    if (hasPlanTable(row.typeCode) && !(await tx.select({ id: t.planRows.id }).from(t.planRows).where(eq(t.planRows.disclosureId, id)).limit(1))[0]) {
      throw new InvalidError("plan.error.noRows");
    }
    // The final version waits for the unit's answer to every critique of the consulted one (supervision/).
    await checkCritiquesAnswered(tx, row.previousId);
    const status = transition(row.status, "publish");
    const nowIso = now.toISOString();
    await tx
      .update(t.disclosures)
      .set({
        status,
        postingFrom: posting.from,
        postingTo: posting.to,
        postingSignedOn: posting.signedOn || null,
        versionReason: row.previousId !== null ? posting.versionReason!.trim() : null,
        publishedAt: nowIso,
        updatedAt: nowIso,
      })
      .where(eq(t.disclosures.id, id));
    if (row.previousId) {
      const previous = await load(tx, row.previousId);
      await tx
        .update(t.disclosures)
        .set({ status: transition(previous.status, "supersede"), statusReason: `v${row.version}`, updatedAt: nowIso })
        .where(eq(t.disclosures.id, previous.id));
    }
    await mailSubscribers(tx, { ...row, status }, now);
    await audit({ userId: user.id, action: "disclosure.published", targetType: "disclosure", targetId: id, ip, details: { ...posting } }, now);
  });
  nudgeMailWorker();
}

function transition(status: DisclosureStatus, action: Parameters<typeof nextDisclosureStatus>[1]): DisclosureStatus {
  return nextDisclosureStatus(status, action);
}

/** Opens comments for a window inside the posting period, at least the legal minimum long from now; they close exactly at its end. */
export async function openConsultation(user: StaffUser, id: number, window: { from: string; to: string }, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    const type = (await tx.select().from(t.disclosureTypes).where(eq(t.disclosureTypes.code, row.typeCode)))[0];
    if (!type.consultation) throw new InvalidError("disclosure.error.noConsultation");
    const problem = consultationOpeningProblem({ from: row.postingFrom ?? "", to: row.postingTo ?? "" }, window, type, now);
    if (problem) throw new InvalidError(problem);
    const status = transition(row.status, "open_consultation");
    await tx
      .update(t.disclosures)
      .set({ status, consultationFrom: window.from, consultationTo: window.to, updatedAt: now.toISOString() })
      .where(eq(t.disclosures.id, id));
    await audit({ userId: user.id, action: "disclosure.consultation_opened", targetType: "disclosure", targetId: id, ip, details: window }, now);
  });
}

/**
 * Closes the consultation and publishes the summary of comments and how they were taken into account. Before the
 * announced end it needs a reason, shown publicly; with no comment received there is nothing to summarise.
 */
export async function closeConsultation(user: StaffUser, id: number, input: { summary: string; reason?: string }, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const row = await load(tx, id);
    authoriseManage(user, row.communeId);
    const status = transition(row.status, "close_consultation");
    const received = (await tx.select({ n: count() }).from(t.disclosureComments).where(eq(t.disclosureComments.disclosureId, id)))[0].n;
    const reason = input.reason?.trim() ?? "";
    const window = { from: row.consultationFrom ?? "", to: row.consultationTo ?? "" };
    const problem = consultationClosingProblem(window, { summary: input.summary, reason }, received, now);
    if (problem) throw new InvalidError(problem);
    const nowIso = now.toISOString();
    const early = now.getTime() < Date.parse(window.to);
    await tx
      .update(t.disclosures)
      .set({
        status,
        consultationSummary: input.summary.trim() || null,
        consultationClosedAt: nowIso,
        consultationCloseReason: early ? reason : null,
        updatedAt: nowIso,
      })
      .where(eq(t.disclosures.id, id));
    await audit(
      {
        userId: user.id,
        action: "disclosure.consultation_closed",
        targetType: "disclosure",
        targetId: id,
        ip,
        details: { received, early, reason: early ? reason : null },
      },
      now,
    );
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
    const pending = (
      await tx
        .select({ id: t.disclosures.id })
        .from(t.disclosures)
        .where(and(eq(t.disclosures.previousId, id), eq(t.disclosures.status, "draft")))
    )[0];
    if (pending) return pending.id;
    const nowIso = now.toISOString();
    const copy = (
      await tx
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
    await tx
      .update(t.disclosures)
      .set({ slug: disclosureSlug(row.title, copy) })
      .where(eq(t.disclosures.id, copy));
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
      await tx
        .insert(t.disclosureDocuments)
        .values(
          files.map((f) => ({ id: f.id, disclosureId: id, displayName: f.displayName, mediaType: f.mediaType, sizeBytes: f.bytes.length, sha256: f.sha256 })),
        );
      await audit({ userId: user.id, action: "disclosure.documents_added", targetType: "disclosure", targetId: id, ip, details: { files: files.length } }, now);
    });
  } catch (error) {
    await remove();
    throw error;
  }
}

/** A document of a disclosure the public may see (never of a draft). */
export async function publicDocument(documentId: string) {
  return (
    await read()
      .select({ id: t.disclosureDocuments.id, displayName: t.disclosureDocuments.displayName, mediaType: t.disclosureDocuments.mediaType })
      .from(t.disclosureDocuments)
      .innerJoin(t.disclosures, eq(t.disclosures.id, t.disclosureDocuments.disclosureId))
      .where(and(eq(t.disclosureDocuments.id, documentId), inArray(t.disclosures.status, PUBLIC_STATUSES)))
  )[0];
}
