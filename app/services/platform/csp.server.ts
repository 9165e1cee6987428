// The Content-Security-Policy, in one place. Pages allow exactly the inline scripts Remix wrote into them, by their
// SHA-256 hashes (docs/decisions/015): a page's scripts depend on the page, never on the visitor, so a page served to
// everyone from the cache keeps the same protection a per-request nonce gave.
import crypto from "node:crypto";

export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join("")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Finds the inline scripts rendered with `marker` as their nonce (Remix's own: ScrollRestoration and Scripts), hashes
 * their text and removes the marker. A script that reached the page any other way (an injection) has no marker, so
 * it gets no hash and the browser refuses it. The marker is random per rendering and never leaves the server.
 */
export function hashMarkedScripts(html: string, marker: string): { html: string; hashes: string[] } {
  const hashes: string[] = [];
  const attribute = ` nonce="${marker}"`;
  const out = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs: string, body: string) => {
    if (!attrs.includes(attribute)) return whole;
    if (body) {
      const hash = `sha256-${crypto.createHash("sha256").update(body, "utf8").digest("base64")}`;
      if (!hashes.includes(hash)) hashes.push(hash);
    }
    return `<script${attrs.replace(attribute, "")}>${body}</script>`;
  });
  return { html: out, hashes };
}
