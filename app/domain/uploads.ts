// What residents may attach, decided by the file's first bytes — never by its name or declared type.

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Whole-request cap: five full files plus the text fields. */
export const MAX_REQUEST_BYTES = MAX_FILES * MAX_FILE_BYTES + 2 * 1024 * 1024;
/** Decompression-bomb guard: far below sharp's 268 MP default. */
export const MAX_IMAGE_PIXELS = 60_000_000;
/** Photos are stored no larger than this on their long side. */
export const MAX_IMAGE_EDGE = 2560;

export type SniffedType = "image/jpeg" | "image/png" | "image/webp" | "image/heic" | "application/pdf";

const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1"]);

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

export function sniffType(head: Uint8Array): SniffedType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.length >= 8 && ascii(head, 0, 8) === "\x89PNG\r\n\x1a\n") return "image/png";
  if (head.length >= 12 && ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "image/webp";
  if (head.length >= 5 && ascii(head, 0, 5) === "%PDF-") return "application/pdf";
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp") {
    const major = ascii(head, 8, 12);
    // AVIF also uses mif1 as a compatible brand; only HEIC major brands are photos from phones we accept.
    if (HEIC_BRANDS.has(major) && major !== "avif") return "image/heic";
  }
  return null;
}

export function isImage(type: SniffedType): boolean {
  return type !== "application/pdf";
}

/** The stored form of each accepted type: HEIC is re-encoded to JPEG so every browser can show it. */
export function storedType(type: SniffedType): { mediaType: string; extension: string } {
  switch (type) {
    case "image/png":
      return { mediaType: "image/png", extension: "png" };
    case "image/webp":
      return { mediaType: "image/webp", extension: "webp" };
    case "application/pdf":
      return { mediaType: "application/pdf", extension: "pdf" };
    default:
      return { mediaType: "image/jpeg", extension: "jpg" };
  }
}

/** The name a file is shown under once stored: its own name with the stored type's extension ("IMG_1.heic" → "IMG_1.jpg"). */
export function storedDisplayName(displayName: string, extension: string): string {
  return `${displayName.replace(/\.[A-Za-z0-9]{1,5}$/, "")}.${extension}`;
}

/**
 * Names that stay distinct within one submission: a HEIC photo re-encoded to JPEG must not take the name of a JPEG
 * sent beside it ("IMG_1.heic" and "IMG_1.jpg" become "IMG_1.jpg" and "IMG_1 (2).jpg"). Case-insensitive, as people read them.
 */
export function distinctDisplayNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
