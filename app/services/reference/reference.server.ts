// Reference data (communes, hamlets, categories, rules, calendar), read once and kept in memory:
// every filing and page needs it, and it changes only through administrators (who call invalidate).
import type { PublishedContacts } from "~/domain/redaction";
import { asc } from "drizzle-orm";
import * as t from "../../../db/schema";
import type { CalendarData, DeadlineRule } from "~/domain/deadlines";
import type { CaseKind, FilingReference, KindField } from "~/domain/filing";
import type { AdministrativeUnit, RoutingRule } from "~/domain/routing";
import { read } from "~/services/platform/database.server";

export interface Reference {
  communes: (AdministrativeUnit & { name: string; sortOrder: number; contactPhone: string | null; contactEmail: string | null })[];
  hamlets: { id: number; communeId: string; name: string }[];
  /** Categories offered to residents (active ones). */
  categories: { code: string; nameVi: string; nameEn: string }[];
  /** Every category, inactive ones too: old cases still show their name. */
  allCategories: { code: string; nameVi: string; nameEn: string }[];
  kinds: { code: CaseKind; confidentialIdentity: boolean }[];
  kindFieldRules: { kindCode: string; field: string; validFrom: string | null; validTo: string | null }[];
  routingRules: RoutingRule[];
  deadlineRules: DeadlineRule[];
  calendar: CalendarData;
}

let cache: Reference | undefined;

export async function reference(): Promise<Reference> {
  if (cache) return cache;
  const d = read();
  const days = await d.select().from(t.calendarDays);
  const categories = await d.select().from(t.categories).orderBy(asc(t.categories.sortOrder));
  cache = {
    communes: await d.select().from(t.communes).orderBy(asc(t.communes.sortOrder)),
    hamlets: await d
      .select({ id: t.hamlets.id, communeId: t.hamlets.communeId, name: t.hamlets.name })
      .from(t.hamlets)
      .orderBy(asc(t.hamlets.communeId), asc(t.hamlets.sortOrder)),
    categories: categories.filter((c) => c.active),
    allCategories: categories,
    kinds: await d.select().from(t.caseKinds).orderBy(asc(t.caseKinds.sortOrder)),
    kindFieldRules: await d.select().from(t.kindFieldRules),
    routingRules: await d.select().from(t.routingRules),
    deadlineRules: await d.select().from(t.deadlineRules),
    calendar: {
      holidays: new Set(days.filter((x) => x.kind === "holiday").map((x) => x.date)),
      workingDays: new Set(days.filter((x) => x.kind === "working_day").map((x) => x.date)),
    },
  };
  return cache;
}

/** Every unit's published phone and e-mail: public text keeps them where it removes anyone else's. */
export function publishedContacts(ref: Reference): PublishedContacts {
  return {
    phones: ref.communes.map((c) => c.contactPhone).filter((p): p is string => !!p),
    emails: ref.communes.map((c) => c.contactEmail).filter((e): e is string => !!e),
  };
}

export function invalidateReference(): void {
  cache = undefined;
}

/** Fields the law requires for a kind on a given date (rows in kind_field_rules). */
export function requiredFields(ref: Reference, kind: CaseKind, on: string): KindField[] {
  return ref.kindFieldRules
    .filter((r) => r.kindCode === kind && (r.validFrom == null || r.validFrom <= on) && (r.validTo == null || r.validTo >= on))
    .map((r) => r.field as KindField);
}

/** Units a resident can choose: the communes and the town in force (not the district itself). */
export function selectableCommunes(ref: Reference, on: string) {
  return ref.communes.filter((c) => c.level !== "district" && (c.validFrom == null || c.validFrom <= on) && (c.validTo == null || c.validTo >= on));
}

export function communeName(ref: Reference, id: string): string {
  return ref.communes.find((c) => c.id === id)?.name ?? id;
}

/** Category names from the database in one language, keyed like the catalogue ("category.land"). */
export function categoryLabels(ref: Reference, language: "vi" | "en"): Record<string, string> {
  return Object.fromEntries(ref.allCategories.map((c) => [`category.${c.code}`, language === "en" ? c.nameEn : c.nameVi]));
}

/** What the filing form's validation needs of the reference data on a given day (form, Open311, assisted filing). */
let lastFilingReference: { ref: Reference; today: string; value: FilingReference } | undefined;

/** The same object while the reference data and the day are the same, so the schema built for it is reused. */
export function filingReference(ref: Reference, today: string): FilingReference {
  if (lastFilingReference?.ref === ref && lastFilingReference.today === today) return lastFilingReference.value;
  const value = buildFilingReference(ref, today);
  lastFilingReference = { ref, today, value };
  return value;
}

function buildFilingReference(ref: Reference, today: string): FilingReference {
  return {
    categoryCodes: ref.categories.map((c) => c.code),
    communeIds: ref.communes.filter((c) => c.level !== "district").map((c) => c.id),
    hamletCommune: new Map(ref.hamlets.map((h) => [h.id, h.communeId])),
    requiredFields: (kind) => requiredFields(ref, kind, today),
    today,
  };
}
