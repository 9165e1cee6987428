// One person's pages are never stored by a browser or a proxy, whether or not their route says so.
import { describe, expect, it } from "vitest";
import { usePortal } from "../support/portal-fixture";

const fixture = usePortal({ db: "readonly" });

describe("Cache-Control", () => {
  it("is no-store on staff pages (the second-factor set-up, sign-out too), look-ups, receipts and household rows", async () => {
    for (const path of ["/can-bo/dang-nhap", "/can-bo/thiet-lap-xac-thuc", "/can-bo/xac-thuc", "/can-bo/dang-xuat", "/tra-cuu/XT-26-0000001", "/bien-nhan/x"]) {
      const res = await fetch(`${fixture.url}${path}`, { redirect: "manual" });
      expect(res.headers.get("cache-control"), path).toContain("no-store");
    }
  });

  it("is left to the route on public pages", async () => {
    const res = await fetch(`${fixture.url}/thong-ke`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control") ?? "").not.toContain("no-store");
  });
});

describe("an address that cannot be decoded", () => {
  const development = usePortal({ db: "readonly", env: { NODE_ENV: "development" } });

  it("gets a 400 page of the portal's, never a stack trace, whatever NODE_ENV is", async () => {
    for (const base of [fixture.url, development.url]) {
      const res = await fetch(`${base}/ho-so/%E0%A4%A`);
      const body = await res.text();
      expect(res.status).toBe(400);
      expect(body).toContain("Địa chỉ không hợp lệ");
      expect(body).not.toMatch(/URIError|at \w+ \(|node_modules|\/work\//);
    }
  });
});
