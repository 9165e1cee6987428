// Residents' comments during a consultation (phone never shown, name only with consent), officials' replies,
// and hiding an abusive comment with a public trace and reason.
import { eq } from "drizzle-orm";
import { phoneDigits } from "~/domain/text";
import { sha256 } from "~/services/platform/secrets.server";
import * as t from "../../../db/schema";
import { consultationOpen } from "~/domain/disclosure";
import { canReplyToComments, type StaffUser } from "~/domain/permissions";
import { audit } from "~/services/platform/audit.server";
import { transaction } from "~/services/platform/database.server";
import { ForbiddenError, InvalidError, NotFoundError } from "~/domain/errors";
import { authoriseManage, load } from "./access.server";

// ---------------------------------------------------------------- comments

export interface CommentInput {
  body: string;
  authorName: string;
  authorPhone: string;
  showName: boolean;
  /** From the page when it carries one; otherwise derived from the comment, so a double submit stores it once. */
  idempotencyKey?: string;
}

/** The same person sending the same text about the same disclosure is one comment. */
function commentKey(slug: string, input: CommentInput): string {
  return `c-${sha256(`${slug}\u0000${phoneDigits(input.authorPhone)}\u0000${input.body}`).slice(0, 40)}`;
}

/** A resident's comment, accepted only while the consultation is open (to the second, Vietnam time). */
export async function addComment(slug: string, input: CommentInput, now = new Date()): Promise<void> {
  const idempotencyKey = input.idempotencyKey ?? commentKey(slug, input);
  await transaction(async (tx) => {
    const row = (await tx.select().from(t.disclosures).where(eq(t.disclosures.slug, slug)))[0];
    if (!row) throw new NotFoundError("disclosure.error.notFound");
    if ((await tx.select({ id: t.disclosureComments.id }).from(t.disclosureComments).where(eq(t.disclosureComments.idempotencyKey, idempotencyKey)))[0]) return;
    if (!consultationOpen(row, now)) throw new InvalidError("disclosure.error.consultationClosed");
    await tx.insert(t.disclosureComments).values({ disclosureId: row.id, ...input, idempotencyKey, createdAt: now.toISOString() });
  });
}

export async function replyToComment(user: StaffUser, commentId: number, reply: string, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const comment = (await tx.select().from(t.disclosureComments).where(eq(t.disclosureComments.id, commentId)))[0];
    if (!comment) throw new NotFoundError("disclosure.error.notFound");
    const row = await load(tx, comment.disclosureId);
    if (!canReplyToComments(user, row.communeId)) throw new ForbiddenError("disclosure.error.forbidden");
    await tx.update(t.disclosureComments).set({ reply, replyBy: user.id, repliedAt: now.toISOString() }).where(eq(t.disclosureComments.id, commentId));
    await audit({ userId: user.id, action: "comment.replied", targetType: "comment", targetId: commentId, ip }, now);
  });
}

/** Moderation is for abuse only: the comment's text disappears, a public trace says it was hidden and why. */
export async function hideComment(user: StaffUser, commentId: number, reason: string, ip: string, now = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const comment = (await tx.select().from(t.disclosureComments).where(eq(t.disclosureComments.id, commentId)))[0];
    if (!comment) throw new NotFoundError("disclosure.error.notFound");
    const row = await load(tx, comment.disclosureId);
    authoriseManage(user, row.communeId);
    await tx.update(t.disclosureComments).set({ hiddenAt: now.toISOString(), hiddenReason: reason }).where(eq(t.disclosureComments.id, commentId));
    await audit({ userId: user.id, action: "comment.hidden", targetType: "comment", targetId: commentId, ip, details: { reason } }, now);
  });
}
