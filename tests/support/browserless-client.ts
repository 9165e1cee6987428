// A small HTTP client that behaves like a browser without JavaScript: keeps cookies, reads the form's hidden
// fields (CSRF token, idempotency key) from the page, posts forms, and does not follow redirects by itself.

export interface Page {
  status: number;
  headers: Headers;
  html: string;
  location: string | null;
}

export class Client {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    this.remember(res.headers);
    const html = await res.text();
    return { status: res.status, headers: res.headers, html, location: res.headers.get("Location") };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  /** GET, following redirects like a browser would. */
  async open(path: string): Promise<Page> {
    let page = await this.get(path);
    for (let i = 0; i < 5 && page.location; i++) page = await this.get(page.location);
    return page;
  }

  async post(path: string, body: FormData | URLSearchParams, extraHeaders: Record<string, string> = {}): Promise<Page> {
    return this.request(path, { method: "POST", body, headers: { "Sec-Fetch-Site": "same-origin", ...extraHeaders } });
  }
}

/** The value of a hidden input in a page. */
export function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`No hidden field ${name} in page`);
  return match[1];
}

/** Visible text of an HTML fragment, entities decoded: what a person reads. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
