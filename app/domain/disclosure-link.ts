// A case may be about a project or plan that is being disclosed: which disclosures a resident may pick, and
// what the filing form is filled with when the resident starts from a disclosure (or one row of its plan).
import { z } from "zod";
import { isInForce } from "./disclosure";
import { LIMITS, type FilingValues } from "./filing";

/** Kinds of disclosure a petition or complaint can be about (not budgets, procedures…). */
export const LINKABLE_DISCLOSURE_TYPES = ["investment_project", "construction_work", "land_use_plan", "compensation_plan"] as const;
type LinkableType = (typeof LINKABLE_DISCLOSURE_TYPES)[number];

/** Only a disclosure in force: a superseded or withdrawn one, or a draft, cannot be picked. */
export function isLinkableDisclosure(d: { status: string; typeCode: string }): boolean {
  return isInForce(d.status) && (LINKABLE_DISCLOSURE_TYPES as readonly string[]).includes(d.typeCode);
}

/** The category a resident most likely means for each kind of disclosure (null: the resident chooses). */
const CATEGORY_FOR_TYPE: Record<LinkableType, string | null> = {
  compensation_plan: "compensation",
  land_use_plan: "land",
  construction_work: "construction",
  investment_project: null,
};

const positiveId = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);

/** `?cong-khai=<id>&dong=<row>`: both optional, anything malformed is ignored; a row needs its disclosure. */
export function readPrefillQuery(search: URLSearchParams): { disclosureId: number | null; rowNo: number | null } {
  const id = positiveId.safeParse(search.get("cong-khai") ?? "");
  const row = positiveId.safeParse(search.get("dong") ?? "");
  return { disclosureId: id.success ? id.data : null, rowNo: id.success && row.success ? row.data : null };
}

export interface PrefillSource {
  disclosure: { id: number; typeCode: string; title: string; version: number };
  /** The unit that published it; `selectable` when residents can choose it as the place. */
  unit: { id: string; name: string; level: "district" | "commune" | "town"; selectable: boolean };
  row: { rowNo: number; plotNumber: string; mapSheet: string } | null;
}

/** The messages this module words; the app's translator accepts them (its keys are checked against the catalogues). */
type LinkMessage =
  | "disclosure.link.version"
  | "disclosure.link.versionRow"
  | "file.prefill.complaintTitle"
  | "file.prefill.feedbackTitle"
  | `file.prefill.body.${"commune" | "district" | "town"}`;
type Translate = (key: LinkMessage, ...params: (string | number)[]) => string;

/** Shortens the text put into `{0}` so the whole message fits the field's limit. */
function fitting(max: number, text: string, render: (text: string) => string): string {
  const full = render(text);
  if (full.length <= max) return full;
  const keep = Math.max(0, text.length - (full.length - max) - 1);
  return render(`${text.slice(0, keep).trimEnd()}…`);
}

/** The link as people read it: "<title> (phiên bản N[, dòng M])". */
export function disclosureLinkLabel(t: Translate, d: { title: string; version: number }, rowNo: number | null): string {
  return rowNo === null ? t("disclosure.link.version", d.title, d.version) : t("disclosure.link.versionRow", d.title, d.version, rowNo);
}

/**
 * The form's values when a resident starts from a disclosure: a plan of compensation is complained about, other
 * kinds are reported on. A district project goes to the district's triage (project level "district", place unknown).
 * No personal data: only the plan, its version, the row number and the plot.
 */
export function filingPrefill(src: PrefillSource, t: Translate): FilingValues {
  const { disclosure: d, unit, row } = src;
  const complaint = d.typeCode === "compensation_plan";
  const district = unit.level === "district";
  const category = CATEGORY_FOR_TYPE[d.typeCode as LinkableType] ?? null;
  const rowNo = row?.rowNo ?? null;
  const values: FilingValues = {
    disclosureId: String(d.id),
    planRowNo: rowNo === null ? "" : String(rowNo),
    planRowFor: rowNo === null ? "" : String(d.id),
    commune: district || !unit.selectable ? "unknown" : unit.id,
    projectLevel: district ? "district" : "commune",
    // Not the plot: the place may be published with the case, and the plot ties it to a row of the public table.
    place: "",
    // No row number in the title: it may be published, and the public table ties a row to a household's initials.
    title: fitting(LIMITS.title, d.title, (title) =>
      t(complaint ? "file.prefill.complaintTitle" : "file.prefill.feedbackTitle", disclosureLinkLabel(t, { title, version: d.version }, null)),
    ),
    complainedDecision: fitting(LIMITS.complainedDecision, d.title, (title) => disclosureLinkLabel(t, { title, version: d.version }, null)),
    complainedBody: t(`file.prefill.body.${unit.level}`, unit.name),
  };
  if (complaint) values.kind = "complaint";
  if (category) values.category = category;
  return values;
}
