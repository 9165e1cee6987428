// Loading a disclosure and the one check before any staff change to it: may this user manage this unit's disclosures?
import { asc, eq } from "drizzle-orm";
import * as t from "../../../db/schema";
import { canManageDisclosures, type StaffUser } from "~/domain/permissions";
import { read, type Tx, type Db } from "~/services/platform/database.server";
import { ForbiddenError, NotFoundError } from "~/domain/errors";

export async function load(tx: Tx | Db, id: number) {
  const row = (await tx.select().from(t.disclosures).where(eq(t.disclosures.id, id)))[0];
  if (!row) throw new NotFoundError("disclosure.error.notFound");
  return row;
}

export function authoriseManage(user: StaffUser, communeId: string): void {
  if (!canManageDisclosures(user, communeId)) throw new ForbiddenError("disclosure.error.forbidden");
}

/** Kinds of disclosure with their legal data, in display order. */
export async function disclosureTypes() {
  return read().select().from(t.disclosureTypes).orderBy(asc(t.disclosureTypes.sortOrder));
}
