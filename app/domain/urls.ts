// Where the portal may send a browser back to after an action: only a path of this site, judged the way a browser
// reads it (browsers drop tabs and newlines in a URL and treat "\" as "/", so "/\t/evil.example" is "//evil.example").

/** The path if it is one of our own (optionally under `prefix`), else `fallback`. */
export function sameSitePath(value: string | null | undefined, fallback = "/", prefix = "/"): string {
  if (!value || value.length > 2000) return fallback;
  // Anything a browser would strip or reinterpret, or that cannot be a plain path, refuses the value outright.
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || ch === "\\") return fallback;
  }
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value, "http://portal.invalid");
  } catch {
    return fallback;
  }
  if (parsed.host !== "portal.invalid") return fallback;
  const path = parsed.pathname + parsed.search + parsed.hash;
  return path.startsWith(prefix) ? path : fallback;
}

/**
 * Pages that belong to one person (staff pages, a filer's case, a receipt, a household's plan row, an attachment):
 * never stored by a browser or a proxy. The server sets `no-store` on them before any route runs, so a route that
 * forgets its own headers cannot leak one (the TOTP set-up page did).
 */
export function isPrivatePath(pathname: string): boolean {
  return /^\/(?:can-bo(?:\/|$)|tra-cuu\/|bien-nhan\/|tep\/|tiep-cong-dan\/dat-lich\/|cong-khai\/[^/]+\/ho-gia-dinh(?:\/|$))/.test(pathname);
}

/**
 * Pages anyone can read, the same for every visitor of a language (home, the register and a case's public page,
 * disclosures and their feed, statistics): served to everyone from one rendering (docs/decisions/015). A household's
 * row or a disclosure's document are two segments deep and so never match.
 */
export function isPublicPath(pathname: string): boolean {
  return /^\/(?:ho-so(?:\/[^/]+)?|cong-khai(?:\/[^/]+)?|thong-ke)?\/?$/.test(pathname) && pathname !== "//";
}
