// Page titles from the catalogues, in the page's language: every route's `meta` goes through pageMeta.
import type { MetaDescriptor } from "@remix-run/node";
import { parseLanguage, translator, type MessageKey, type Translate } from "./index";

interface MetaArgs {
  data?: unknown;
  matches: readonly ({ id: string; data?: unknown } | undefined)[];
}

/** The translate function of the page being rendered (its language comes from the root loader). */
export function metaTranslator(matches: MetaArgs["matches"]): Translate {
  const root = matches.find((m) => m?.id === "root")?.data as { language?: string; dataLabels?: Record<string, string> } | undefined;
  return translator(parseLanguage(root?.language), root?.dataLabels ?? {});
}

/**
 * `meta` for a route: its title from the catalogue ("<page> — Dân Biết"), optionally built from the loader's data,
 * and `noindex` for pages that belong to one person (receipts, look-ups, staff pages).
 */
export function pageMeta<D = unknown>(
  title: MessageKey | ((t: Translate, data: D) => string),
  options: { noindex?: boolean; description?: (t: Translate, data: D) => string } = {},
) {
  return ({ data, matches }: MetaArgs): MetaDescriptor[] => {
    const t = metaTranslator(matches);
    const text = typeof title === "string" ? t(title) : data ? title(t, data as D) : t("errorPage.title");
    const tags: MetaDescriptor[] = [{ title: `${text} — ${t("app.name")}` }];
    if (options.noindex) tags.push({ name: "robots", content: "noindex" });
    if (options.description && data) tags.push({ name: "description", content: options.description(t, data as D) });
    return tags;
  };
}
