// Reference data on every start: inserted when missing, never overwritten (an administrator may have corrected it).
import { sql } from "drizzle-orm";
import type { Db } from "./client";

type Transaction = <T>(fn: (tx: Db) => Promise<T> | T) => Promise<T>;
import {
  CALENDAR_DAYS,
  CASE_KIND_ROWS,
  CATEGORIES,
  COMMUNES,
  DEADLINE_RULES,
  DISCLOSURE_TYPES,
  hamletsFor,
  KIND_FIELD_RULES,
  RECEPTION_DUTY_RULES,
  RESPONSE_TEMPLATES,
  ROUTING_RULES,
} from "./data/reference";
import * as t from "./schema";

export async function seedReferenceData(transaction: Transaction): Promise<void> {
  await transaction(async (tx) => {
    await tx
      .insert(t.communes)
      .values(COMMUNES.map((c, i) => ({ ...c, parentId: c.level === "district" ? null : COMMUNES[0].id, sortOrder: i })))
      .onConflictDoNothing();
    const hamletRows = COMMUNES.flatMap((c) => hamletsFor(c.id).map((h, i) => ({ communeId: c.id, ...h, sortOrder: i })));
    if (hamletRows.length) await tx.insert(t.hamlets).values(hamletRows).onConflictDoNothing();
    await tx
      .insert(t.categories)
      .values(CATEGORIES.map((c, i) => ({ ...c, sortOrder: i })))
      .onConflictDoNothing();
    await tx
      .insert(t.caseKinds)
      .values(CASE_KIND_ROWS.map((k, i) => ({ ...k, sortOrder: i })))
      .onConflictDoNothing();
    await tx.insert(t.calendarDays).values(CALENDAR_DAYS).onConflictDoNothing();
    await tx
      .insert(t.disclosureTypes)
      .values(DISCLOSURE_TYPES.map((d, i) => ({ ...d, sortOrder: i })))
      .onConflictDoNothing();
    // Rule tables are seeded once; afterwards they belong to the administrators.
    const empty = async (
      table: typeof t.kindFieldRules | typeof t.routingRules | typeof t.deadlineRules | typeof t.responseTemplates | typeof t.receptionDutyRules,
    ) => (await tx.select({ n: sql<number>`count(*)` }).from(table))[0].n === 0;
    if (await empty(t.kindFieldRules)) await tx.insert(t.kindFieldRules).values(KIND_FIELD_RULES);
    if (await empty(t.routingRules)) await tx.insert(t.routingRules).values(ROUTING_RULES);
    if (await empty(t.deadlineRules)) await tx.insert(t.deadlineRules).values(DEADLINE_RULES);
    if (await empty(t.responseTemplates)) await tx.insert(t.responseTemplates).values(RESPONSE_TEMPLATES);
    if (await empty(t.receptionDutyRules)) await tx.insert(t.receptionDutyRules).values(RECEPTION_DUTY_RULES);
  });
}
