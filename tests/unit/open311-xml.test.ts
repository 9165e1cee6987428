import { describe, expect, it } from "vitest";
import { echoed, toXml } from "~/domain/open311";

describe("Open311 XML", () => {
  it("is well-formed whatever stored text holds: characters XML 1.0 forbids are dropped, markup escaped", () => {
    const xml = toXml("service_requests", [{ description: "a\uFFFEb\uFFFFc\u0001d<e>&\"'\u{1F600}\tf" }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_requests><request><description>abcd&lt;e&gt;&amp;&quot;&apos;\u{1F600}\tf</description></request></service_requests>',
    );
    for (const forbidden of ["\uFFFE", "\uFFFF", "\u0001"]) expect(xml.includes(forbidden)).toBe(false);
  });

  it("errors repeat an identifier from the request, never raw input", () => {
    expect(echoed("XT-26-0000001")).toBe("XT-26-0000001");
    for (const raw of ["<script>", "a\u0000b", "x".repeat(65), "line\nbreak", ""]) expect(echoed(raw)).toBe("(không hợp lệ / not valid)");
  });
});
