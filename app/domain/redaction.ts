// The one redaction policy for everything the public (and anyone not entitled to a filer's identity) sees: the
// public case page, the register, Open311 JSON and XML, feeds, public CSV, consultation comments, related cases.
// Contact details, ID numbers, the filer's own name and land-parcel numbers (which the public plan table ties to
// a household) are replaced; the unit's own published contacts are kept.
import { mayPublishContent } from "./publication";
import { cleanSingleLine, foldForSearch, phoneDigits } from "./text";

export const REDACTED = "[…]";

/** Marks demo data on every page; never masked into letters nor removed with a demo name. */
export const DEMO_MARKER = "(dữ liệu mẫu)";

/** What identifies the person who filed (or commented): removed wherever it appears. */
export interface FilerIdentity {
  fullName?: string | null;
  phone?: string | null;
  email?: string | null;
  idNumber?: string | null;
}

/** The unit's own contacts as published in reference data: they stay in public text. */
export interface PublishedContacts {
  phones: readonly string[];
  emails: readonly string[];
}

export const NO_PUBLISHED_CONTACTS: PublishedContacts = { phones: [], emails: [] };

/**
 * Who wrote the text. A resident's text loses every phone number and e-mail address that is not the unit's;
 * the unit's own signed text (an answer, a reply) keeps the contacts it gives and loses only the filer's.
 */
export type Author = "resident" | "unit";

export interface RedactionContext {
  identity?: FilerIdentity;
  contacts?: PublishedContacts;
  author?: Author;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Vietnamese phone numbers (0… or +84…, with spaces, dots or dashes).
const PHONE = /(?<!\w)(?:\+?84|0)(?:[\s.-]?\d){8,10}\b/g;
// CCCD (12 digits, also typed in groups: "036 080 001 234") and CMND (9 digits).
const ID_NUMBER = /\b(?:\d{12}|\d{9}|\d{3} \d{3} \d{3} \d{3})\b/g;
// A land parcel ("thửa đất số 215", "thửa 215/3") and a map sheet ("tờ bản đồ số 7", "tờ số 7"), typed with or
// without diacritics: with the public plan table they name the household.
const PLOT = /(?<![\p{L}\p{N}])th(?:ửa|ua)(?:\s+(?:đất|dat))?(?:\s+(?:số|so))?\s*[:.]?\s*\d+(?:\s*[/-]\s*\d+)?/giu;
// A bare "to 7" is English; without diacritics only "to ban do 7" counts.
const MAP_SHEET = /(?<![\p{L}\p{N}])(?:t(?:ờ|o)\s+(?:bản|ban)\s+(?:đồ|do)|tờ)(?:\s+(?:số|so))?\s*[:.]?\s*\d+/giu;

/** One code unit → its lowercase letter without diacritics, so indexes in the folded text match the original. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return c;
  const folded = c.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
  return folded.length === 1 ? folded : c;
}

function foldSameLength(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A name without the demo marker it may carry ("Nguyễn Văn An (dữ liệu mẫu)" → "Nguyễn Văn An"). */
function personalName(name: string): string {
  return cleanSingleLine(name.split(DEMO_MARKER).join(" "));
}

/** Replaces a name wherever it is typed, with or without diacritics, in any case, spaced any way. */
function removeName(text: string, name: string): string {
  const clean = personalName(name);
  if (clean.length < 4) return text;
  const words = foldSameLength(clean).split(" ").filter(Boolean).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join("\\s+")}(?![\\p{L}\\p{N}])`, "gu");
  const folded = foldSameLength(text);
  let out = "";
  let last = 0;
  for (const match of folded.matchAll(pattern)) {
    out += text.slice(last, match.index) + REDACTED;
    last = match.index + match[0].length;
  }
  return out + text.slice(last);
}

/** Removes the filer's identity, ID numbers, land parcels and (in a resident's text) contacts not the unit's. */
export function redactPersonalData(text: string, context: RedactionContext = {}): string {
  const identity = context.identity ?? {};
  const contacts = context.contacts ?? NO_PUBLISHED_CONTACTS;
  const author = context.author ?? "resident";
  const keptPhones = new Set(contacts.phones.map(phoneDigits).filter(Boolean));
  const keptEmails = new Set(contacts.emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
  const filerPhone = identity.phone ? phoneDigits(identity.phone) : "";
  const filerEmail = identity.email?.trim().toLowerCase() ?? "";

  // ID numbers first: a CCCD typed in groups of three would otherwise start like a phone number.
  let out = text.replace(ID_NUMBER, REDACTED);
  if (identity.idNumber) out = out.split(identity.idNumber).join(REDACTED);
  out = out.replace(EMAIL, (email) => {
    const lower = email.toLowerCase();
    if (lower === filerEmail) return REDACTED;
    return keptEmails.has(lower) || author === "unit" ? email : REDACTED;
  });
  out = out.replace(PHONE, (phone) => {
    const digits = phoneDigits(phone);
    if (digits === filerPhone) return REDACTED;
    return keptPhones.has(digits) || author === "unit" ? phone : REDACTED;
  });
  out = out.replace(PLOT, REDACTED).replace(MAP_SHEET, REDACTED);
  if (identity.fullName) out = removeName(out, identity.fullName);
  return out;
}

/** "Nguyễn Văn An" → "N. V. A.": a household recognises itself, the public does not learn the name. */
export function maskName(name: string): string {
  const demo = name.includes(DEMO_MARKER);
  const words = personalName(name).split(" ").filter(Boolean);
  const initials = words
    .map((w) => /\p{L}/u.exec(w)?.[0])
    .filter((letter): letter is string => !!letter)
    .map((letter) => `${letter.toUpperCase()}.`)
    .join(" ");
  return demo ? `${initials} ${DEMO_MARKER}`.trim() : initials;
}

// ---------------------------------------------------------------- a case, as the public sees it

export interface CaseText {
  kindCode: string;
  publishConsent: boolean;
  title: string;
  description: string;
  requestedOutcome: string;
}

export interface PublicCaseText {
  title: string;
  description: string;
  requestedOutcome: string;
}

/**
 * The text of a case any public surface may show: null unless the kind may be published and the filer agreed,
 * and then without personal data. The place and the coordinates are never public: they pin the plot.
 */
export function publicCaseText(c: CaseText, identity: FilerIdentity, contacts: PublishedContacts): PublicCaseText | null {
  if (!mayPublishContent(c)) return null;
  const redact = (text: string) => redactPersonalData(text, { identity, contacts, author: "resident" });
  return { title: redact(c.title), description: redact(c.description), requestedOutcome: redact(c.requestedOutcome) };
}

/** The unit's answer to a published case: its own contacts stay, the filer's identity goes. */
export function publicAnswerText(body: string, identity: FilerIdentity, contacts: PublishedContacts): string {
  return redactPersonalData(body, { identity, contacts, author: "unit" });
}

/** A resident's consultation comment: the phone they gave (never published) and any contact typed in it go. */
export function publicCommentText(body: string, author: FilerIdentity, contacts: PublishedContacts): string {
  return redactPersonalData(body, { identity: author, contacts, author: "resident" });
}

/**
 * What a staff member without the right to see identities (a supervisor, an administrator) reads of a case's
 * text: the same redaction as the public, whether or not the filer agreed to publication.
 */
export function redactedForStaff(text: string, identity: FilerIdentity, contacts: PublishedContacts, author: Author = "resident"): string {
  return redactPersonalData(text, { identity, contacts, author });
}

/**
 * A case's two search keys: the full one (text and the filer's name, e-mail and phone digits) for staff who may
 * see who filed, and the redacted one for the public register and supervisors.
 */
export function caseSearchTexts(
  c: { code: string; title: string; description: string },
  identity: FilerIdentity,
  contacts: PublishedContacts,
): { searchText: string; publicSearchText: string } {
  const who = [identity.fullName ? personalName(identity.fullName) : "", identity.email ?? "", identity.phone ? phoneDigits(identity.phone) : ""];
  const redact = (text: string) => redactPersonalData(text, { identity, contacts, author: "resident" });
  return {
    searchText: foldForSearch([c.code, c.title, c.description, ...who].join(" ")),
    publicSearchText: foldForSearch([c.code, redact(c.title), redact(c.description)].join(" ")),
  };
}
