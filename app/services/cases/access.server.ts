// The one check every staff read and action on a case goes through: in scope and allowed for the role.
import { eq } from "drizzle-orm";
import * as t from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { ForbiddenError, NotFoundError } from "~/domain/errors";
import { canOnCase, type CaseOperation, type StaffUser } from "~/domain/permissions";
import type { Db, Tx } from "~/services/platform/database.server";

export type CaseRow = typeof t.cases.$inferSelect;

export async function loadCase(db: Tx | Db, code: string): Promise<CaseRow | undefined> {
  return (await db.select().from(t.cases).where(eq(t.cases.code, code)))[0];
}

/** Whether this user may still open the case (after a transfer or a contest moved it, they may not). */
export async function mayView(db: Tx | Db, user: StaffUser, code: string): Promise<boolean> {
  const row = await loadCase(db, code);
  return row !== undefined && canOnCase(user, "view", row, DISTRICT_ID);
}

/** The case if this user may perform `operation` on it. Out of scope and unknown look the same (404). */
export function authorise(user: StaffUser, row: CaseRow | undefined, operation: CaseOperation): CaseRow {
  if (!row || !canOnCase(user, "view", row, DISTRICT_ID)) throw new NotFoundError("error.caseNotFound");
  if (!canOnCase(user, operation, row, DISTRICT_ID)) throw new ForbiddenError(`case.${operation}`);
  return row;
}
