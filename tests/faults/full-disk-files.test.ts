// Storing a case's files on a disk that fills up part-way (a real small tmpfs, as in full-disk.test.ts): the write
// that fails and the files written before it are all removed, and the caller is told the storage is unavailable.
import "../support/database";
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { storeAttachments, type PreparedAttachment } from "~/services/cases/attachments.server";
import { reloadConfig } from "~/services/platform/config.server";
import { StorageUnavailableError } from "~/services/platform/uploads.server";

const disk = fs.mkdtempSync(path.join(os.tmpdir(), "dan-biet-small-disk-"));
const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", disk]).status === 0;
if (!mounted) console.warn("full-disk-files.test.ts: cannot mount a tmpfs here (not root?), so the test is skipped");

afterAll(() => {
  if (mounted) spawnSync("umount", ["-l", disk]);
  delete process.env.UPLOAD_DIR;
  reloadConfig();
});

function attachment(bytes: number): PreparedAttachment {
  const data = crypto.randomBytes(bytes);
  return { id: crypto.randomUUID(), displayName: "anh.jpg", mediaType: "image/jpeg", bytes: data, sha256: "", latitude: null, longitude: null };
}

describe.skipIf(!mounted)("storing files on a disk that fills up", () => {
  it("removes the half-written file and the ones before it, and says the storage is unavailable", async () => {
    process.env.UPLOAD_DIR = path.join(disk, "uploads");
    reloadConfig();
    // Leave about 1 MB free: the first file fits, the second does not.
    const filler = path.join(disk, "filler");
    fs.writeFileSync(filler, Buffer.alloc(3 * 1024 * 1024));
    const error = await storeAttachments([attachment(300 * 1024), attachment(2 * 1024 * 1024)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as StorageUnavailableError).code).toBe("ENOSPC");
    const left = fs.readdirSync(process.env.UPLOAD_DIR, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(left).toEqual([]);
    // With room again, the same files are stored.
    fs.rmSync(filler);
    const remove = await storeAttachments([attachment(300 * 1024), attachment(2 * 1024 * 1024)]);
    expect(fs.readdirSync(process.env.UPLOAD_DIR, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())).toHaveLength(2);
    await remove();
  });
});
