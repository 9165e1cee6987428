// Input a tester sends on purpose, over HTTP against the production build: redirects that browsers would turn into
// another site, filters far longer than any value they take, and the cookie flags behind https.
import { describe, expect, it } from "vitest";
import { Client } from "../support/browserless-client";
import { signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ demo: true });

describe("the language switch", () => {
  it("returns only to a path of this site, whatever tabs, newlines, NUL or backslashes the address holds", async () => {
    for (const back of [
      "%2F%09%2Fevil.example",
      "%2F%0A%2Fevil.example",
      "%2F%0D%0A%2Fevil.example",
      "%2F%5Cevil.example",
      "%5C%5Cevil.example",
      "%2F%00%2Fevil.example",
      "%09%2F%2Fevil.example",
    ]) {
      const res = await new Client(fixture.url).get(`/ngon-ngu?lang=en&back=${back}`);
      expect(res.status, back).toBeGreaterThanOrEqual(300);
      expect(res.status, back).toBeLessThan(400);
      expect(res.location, back).toBe("/");
    }
  });
});

describe("filters in the address", () => {
  it("far longer than any value they take get a page of the portal's, never a 500 — the inbox and its CSV export", async () => {
    const { client } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    const long = "x".repeat(200);
    for (const query of [`status=${long}`, `q=${long.repeat(10)}`, `commune=${long}`, `due=${long}`, `page=${long}`, "status=%00%0A"]) {
      for (const path of ["/can-bo", "/can-bo/xuat-csv"]) {
        const res = await client.get(`${path}?${query}`);
        expect(res.status, `${path}?${query.slice(0, 20)}`).toBeLessThan(500);
        expect(res.html).not.toMatch(/ZodError|at \w+ \(|node_modules/);
      }
    }
  });
});

describe("cookies behind https", () => {
  const https = usePortal({ env: { PUBLIC_URL: "https://dan-biet.example" } });

  it("csrf and lang are Secure, and both out of scripts' reach", async () => {
    const page = await fetch(`${https.url}/gui-phan-anh`);
    const csrf = page.headers.getSetCookie().find((c) => c.startsWith("csrf="));
    expect(csrf).toMatch(/;\s*Secure/i);
    expect(csrf).toMatch(/;\s*HttpOnly/i);
    const switched = await fetch(`${https.url}/ngon-ngu?lang=en&back=%2F`, { redirect: "manual" });
    const lang = switched.headers.getSetCookie().find((c) => c.startsWith("lang="));
    expect(lang).toMatch(/;\s*Secure/i);
    expect(lang).toMatch(/;\s*HttpOnly/i);
    expect(switched.headers.get("Strict-Transport-Security")).toContain("max-age=");
  });
});
