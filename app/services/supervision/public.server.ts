// The public page of supervisions and their results: no members' names, no filers' identities, no ID numbers or
// land parcels — every text goes through the one redaction policy (domain/redaction.ts).
import { desc, eq, inArray } from "drizzle-orm";
import * as t from "../../../db/schema";
import { vnDate } from "~/domain/dates";
import { redactPersonalData, type FilerIdentity } from "~/domain/redaction";
import { answeredLate, boardColumn } from "~/domain/supervision";
import { read } from "~/services/platform/database.server";
import { communeName, publishedContacts, reference } from "~/services/reference/reference.server";
import { identityColumns } from "~/services/cases/identity.server";

const PUBLIC_LIMIT = 50;
const PUBLIC_DISCLOSURE = new Set<string>(["published", "consultation_open", "consultation_closed", "superseded"]);

export async function publicSupervisions(now = new Date()) {
  const ref = await reference();
  const today = vnDate(now);
  const contacts = publishedContacts(ref);
  const sups = await read().select().from(t.supervisions).orderBy(desc(t.supervisions.createdAt)).limit(PUBLIC_LIMIT);
  if (!sups.length) return [];
  const ids = sups.map((s) => s.id);
  const recs = await read()
    .select()
    .from(t.supervisionRecommendations)
    .where(inArray(t.supervisionRecommendations.supervisionId, ids))
    .orderBy(t.supervisionRecommendations.id);
  // The filers of supervised cases: their names are removed wherever the supervisor or the unit typed them.
  const codes = [...new Set(sups.flatMap((s) => s.caseCodes ?? []))];
  const identities: FilerIdentity[] = codes.length
    ? await read().select(identityColumns).from(t.cases).innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id)).where(inArray(t.cases.code, codes))
    : [];
  // Supervisors and units write about residents: every contact that is not a unit's published one goes.
  const clean = (text: string | null) => {
    if (!text) return null;
    let out = redactPersonalData(text, { contacts });
    for (const identity of identities) out = redactPersonalData(out, { identity, contacts });
    return out;
  };
  const disclosureIds = sups.map((s) => s.disclosureId).filter((d): d is number => d != null);
  const disclosures = disclosureIds.length
    ? new Map(
        (
          await read()
            .select({ id: t.disclosures.id, title: t.disclosures.title, slug: t.disclosures.slug, status: t.disclosures.status })
            .from(t.disclosures)
            .where(inArray(t.disclosures.id, disclosureIds))
        ).map((d) => [d.id, d]),
      )
    : new Map();
  return sups.map((s) => {
    const disclosure = s.disclosureId ? disclosures.get(s.disclosureId) : undefined;
    return {
      id: s.id,
      title: clean(s.title) ?? "",
      supervisorUnit: communeName(ref, s.supervisorUnitId),
      subjectKind: s.subjectKind,
      subjectText: clean(s.subjectText),
      caseCount: s.caseCodes?.length ?? 0,
      // Only a published disclosure is linked: a draft is not public.
      disclosure: disclosure && PUBLIC_DISCLOSURE.has(disclosure.status) ? { title: disclosure.title, slug: disclosure.slug } : null,
      periodFrom: s.periodFrom,
      periodTo: s.periodTo,
      findings: clean(s.findings),
      recommendations: recs
        .filter((r) => r.supervisionId === s.id)
        .map((r) => ({
          id: r.id,
          unitName: communeName(ref, r.unitId),
          body: clean(r.body) ?? "",
          issuedOn: r.issuedOn,
          dueOn: r.dueOn,
          column: boardColumn(r, today),
          late: answeredLate(r),
          response: r.response,
          responseReasons: clean(r.responseReasons),
          responsePlan: clean(r.responsePlan),
          answeredOn: r.answeredOn,
          settleNote: clean(r.settleNote),
        })),
    };
  });
}
