// Text published with the resident's consent still never carries contact details: phone numbers, e-mail
// addresses, ID numbers and the filer's own name are replaced before anything is shown publicly.
import { foldForSearch } from "./text";

export const REDACTED = "[…]";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Vietnamese phone numbers (0… or +84…, with spaces, dots or dashes) and 9- or 12-digit ID numbers.
const PHONE = /(?:\+?84|0)(?:[\s.-]?\d){8,10}\b/g;
const ID_NUMBER = /\b\d{9}(?:\d{3})?\b/g;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Removes contact details and the given names (matched with or without diacritics) from published text. */
export function redactPersonalData(text: string, names: readonly string[] = []): string {
  let out = text.replace(EMAIL, REDACTED).replace(PHONE, REDACTED).replace(ID_NUMBER, REDACTED);
  for (const name of names) {
    const clean = name.trim();
    if (clean.length < 4) continue;
    out = out.replace(new RegExp(escapeRegExp(clean), "giu"), REDACTED);
    // Also the name typed without diacritics ("Tran Thi Binh" for "Trần Thị Bình").
    const folded = foldForSearch(clean);
    if (folded !== clean.toLowerCase()) out = out.replace(new RegExp(escapeRegExp(folded), "gi"), REDACTED);
  }
  return out;
}
