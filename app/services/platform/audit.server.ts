// The append-only audit log: sign-ins, views of personal data, exports, every official action.
// Triggers in the database refuse UPDATE and DELETE on audit_log (migration 0001).
import { auditLog } from "../../../db/schema";
import { db } from "./database.server";

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

export interface AuditEntry {
  userId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  ip?: string;
  details?: Record<string, unknown>;
}

/** Writes inside the caller's transaction when given one, so the action and its record commit together. */
export function audit(entry: AuditEntry, tx?: Tx, now = new Date()): void {
  (tx ?? db())
    .insert(auditLog)
    .values({
      at: now.toISOString(),
      userId: entry.userId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined ? null : String(entry.targetId),
      ip: entry.ip ?? null,
      details: entry.details ?? null,
    })
    .run();
}
