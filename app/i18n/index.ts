// Looking up UI text: one catalogue per language, Vietnamese first.
import { en } from "./en";
import { vi, type MessageKey } from "./vi";

export type Language = "vi" | "en";
const catalogues: Record<Language, Record<MessageKey, string>> = { vi, en };

export type { MessageKey };
/** Labels of things that are data (categories an administrator edits; routing rules' reasons), looked up at run time. */
export type DataLabelKey = `category.${string}` | `routing.${string}`;
/** A catalogue key, a key with its parameters as the validation schemas write them ("error.tooLong:200"), or a data label. */
export type TranslationKey = MessageKey | `${MessageKey}:${string}` | DataLabelKey;
export type Translate = (key: TranslationKey, ...params: (string | number)[]) => string;

/** Translates a message that arrived as data (an error key from the server): checked at run time, not by the compiler. */
export function translateMessage(t: Translate, message: string, ...params: (string | number)[]): string {
  return t(message as TranslationKey, ...params);
}

/**
 * Translates a key, or a "key:param" message as produced by the validation schemas ("error.tooLong:200").
 * Unknown keys fall back to Vietnamese, then to the key itself, so a missing string is visible but harmless.
 * `dataLabels` holds labels kept in the database (category names), keyed like the catalogue ("category.land").
 */
export function translator(language: Language, dataLabels: Readonly<Record<string, string>> = {}): Translate {
  const catalogue = catalogues[language] ?? vi;
  return (key, ...params) => {
    // Labels that are data (categories an administrator added or renamed) win over the catalogue.
    if (key in dataLabels) return dataLabels[key];
    let lookup: string = key;
    let args = params;
    if (!(key in vi) && key.includes(":")) {
      const [k, ...rest] = key.split(":");
      lookup = k;
      args = [rest.join(":"), ...params];
    }
    const template = catalogue[lookup as MessageKey] ?? vi[lookup as MessageKey] ?? key;
    return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
  };
}

export function parseLanguage(value: string | null | undefined): Language {
  return value === "en" ? "en" : "vi";
}
