// What a route needs to know about the request it serves: language, client address, CSRF token, cookies.
import { createCookie } from "@remix-run/node";
import crypto from "node:crypto";
import { parseLanguage, translator, type Language } from "~/i18n";
import { isSecureOrigin, sessionSecret } from "./config.server";
import { hmac, safeEqual } from "./secrets.server";

/** Set by server.mjs for every request. */
export interface RequestContext {
  clientIp?: string;
  /** Correlation id of this request (X-Request-Id), in every log line about it and on error pages. */
  requestId?: string;
  csrfCookie?: string;
}

export function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export const LANGUAGE_COOKIE = "lang";

export function requestLanguage(request: Request): Language {
  return parseLanguage(cookieValue(request, LANGUAGE_COOKIE));
}

export function requestTranslator(request: Request) {
  return translator(requestLanguage(request));
}

export function languageCookie(language: Language): string {
  // HttpOnly: no script reads the language; the page is rendered in it on the server.
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${isSecureOrigin() ? "; Secure" : ""}`;
}

// ---- CSRF: a random value in an httpOnly cookie, and its HMAC in every form (signed double-submit) ----

export const CSRF_COOKIE = "csrf";
export const CSRF_FIELD = "csrf";

/** The cookie value for this request, and the Set-Cookie header when the browser has none yet. */
export function ensureCsrfCookie(cookieHeader: string | undefined): { value: string; setCookie: string | null } {
  const existing = /(?:^|;\s*)csrf=([A-Za-z0-9_-]{43})(?:;|$)/.exec(cookieHeader ?? "")?.[1];
  if (existing) return { value: existing, setCookie: null };
  const value = crypto.randomBytes(32).toString("base64url");
  const secure = isSecureOrigin() ? "; Secure" : "";
  return { value, setCookie: `${CSRF_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${secure}` };
}

export function csrfTokenFor(cookie: string): string {
  return hmac("csrf", cookie);
}

/** The token a page embeds in its forms (the cookie is set by server.mjs before the loader runs). */
export function csrfToken(request: Request, context: RequestContext | undefined): string {
  const cookie = context?.csrfCookie ?? cookieValue(request, CSRF_COOKIE);
  return cookie ? csrfTokenFor(cookie) : "";
}

/** True when the browser says a post comes from another site (fetch metadata, or an Origin naming another host). */
export function isCrossSite(headers: { origin?: string | null; secFetchSite?: string | null; host?: string | null }): boolean {
  const site = headers.secFetchSite;
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.origin;
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true;
  }
}

/** A form post must come from our own pages: same-origin fetch metadata and a token matching the cookie. */
export function verifyCsrf(request: Request, submitted: FormDataEntryValue | null): boolean {
  const h = request.headers;
  if (isCrossSite({ origin: h.get("Origin"), secFetchSite: h.get("Sec-Fetch-Site"), host: h.get("Host") ?? new URL(request.url).host })) {
    return false;
  }
  const cookie = cookieValue(request, CSRF_COOKIE);
  if (!cookie || typeof submitted !== "string" || !submitted) return false;
  return safeEqual(csrfTokenFor(cookie), submitted);
}

// ---- Resident access: after a successful look-up, a signed cookie lists the cases this browser may open ----

let grantsCookie: ReturnType<typeof createCookie> | undefined;
function grants() {
  grantsCookie ??= createCookie("cases", {
    secrets: [sessionSecret()],
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureOrigin(),
    path: "/",
    maxAge: 2 * 60 * 60,
  });
  return grantsCookie;
}

interface Grant {
  id: number;
  exp: number;
}

async function readGrants(request: Request): Promise<Grant[]> {
  const value = await grants().parse(request.headers.get("Cookie"));
  if (!Array.isArray(value)) return [];
  const now = Date.now();
  return value.filter((g): g is Grant => typeof g?.id === "number" && typeof g?.exp === "number" && g.exp > now);
}

export async function hasCaseGrant(request: Request, caseId: number): Promise<boolean> {
  return (await readGrants(request)).some((g) => g.id === caseId);
}

/** Set-Cookie adding one case (the ten most recent are kept). */
export async function grantCase(request: Request, caseId: number): Promise<string> {
  const kept = (await readGrants(request)).filter((g) => g.id !== caseId).slice(-9);
  return grants().serialize([...kept, { id: caseId, exp: Date.now() + 2 * 60 * 60 * 1000 }]);
}
