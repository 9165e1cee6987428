import { describe, expect, it } from "vitest";
import { isPrivatePath, sameSitePath } from "~/domain/urls";

describe("where a browser may be sent back to", () => {
  it("keeps our own paths with their query and fragment", () => {
    expect(sameSitePath("/ho-so/XT-26-0000013?x=1#a")).toBe("/ho-so/XT-26-0000013?x=1#a");
    expect(sameSitePath("/can-bo/ho-so/X", "/can-bo", "/can-bo")).toBe("/can-bo/ho-so/X");
  });

  it("refuses every way of naming another site, as the browser would normalise it", () => {
    for (const bad of [
      "//evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      " /x",
      "/\u0000x",
      "evil.example",
      "/%09/evil.example/../../",
    ]) {
      const target = sameSitePath(bad);
      expect(target.startsWith("//") || /^[a-z]+:/i.test(target), bad).toBe(false);
      expect(new URL(target, "http://portal.test").host, bad).toBe("portal.test");
    }
    expect(sameSitePath("/\t/evil.example")).toBe("/");
  });

  it("refuses what is outside the prefix, overlong or absent", () => {
    expect(sameSitePath("/tra-cuu", "/can-bo", "/can-bo")).toBe("/can-bo");
    expect(sameSitePath("/" + "a".repeat(3000))).toBe("/");
    expect(sameSitePath(null)).toBe("/");
    expect(sameSitePath(undefined, "/x")).toBe("/x");
  });
});

describe("pages that belong to one person", () => {
  it("are the staff pages, a filer's case, receipts, household rows and attachments", () => {
    for (const p of [
      "/can-bo",
      "/can-bo/thiet-lap-xac-thuc",
      "/can-bo/xac-thuc",
      "/can-bo/dang-xuat",
      "/tra-cuu/XT-26-0000001",
      "/bien-nhan/abc",
      "/tep/1",
      "/cong-khai/phuong-an-1/ho-gia-dinh",
    ])
      expect(isPrivatePath(p), p).toBe(true);
    for (const p of ["/", "/ho-so/XT-26-0000001", "/cong-khai/phuong-an-1", "/thong-ke", "/can-bonus", "/tra-cuu"]) expect(isPrivatePath(p), p).toBe(false);
  });
});
