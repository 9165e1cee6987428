// Text rules for everything a person types: one place decides what is stored and what is searched.

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Zero-width characters that hide in copied text. U+200D (ZWJ) is kept in long text: it joins emoji.
const ZERO_WIDTH_SINGLE_LINE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ZERO_WIDTH_LONG_TEXT = /[\u200B\u200C\u2060\uFEFF]/g;
// C0/C1 controls other than tab and newline (NUL is refused before this runs).
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/g;
const CONTROL_LONG_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Nothing a reader can see: only spaces, default-ignorable code points (U+200D, U+00AD, U+3164 Hangul filler, …) and
 * the braille blank, which copied text uses to look filled in.
 */
export function isBlank(value: string): boolean {
  return value.replace(/[\s\p{Default_Ignorable_Code_Point}\u2800]/gu, "") === "";
}

export function hasNul(value: string): boolean {
  return value.includes("\u0000");
}

/** True when the string holds a lone surrogate (not valid Unicode, cannot be stored faithfully). */
export function isWellFormed(value: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

/** A name, a title, an address: NFC, no invisible or direction-changing characters, single spaces. */
export function cleanSingleLine(value: string): string {
  return value.normalize("NFC").replace(BIDI_CONTROLS, "").replace(ZERO_WIDTH_SINGLE_LINE, "").replace(CONTROL_SINGLE_LINE, " ").replace(/\s+/g, " ").trim();
}

/** A description: NFC, newlines kept (as \n), invisible and direction-changing characters removed, emoji kept. */
export function cleanLongText(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(BIDI_CONTROLS, "")
    .replace(ZERO_WIDTH_LONG_TEXT, "")
    .replace(CONTROL_LONG_TEXT, "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{4,}/g, "\n\n\n")
    .trim();
}

/**
 * Search key: lowercase, no diacritics, đ→d, so "duong" finds "Đường" and "nguyen" finds "Nguyễn".
 * (SQLite FTS5's remove_diacritics leaves đ alone, hence our own fold.)
 */
export function foldForSearch(value: string): string {
  return value.normalize("NFC").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/\s+/g, " ").trim();
}

/** At most this many words of a search are matched (each one more LIKE over the searched text). */
export const MAX_SEARCH_TERMS = 8;

/**
 * The words of a search, folded like the stored search text: every one must appear, in any order ("khieu nai muc
 * boi thuong thua 215" finds "Khiếu nại mức bồi thường thửa 215"). Punctuation separates words; repeats are dropped.
 */
export function searchTerms(query: string): string[] {
  const words = foldForSearch(query)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/** Digits of a phone number in national form: "+84 912 345 678" and "0912345678" compare equal. */
export function phoneDigits(value: string): string {
  let digits = value.replace(/\D/g, "");
  if (digits.startsWith("84") && digits.length >= 11) digits = "0" + digits.slice(2);
  return digits;
}

/** A user-supplied file name reduced to something safe to show (never used as a path). */
export function safeDisplayName(value: string, fallback: string): string {
  const base = cleanSingleLine(value.split(/[\\/]/).pop() ?? "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/^\.+/, "");
  const trimmed = base.length > 120 ? base.slice(0, 60) + "…" + base.slice(-40) : base;
  return trimmed || fallback;
}
