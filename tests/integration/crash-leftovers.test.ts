// What a crash leaves among the files is removed at the next start, and nothing a committed case refers to.
import "../support/database";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileCase } from "~/services/cases/filing.server";
import { sweepUnreferencedFiles } from "~/services/cases/attachments.server";
import { incomingDir, sweepIncoming } from "~/services/platform/uploads.server";
import { uploadDir } from "~/services/platform/config.server";
import { filingFields, filingInput } from "../support/factories";

function storedFile(id: string): string {
  return path.join(uploadDir(), id.slice(0, 2), id);
}

describe("files left by a crash", () => {
  it("an interrupted upload's raw originals and a photo whose case never committed are removed; a case's photo stays", async () => {
    const bytes = Buffer.from("re-encoded photo");
    const kept = crypto.randomUUID();
    await fileCase(
      await filingInput(filingFields({ title: "Có ảnh" })),
      [
        {
          id: kept,
          displayName: "anh.jpg",
          mediaType: "image/jpeg",
          bytes,
          sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
          latitude: null,
          longitude: null,
        },
      ],
      { language: "vi" },
    );
    // kill -9 after the files were written and before the transaction committed:
    const orphan = crypto.randomUUID();
    fs.mkdirSync(path.dirname(storedFile(orphan)), { recursive: true });
    fs.writeFileSync(storedFile(orphan), "no case refers to me");
    // …and in the middle of reading a request: the raw original, GPS and all.
    fs.mkdirSync(path.join(incomingDir(), "req-1"), { recursive: true });
    fs.writeFileSync(path.join(incomingDir(), "req-1", "original.jpg"), "raw bytes with EXIF");

    expect(await sweepIncoming()).toBe(1);
    expect(await sweepUnreferencedFiles()).toBe(1);
    expect(fs.readdirSync(incomingDir())).toEqual([]);
    expect(fs.existsSync(storedFile(orphan))).toBe(false);
    expect(fs.readFileSync(storedFile(kept), "utf8")).toBe("re-encoded photo");

    // The next start only reads folders touched since this sweep, and still finds what a later crash left there.
    const later = crypto.randomUUID();
    fs.mkdirSync(path.dirname(storedFile(later)), { recursive: true });
    fs.writeFileSync(storedFile(later), "left by a second crash");
    expect(await sweepUnreferencedFiles()).toBe(1);
    expect(fs.existsSync(storedFile(later))).toBe(false);
    expect(fs.existsSync(storedFile(kept))).toBe(true);
  });
});
