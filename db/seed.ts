// Reference data on every start: inserted when missing, never overwritten (an administrator may have corrected it).
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import {
  CALENDAR_DAYS,
  CASE_KIND_ROWS,
  CATEGORIES,
  COMMUNES,
  DEADLINE_RULES,
  DISCLOSURE_TYPES,
  hamletsFor,
  KIND_FIELD_RULES,
  RESPONSE_TEMPLATES,
  ROUTING_RULES,
} from "./data/reference";
import * as t from "./schema";

export function seedReferenceData(db: Db): void {
  db.transaction((tx) => {
    tx.insert(t.communes)
      .values(COMMUNES.map((c, i) => ({ ...c, parentId: c.level === "district" ? null : COMMUNES[0].id, sortOrder: i })))
      .onConflictDoNothing()
      .run();
    const hamletRows = COMMUNES.flatMap((c) => hamletsFor(c.id).map((h, i) => ({ communeId: c.id, ...h, sortOrder: i })));
    if (hamletRows.length) tx.insert(t.hamlets).values(hamletRows).onConflictDoNothing().run();
    tx.insert(t.categories)
      .values(CATEGORIES.map((c, i) => ({ ...c, sortOrder: i })))
      .onConflictDoNothing()
      .run();
    tx.insert(t.caseKinds)
      .values(CASE_KIND_ROWS.map((k, i) => ({ ...k, sortOrder: i })))
      .onConflictDoNothing()
      .run();
    tx.insert(t.calendarDays).values(CALENDAR_DAYS).onConflictDoNothing().run();
    tx.insert(t.disclosureTypes)
      .values(DISCLOSURE_TYPES.map((d, i) => ({ ...d, sortOrder: i })))
      .onConflictDoNothing()
      .run();
    // Rule tables are seeded once; afterwards they belong to the administrators.
    const empty = (table: typeof t.kindFieldRules | typeof t.routingRules | typeof t.deadlineRules | typeof t.responseTemplates) =>
      tx.select({ n: sql<number>`count(*)` }).from(table).all()[0].n === 0;
    if (empty(t.kindFieldRules)) tx.insert(t.kindFieldRules).values(KIND_FIELD_RULES).run();
    if (empty(t.routingRules)) tx.insert(t.routingRules).values(ROUTING_RULES).run();
    if (empty(t.deadlineRules)) tx.insert(t.deadlineRules).values(DEADLINE_RULES).run();
    if (empty(t.responseTemplates)) tx.insert(t.responseTemplates).values(RESPONSE_TEMPLATES).run();
  });
}
