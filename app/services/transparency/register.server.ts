// The public register of answered cases whose filers agreed to publication: question and answer with personal
// data removed; denunciations never.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import * as t from "../../../db/schema";
import { publicAnswerText, publicCaseText } from "~/domain/redaction";
import { read } from "~/services/platform/database.server";
import { communeName, publishedContacts, reference } from "~/services/reference/reference.server";
import { identityColumns } from "~/services/cases/identity.server";
import { PUBLISHABLE_KINDS } from "~/domain/publication";
import { ANSWERED_STATUSES } from "~/domain/case-workflow";
import { caseTextMatches } from "~/services/cases/search.server";

export const REGISTER_PAGE_SIZE = 20;

export interface RegisterFilters {
  q?: string;
  commune?: string;
  category?: string;
  page?: number;
}

function publishedCondition(): SQL {
  return and(
    eq(t.cases.publishConsent, true),
    inArray(t.cases.status, [...ANSWERED_STATUSES]),
    inArray(t.cases.kindCode, [...PUBLISHABLE_KINDS]),
    sql`${t.cases.answeredAt} IS NOT NULL`,
  )!;
}

/** The latest written answer of each case, one query for the whole page. */
async function answersFor(caseIds: number[]): Promise<Map<number, string>> {
  if (!caseIds.length) return new Map();
  const rows = await read()
    .select({ caseId: t.caseEvents.caseId, body: t.caseEvents.body })
    .from(t.caseEvents)
    .where(and(inArray(t.caseEvents.caseId, caseIds), eq(t.caseEvents.type, "answered")))
    .orderBy(asc(t.caseEvents.id));
  const map = new Map<number, string>();
  for (const r of rows) if (r.body) map.set(r.caseId, r.body);
  return map;
}

export async function registerPage(filters: RegisterFilters) {
  const where: SQL[] = [publishedCondition()];
  if (filters.commune) where.push(eq(t.cases.communeId, filters.commune));
  if (filters.category) where.push(eq(t.cases.categoryCode, filters.category));
  // The redacted search text: a filer's name typed here must not tell which published case is theirs.
  const matches = filters.q ? caseTextMatches("public", filters.q) : undefined;
  if (matches) where.push(matches);
  const page = Math.max(1, filters.page ?? 1);
  const rows = await read()
    .select({
      id: t.cases.id,
      code: t.cases.code,
      kindCode: t.cases.kindCode,
      categoryCode: t.cases.categoryCode,
      communeId: t.cases.communeId,
      receivedAt: t.cases.receivedAt,
      answeredAt: t.cases.answeredAt,
      title: t.cases.title,
      description: t.cases.description,
      requestedOutcome: t.cases.requestedOutcome,
      publishConsent: t.cases.publishConsent,
      identity: identityColumns,
    })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(and(...where))
    .orderBy(desc(t.cases.answeredAt))
    .limit(REGISTER_PAGE_SIZE)
    .offset((page - 1) * REGISTER_PAGE_SIZE);
  const total = (
    await read()
      .select({ n: count() })
      .from(t.cases)
      .where(and(...where))
  )[0].n;
  const answers = await answersFor(rows.map((r) => r.id));
  const ref = await reference();
  return {
    page,
    pages: Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE)),
    total,
    rows: rows.flatMap(({ id, identity, publishConsent, ...r }) => {
      const contacts = publishedContacts(ref);
      const text = publicCaseText({ ...r, publishConsent }, identity, contacts);
      if (!text) return [];
      return [
        {
          ...r,
          ...text,
          communeName: communeName(ref, r.communeId),
          answer: answers.has(id) ? publicAnswerText(answers.get(id)!, identity, contacts) : null,
        },
      ];
    }),
  };
}
