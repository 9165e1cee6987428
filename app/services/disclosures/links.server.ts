// Disclosures and the cases about them: what a resident may pick when filing, the form pre-filled from a plan's
// row, the cases a disclosure page counts (no personal data), and the link back from a case to its disclosure.
import { and, count, desc, eq, inArray } from "drizzle-orm";
import * as t from "../../../db/schema";
import { CASE_STATUSES } from "~/domain/case-workflow";
import { vnDate } from "~/domain/dates";
import { IN_FORCE_STATUSES } from "~/domain/disclosure";
import { filingPrefill, isLinkableDisclosure, LINKABLE_DISCLOSURE_TYPES } from "~/domain/disclosure-link";
import type { FieldErrors, FilingValues } from "~/domain/filing";
import { publicCaseText } from "~/domain/redaction";
import type { Translate } from "~/i18n";
import { read, type Tx, type Db } from "~/services/platform/database.server";
import { PUBLIC_STATUSES } from "~/domain/disclosure";
import { versionIds } from "./versions.server";
import { publishedContacts, reference, selectableCommunes } from "~/services/reference/reference.server";
import { identityColumns } from "~/services/cases/identity.server";

// ---------------------------------------------------------------- filing

/** Disclosures a resident may say the case is about, grouped by the unit that published them. */
export async function linkableDisclosures() {
  const rows = await read()
    .select({ id: t.disclosures.id, title: t.disclosures.title, version: t.disclosures.version, communeId: t.disclosures.communeId })
    .from(t.disclosures)
    .where(and(inArray(t.disclosures.status, [...IN_FORCE_STATUSES]), inArray(t.disclosures.typeCode, [...LINKABLE_DISCLOSURE_TYPES])))
    .orderBy(desc(t.disclosures.publishedAt), desc(t.disclosures.id));
  const ref = await reference();
  return ref.communes
    .map((unit) => ({
      communeId: unit.id,
      communeName: unit.name,
      disclosures: rows.filter((r) => r.communeId === unit.id).map(({ communeId: _, ...r }) => r),
    }))
    .filter((group) => group.disclosures.length > 0);
}

/** Field errors when the chosen disclosure is not one a case may be about, or the row is not in its plan. */
export async function disclosureLinkErrors(link: { disclosureId: number | null; planRowNo: number | null }, tx: Tx | Db = read()): Promise<FieldErrors> {
  if (link.disclosureId === null) return {};
  const disclosure = (
    await tx.select({ status: t.disclosures.status, typeCode: t.disclosures.typeCode }).from(t.disclosures).where(eq(t.disclosures.id, link.disclosureId))
  )[0];
  if (!disclosure || !isLinkableDisclosure(disclosure)) return { disclosureId: "error.chooseDisclosure" };
  if (link.planRowNo === null) return {};
  const row = (
    await tx
      .select({ id: t.planRows.id })
      .from(t.planRows)
      .where(and(eq(t.planRows.disclosureId, link.disclosureId), eq(t.planRows.rowNo, link.planRowNo)))
  )[0];
  return row ? {} : { planRowNo: "error.planRow" };
}

/**
 * The form's values for `/gui-phan-anh?cong-khai=<id>&dong=<row>`; null when the disclosure cannot be picked.
 * An unknown row is dropped (the plan alone is still pre-filled).
 */
export async function prefillFromDisclosure(
  query: { disclosureId: number | null; rowNo: number | null },
  translate: Translate,
  now = new Date(),
): Promise<FilingValues | null> {
  if (query.disclosureId === null) return null;
  const disclosure = (await read().select().from(t.disclosures).where(eq(t.disclosures.id, query.disclosureId)))[0];
  if (!disclosure || !isLinkableDisclosure(disclosure)) return null;
  const row =
    query.rowNo === null
      ? undefined
      : (
          await read()
            .select({ rowNo: t.planRows.rowNo, plotNumber: t.planRows.plotNumber, mapSheet: t.planRows.mapSheet })
            .from(t.planRows)
            .where(and(eq(t.planRows.disclosureId, disclosure.id), eq(t.planRows.rowNo, query.rowNo)))
        )[0];
  const ref = await reference();
  const unit = ref.communes.find((c) => c.id === disclosure.communeId);
  if (!unit) return null;
  const selectable = selectableCommunes(ref, vnDate(now)).some((c) => c.id === unit.id);
  return filingPrefill({ disclosure, unit: { id: unit.id, name: unit.name, level: unit.level, selectable }, row: row ?? null }, translate);
}

// ---------------------------------------------------------------- the disclosure page

export const RELATED_CASES_SHOWN = 20;

/**
 * The cases about a disclosure or any of its versions: how many, per status, and the latest ones with their
 * public page. Never who filed them or the plan row; a title only when the filer agreed to publication.
 * `fileHref` opens the form pre-filled with this disclosure while residents may still pick it.
 */
export async function relatedCases(disclosure: { id: number; status: string; typeCode: string }) {
  const ids = await versionIds(disclosure.id);
  const about = inArray(t.cases.disclosureId, ids);
  const counts = await read().select({ status: t.cases.status, n: count() }).from(t.cases).where(about).groupBy(t.cases.status);
  const latest = await read()
    .select({
      code: t.cases.code,
      status: t.cases.status,
      kindCode: t.cases.kindCode,
      categoryCode: t.cases.categoryCode,
      publishConsent: t.cases.publishConsent,
      title: t.cases.title,
      identity: identityColumns,
      description: t.cases.description,
      requestedOutcome: t.cases.requestedOutcome,
    })
    .from(t.cases)
    .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
    .where(about)
    .orderBy(desc(t.cases.receivedAt), desc(t.cases.id))
    .limit(RELATED_CASES_SHOWN);
  const order = (status: string) => (CASE_STATUSES as readonly string[]).indexOf(status);
  const contacts = publishedContacts(await reference());
  return {
    fileHref: isLinkableDisclosure(disclosure) ? `/gui-phan-anh?cong-khai=${disclosure.id}` : null,
    total: counts.reduce((sum, c) => sum + c.n, 0),
    byStatus: counts.sort((a, b) => order(a.status) - order(b.status)).map((c) => ({ status: c.status, count: c.n })),
    latest: latest.map((c) => ({
      code: c.code,
      status: c.status,
      categoryCode: c.categoryCode,
      title: publicCaseText(c, c.identity, contacts)?.title ?? null,
    })),
  };
}

// ---------------------------------------------------------------- from a case back to its disclosure

export interface CaseDisclosureLink {
  title: string;
  version: number;
  /** The plan's row: never on the public page (it would tell which household filed). */
  rowNo: number | null;
  href: string;
}

/**
 * The disclosure a case is about. The public and the filer see it only while the disclosure is public; staff
 * always (a disclosure that is no longer public opens on the staff side).
 */
export async function caseDisclosureLink(
  linked: { disclosureId: number | null; planRowNo: number | null },
  audience: "public" | "resident" | "staff",
): Promise<CaseDisclosureLink | null> {
  if (linked.disclosureId === null) return null;
  const d = (
    await read()
      .select({ id: t.disclosures.id, slug: t.disclosures.slug, title: t.disclosures.title, version: t.disclosures.version, status: t.disclosures.status })
      .from(t.disclosures)
      .where(eq(t.disclosures.id, linked.disclosureId))
  )[0];
  if (!d) return null;
  const isPublic = (PUBLIC_STATUSES as readonly string[]).includes(d.status);
  if (!isPublic && audience !== "staff") return null;
  return {
    title: d.title,
    version: d.version,
    rowNo: audience === "public" ? null : linked.planRowNo,
    href: isPublic ? `/cong-khai/${d.slug}` : `/can-bo/cong-khai/${d.id}`,
  };
}
