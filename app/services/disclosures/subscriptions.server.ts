// E-mail subscriptions to a unit's new disclosures: double opt-in, one-click unsubscribe in every mail.
import { and, eq, isNotNull, isNull, or } from "drizzle-orm";
import * as t from "../../../db/schema";
import { translator } from "~/i18n";
import { publicUrl } from "~/services/platform/config.server";
import { read, transaction, type Tx } from "~/services/platform/database.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { communeName, reference } from "~/services/reference/reference.server";
import { hmac, randomToken, sha256 } from "~/services/platform/secrets.server";
import { InvalidError } from "~/domain/errors";

// ---------------------------------------------------------------- subscriptions and feeds

/** Double opt-in: the address is mailed a confirmation link; nothing else is sent until it is followed. */
export async function subscribe(email: string, communeId: string | null, now = new Date()): Promise<void> {
  if (communeId && !(await reference()).communes.some((c) => c.id === communeId)) throw new InvalidError("admin.error.unit");
  const confirm = randomToken(24);
  const tr = translator("vi");
  await transaction(async (tx) => {
    const id = (
      await tx
        .insert(t.subscriptions)
        .values({ email, communeId, confirmTokenHash: sha256(confirm), unsubscribeTokenHash: sha256(randomToken(24)), createdAt: now.toISOString() })
        .returning({ id: t.subscriptions.id })
    )[0].id;
    await tx
      .update(t.subscriptions)
      .set({ unsubscribeTokenHash: sha256(unsubscribeToken(id)) })
      .where(eq(t.subscriptions.id, id));
    await enqueueMail(
      tx,
      {
        to: email,
        subject: tr("mail.subscribe.subject"),
        text: tr(
          "mail.subscribe.body",
          communeId ? communeName(await reference(), communeId) : tr("disclosure.allUnits"),
          `${publicUrl()}/cong-khai/dang-ky/${confirm}`,
        ),
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
      .where(and(eq(t.subscriptions.confirmTokenHash, sha256(token)), isNull(t.subscriptions.confirmedAt), isNull(t.subscriptions.unsubscribedAt))),
  );
  if (changed.changes === 1) return true;
  return !!(
    await read()
      .select({ id: t.subscriptions.id })
      .from(t.subscriptions)
      .where(and(eq(t.subscriptions.confirmTokenHash, sha256(token)), isNotNull(t.subscriptions.confirmedAt)))
  )[0];
}

export async function unsubscribe(token: string, now = new Date()): Promise<boolean> {
  const row = (
    await read()
      .select()
      .from(t.subscriptions)
      .where(eq(t.subscriptions.unsubscribeTokenHash, sha256(token)))
  )[0];
  if (!row) return false;
  if (!row.unsubscribedAt)
    await transaction((tx) => tx.update(t.subscriptions).set({ unsubscribedAt: now.toISOString() }).where(eq(t.subscriptions.id, row.id)));
  return true;
}

/** Each confirmed subscriber of the unit (or of everything) gets one mail with a one-click unsubscribe link. */
export async function mailSubscribers(tx: Tx, row: typeof t.disclosures.$inferSelect, now: Date): Promise<void> {
  const subscribers = await tx
    .select()
    .from(t.subscriptions)
    .where(
      and(
        isNotNull(t.subscriptions.confirmedAt),
        isNull(t.subscriptions.unsubscribedAt),
        or(isNull(t.subscriptions.communeId), eq(t.subscriptions.communeId, row.communeId)),
      ),
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
