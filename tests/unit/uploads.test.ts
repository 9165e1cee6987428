import { describe, expect, it } from "vitest";
import { distinctDisplayNames, sniffType, storedDisplayName, storedType } from "~/domain/uploads";

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));
const ftyp = (brand: string) => bytes([0, 0, 0, 24], "ftyp", brand, [0, 0, 0, 0], "mif1");

describe("file types are decided by content", () => {
  it("recognises JPEG, PNG, WebP, PDF and HEIC", () => {
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffType(bytes([0x89], "PNG\r\n\x1a\n"))).toBe("image/png");
    expect(sniffType(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("image/webp");
    expect(sniffType(bytes("%PDF-1.7"))).toBe("application/pdf");
    expect(sniffType(ftyp("heic"))).toBe("image/heic");
    expect(sniffType(ftyp("mif1"))).toBe("image/heic");
  });

  it("refuses AVIF, programs, web pages and nothing", () => {
    expect(sniffType(ftyp("avif"))).toBeNull();
    expect(sniffType(bytes("MZ", [0x90, 0, 3, 0]))).toBeNull();
    expect(sniffType(bytes("<!DOCTYPE html><script>"))).toBeNull();
    expect(sniffType(bytes("GIF89a"))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });

  it("stores HEIC as JPEG so every browser shows it", () => {
    expect(storedType("image/heic")).toEqual({ mediaType: "image/jpeg", extension: "jpg" });
    expect(storedType("image/png")).toEqual({ mediaType: "image/png", extension: "png" });
    expect(storedType("application/pdf")).toEqual({ mediaType: "application/pdf", extension: "pdf" });
  });
});

describe("names of stored files", () => {
  it("a re-encoded HEIC photo takes the JPEG extension", () => {
    expect(storedDisplayName("IMG_1.heic", "jpg")).toBe("IMG_1.jpg");
    expect(storedDisplayName("no-extension", "pdf")).toBe("no-extension.pdf");
  });

  it("stay distinct within one submission, whatever the case", () => {
    expect(distinctDisplayNames(["IMG_1.jpg", "IMG_1.jpg", "img_1.JPG", "Other.pdf"])).toEqual(["IMG_1.jpg", "IMG_1 (2).jpg", "img_1 (3).JPG", "Other.pdf"]);
    expect(distinctDisplayNames(["a", "a"])).toEqual(["a", "a (2)"]);
  });
});
