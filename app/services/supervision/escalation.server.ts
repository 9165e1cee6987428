// Overdue recommendations reach the unit's leader and the district by mail, once each, from the daily job: the day
// the mail is queued is stored on the recommendation in the same transaction, so a restart never sends twice.
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { formatDate, vnDate } from "~/domain/dates";
import { translator } from "~/i18n";
import { audit } from "~/services/platform/audit.server";
import { publicUrl } from "~/services/platform/config.server";
import { transaction } from "~/services/platform/database.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { communeName, reference } from "~/services/reference/reference.server";

/** Queues the mails for recommendations that became overdue; returns how many recommendations were escalated. */
export async function escalateOverdueRecommendations(now = new Date()): Promise<number> {
  const today = vnDate(now);
  const ref = await reference();
  const tr = translator("vi");
  let escalated = 0;
  let queued = 0;
  await transaction(async (tx) => {
    const overdue = await tx
      .select({
        id: t.supervisionRecommendations.id,
        supervisionId: t.supervisionRecommendations.supervisionId,
        unitId: t.supervisionRecommendations.unitId,
        body: t.supervisionRecommendations.body,
        dueOn: t.supervisionRecommendations.dueOn,
        title: t.supervisions.title,
      })
      .from(t.supervisionRecommendations)
      .innerJoin(t.supervisions, eq(t.supervisions.id, t.supervisionRecommendations.supervisionId))
      .where(
        and(eq(t.supervisionRecommendations.state, "open"), isNull(t.supervisionRecommendations.escalatedOn), lt(t.supervisionRecommendations.dueOn, today)),
      );
    if (!overdue.length) return;
    const units = [...new Set(overdue.map((r) => r.unitId))];
    // The unit's leaders (the district's own staff for a recommendation to the district) and the district's staff.
    const staff = await tx
      .select({ email: t.users.email, role: t.users.role, communeId: t.users.communeId })
      .from(t.users)
      .where(and(isNull(t.users.disabledAt), inArray(t.users.role, ["commune_leader", "district_staff"]), inArray(t.users.communeId, [...units, DISTRICT_ID])));
    const recipients = new Map<string, typeof overdue>();
    for (const person of staff) {
      const theirs = overdue.filter((r) => (person.role === "district_staff" ? person.communeId === DISTRICT_ID : person.communeId === r.unitId));
      if (theirs.length) recipients.set(person.email, theirs);
    }
    for (const [email, recs] of recipients) {
      const lines = recs.map(
        (r) =>
          `- ${communeName(ref, r.unitId)} — ${tr("supervision.mail.overdue.line", formatDate(r.dueOn), r.title)}\n  ${publicUrl()}/can-bo/giam-sat/${r.supervisionId}`,
      );
      await enqueueMail(
        tx,
        { to: email, subject: tr("supervision.mail.overdue.subject", recs.length), text: tr("supervision.mail.overdue.body", lines.join("\n")) },
        now,
      );
      queued++;
    }
    for (const r of overdue) {
      await tx.update(t.supervisionRecommendations).set({ escalatedOn: today }).where(eq(t.supervisionRecommendations.id, r.id));
      await audit(
        { userId: null, action: "supervision.escalated", targetType: "recommendation", targetId: r.id, details: { unitId: r.unitId, dueOn: r.dueOn } },
        now,
      );
      escalated++;
    }
  });
  if (queued) nudgeMailWorker();
  return escalated;
}
