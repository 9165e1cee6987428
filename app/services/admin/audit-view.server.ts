// Reading the audit log (administrators): newest first, paginated, with the actor's name.
import { count, desc, eq, like, type SQL } from "drizzle-orm";
import { auditLog, users } from "../../../db/schema";
import { read } from "~/services/platform/database.server";

export const AUDIT_PAGE_SIZE = 50;

export async function auditPage(page: number, actionPrefix?: string) {
  const where: SQL | undefined = actionPrefix ? like(auditLog.action, `${actionPrefix.replace(/[%_\\]/g, "")}%`) : undefined;
  const rows = await read()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      details: auditLog.details,
      userName: users.fullName,
      userEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  const total = (await read().select({ n: count() }).from(auditLog).where(where))[0].n;
  return { rows, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), total };
}
