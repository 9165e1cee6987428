import { describe, expect, it } from "vitest";
import {
  cleanLongText,
  isBlank,
  cleanSingleLine,
  foldForSearch,
  MAX_SEARCH_TERMS,
  searchTerms,
  hasNul,
  isWellFormed,
  phoneDigits,
  safeDisplayName,
} from "~/domain/text";

describe("text people type", () => {
  it("Vietnamese typed decomposed (NFD) is stored composed (NFC)", () => {
    const nfd = "Nguyễn".normalize("NFD");
    expect(nfd.length).toBe(8);
    expect(cleanSingleLine(nfd)).toBe("Nguyễn");
    expect(cleanSingleLine(nfd).length).toBe(6);
    expect(cleanSingleLine("a\u0341")).toBe("á");
  });

  it("invisible characters alone are nothing; direction overrides are removed", () => {
    expect(cleanSingleLine("\u200B\u200B")).toBe("");
    expect(cleanSingleLine("\u2060")).toBe("");
    expect(cleanSingleLine("  Lê\u202E Văn\u2066 Tám\u2069 ")).toBe("Lê Văn Tám");
    expect(cleanLongText("Nội\u202E dung")).toBe("Nội dung");
  });

  it("long text keeps line breaks and joined emoji", () => {
    const family = "👨‍👩‍👧‍👦";
    expect(cleanLongText(`Dòng 1\r\nDòng 2 ${family}`)).toBe(`Dòng 1\nDòng 2 ${family}`);
    expect(cleanLongText(family).length).toBe(11);
  });

  it("NUL and lone surrogates are detected", () => {
    expect(hasNul("a\u0000b")).toBe(true);
    expect(hasNul("ab")).toBe(false);
    expect(isWellFormed("\ud800")).toBe(false);
    expect(isWellFormed("ok 👍")).toBe(true);
  });

  it("the search key ignores diacritics, including đ/Đ", () => {
    expect(foldForSearch("Đường")).toBe("duong");
    expect(foldForSearch("Nguyễn")).toBe("nguyen");
    expect(foldForSearch("Hà Nội")).toBe("ha noi");
    expect(foldForSearch("hoà")).toBe(foldForSearch("hòa"));
    expect(foldForSearch("Thuỷ")).toBe(foldForSearch("Thủy"));
    expect(foldForSearch("NGUYỄN".normalize("NFD"))).toBe("nguyen");
  });

  it("phone numbers compare in national form", () => {
    expect(phoneDigits("+84 912 345 678")).toBe("0912345678");
    expect(phoneDigits("0912.345.678")).toBe("0912345678");
    expect(phoneDigits("(0228) 3876 543")).toBe("02283876543");
  });

  it("file names shown to people are stripped of paths and tricks", () => {
    expect(safeDisplayName("../../etc/passwd", "tệp")).toBe("passwd");
    expect(safeDisplayName("C:\\Users\\a\\ảnh.jpg", "tệp")).toBe("ảnh.jpg");
    expect(safeDisplayName("x\u202Egpj.exe", "tệp")).toBe("xgpj.exe");
    expect(safeDisplayName("...", "tệp")).toBe("tệp");
    expect(safeDisplayName("a".repeat(300) + ".jpg", "tệp").length).toBeLessThan(110);
  });
});

describe("search terms", () => {
  it("are the folded words of the query, in any order, punctuation between them", () => {
    expect(searchTerms("Khiếu nại mức bồi thường, thửa 215!")).toEqual(["khieu", "nai", "muc", "boi", "thuong", "thua", "215"]);
    expect(searchTerms("  ")).toEqual([]);
    expect(searchTerms("XT-26-0000001")).toEqual(["xt-26-0000001"]);
  });

  it("drop repeats and stop at a bounded number of words", () => {
    expect(searchTerms("đất đất dat")).toEqual(["dat"]);
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(MAX_SEARCH_TERMS);
  });
});

describe("blank text", () => {
  it("is text with nothing a reader can see", () => {
    for (const blank of ["", "   ", "\u200D\u200D", "\u00AD", "\u3164\u3164", "\u2800", " \u115F\u1160\uFFA0 "])
      expect(isBlank(blank), JSON.stringify(blank)).toBe(true);
    for (const filled of ["a", "đất", "👨‍👩‍👧", "215"]) expect(isBlank(filled)).toBe(false);
  });
});
