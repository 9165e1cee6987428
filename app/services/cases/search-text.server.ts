// Cases filed before the redacted search key existed get both keys computed once, at start-up, so that the
// register and supervisors can find them by content and handling staff by the filer's name or phone.
import { eq, isNull } from "drizzle-orm";
import * as t from "../../../db/schema";
import { caseSearchTexts } from "~/domain/redaction";
import { read, transaction } from "~/services/platform/database.server";
import { publishedContacts, reference } from "~/services/reference/reference.server";
import { identityColumns } from "./identity.server";

/** Fills the search keys of cases that have no redacted key yet; returns how many were updated. */
export async function refreshMissingSearchTexts(): Promise<number> {
  // The usual start: none missing, answered from the partial index alone (no scan of cases, no join).
  const missing = await read().select({ id: t.cases.id }).from(t.cases).where(isNull(t.cases.publicSearchText)).limit(1);
  if (!missing.length) return 0;
  const rows = await read()
    .select({ id: t.cases.id, code: t.cases.code, title: t.cases.title, description: t.cases.description, identity: identityColumns })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(isNull(t.cases.publicSearchText));
  if (!rows.length) return 0;
  const contacts = publishedContacts(await reference());
  await transaction(async (tx) => {
    for (const row of rows)
      await tx
        .update(t.cases)
        .set(caseSearchTexts(row, row.identity, contacts))
        .where(eq(t.cases.id, row.id));
  });
  return rows.length;
}
