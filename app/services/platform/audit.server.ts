// The append-only audit log: sign-ins, views of personal data, exports, every official action.
// Triggers in the database refuse UPDATE and DELETE on audit_log (migration 0001).
import { auditLog } from "../../../db/schema";
import { transaction } from "./database.server";

export interface AuditEntry {
  userId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  ip?: string;
  details?: Record<string, unknown>;
}

/** Joins the caller's transaction when there is one, so the action and its record commit together. */
export async function audit(entry: AuditEntry, now = new Date()): Promise<void> {
  await transaction((tx) =>
    tx.insert(auditLog).values({
      at: now.toISOString(),
      userId: entry.userId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined ? null : String(entry.targetId),
      ip: entry.ip ?? null,
      details: entry.details ?? null,
    }),
  );
}
