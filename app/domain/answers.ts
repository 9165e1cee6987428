// What an answer to a resident must be before it is sent: who may send it in whose name, no blank left from a
// template, and which templates to offer first. Pure rules; the handling service and the case page read them.
import type { CaseKind } from "./filing";
import type { StaffUser } from "./permissions";
import { foldForSearch } from "./text";

/**
 * Kinds whose answer is by law the decision of the head of the unit, whatever the signature says: the chairman
 * resolves a complaint at first instance (Luật Khiếu nại 2011, Điều 17, 18) and a denunciation against those he
 * manages (Luật Tố cáo 2018, Điều 13, 14). Feedback and petitions may be answered by the office in its own name.
 */
export const KINDS_DECIDED_BY_CHAIRMAN: readonly CaseKind[] = ["complaint", "denunciation"];

// Signatures in the leader's name (folded): the chairman or a deputy; "TM." / "KT." / "TL." (on behalf of,
// signing for, by order of) spelt short or out; or the committee itself as the signatory.
const CHAIRMAN_SIGNATURE = /\b(?:chu tich|tm\.|kt\.|tl\.|thay mat|ky thay|thua lenh)|^(?:ubnd|uy ban nhan dan)\b/;

/** Does this signature speak in the name of the chairman or the committee? */
export function signsForChairman(signedBy: string): boolean {
  return CHAIRMAN_SIGNATURE.test(foldForSearch(signedBy));
}

/** Is this answer the chairman's: by the kind (a decision) or by the signature? */
export function inChairmansName(kindCode: string, signedBy: string): boolean {
  return (KINDS_DECIDED_BY_CHAIRMAN as readonly string[]).includes(kindCode) || signsForChairman(signedBy);
}

/**
 * Does this user lead the unit that holds the case, and so sign for its chairman? A commune's leader for the
 * commune; for cases held by the district (triage, second instance), the district's staff, who are its only
 * accounts that handle cases.
 */
export function leadsUnit(user: StaffUser, communeId: string, districtId: string): boolean {
  if (user.role === "commune_leader") return user.communeId === communeId && communeId !== districtId;
  if (user.role === "district_staff") return user.communeId === districtId && communeId === districtId;
  return false;
}

/** May this user send this answer now, or must it go to a leader as a draft first? */
export function answerRoute(user: StaffUser, target: { communeId: string; kindCode: string }, signedBy: string, districtId: string): "send" | "needs_approval" {
  if (leadsUnit(user, target.communeId, districtId)) return "send";
  return inChairmansName(target.kindCode, signedBy) ? "needs_approval" : "send";
}

/** Must every answer on this case by this user go through a draft (the kind is the chairman's decision)? */
export function answersOnlyByDraft(user: StaffUser, target: { communeId: string; kindCode: string }, districtId: string): boolean {
  return !leadsUnit(user, target.communeId, districtId) && (KINDS_DECIDED_BY_CHAIRMAN as readonly string[]).includes(target.kindCode);
}

/** Blanks a template leaves to be filled: "…" (one character or three dots), "[…]", "[...]", "[ ]". */
const PLACEHOLDER = /\[\s*(?:…|\.{2,})?\s*\]|…|\.{3,}/u;

export interface Placeholder {
  /** The blank as it stands in the text. */
  text: string;
  /** Line number, from 1. */
  line: number;
  /** The words around it, so the official can find it. */
  excerpt: string;
}

/** The first blank left unfilled in an answer, or null when there is none. */
export function findPlaceholder(text: string): Placeholder | null {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = PLACEHOLDER.exec(lines[i]);
    if (!match) continue;
    const start = Math.max(0, match.index - 30);
    const end = Math.min(lines[i].length, match.index + match[0].length + 30);
    const excerpt = `${start > 0 ? "…" : ""}${lines[i].slice(start, end).trim()}${end < lines[i].length ? "…" : ""}`;
    return { text: match[0], line: i + 1, excerpt };
  }
  return null;
}

export interface ResponseTemplate {
  id: number;
  title: string;
  categoryCode: string | null;
  kindCode: string | null;
}

/**
 * The templates that fit the case, those for its category and kind first, then its category, then its kind, then
 * the general ones; templates for another category or kind are left out. Titles order each group.
 */
export function templatesForCase<T extends ResponseTemplate>(templates: readonly T[], target: { categoryCode: string; kindCode: string }): T[] {
  const rank = (tpl: T): number | null => {
    if (tpl.categoryCode !== null && tpl.categoryCode !== target.categoryCode) return null;
    if (tpl.kindCode !== null && tpl.kindCode !== target.kindCode) return null;
    return (tpl.categoryCode === null ? 2 : 0) + (tpl.kindCode === null ? 1 : 0);
  };
  return templates
    .map((tpl) => ({ tpl, rank: rank(tpl) }))
    .filter((x): x is { tpl: T; rank: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.tpl.title.localeCompare(b.tpl.title, "vi") || a.tpl.id - b.tpl.id)
    .map((x) => x.tpl);
}
