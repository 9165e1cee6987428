// kill -9 while photo filings are being received and stored: after the restart no raw original (with its EXIF
// location) is left in the temporary folder, no stored file is without its case, and every filing the portal
// acknowledged (303 to its receipt) is there with its photo.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { Client, hiddenValue } from "../support/browserless-client";
import { filingFields, formData } from "../support/factories";
import { startPortal, type RunningPortal } from "../support/server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dan-biet-kill-"));
const env = { DATABASE_URL: path.join(dir, "portal.db"), UPLOAD_DIR: path.join(dir, "uploads"), MAIL_DIR: path.join(dir, "mail") };
let restarted: RunningPortal | undefined;

afterAll(async () => {
  await restarted?.stop();
});

function files(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

describe("kill -9 during photo filings", () => {
  it("leaves no original in the temporary folder and no stored file without its case; acknowledged cases stay", async () => {
    const portal = await startPortal(env);
    const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 90, g: 140, b: 60 } } })
      .jpeg({ quality: 95 })
      .withExif({ IFD0: { Make: "Phone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "20/1 17/1 0/1" } })
      .toBuffer();
    const acknowledged: string[] = [];
    const filing = async (n: number) => {
      const client = new Client(portal.url);
      const form = await client.get("/gui-phan-anh");
      const title = `Ảnh trước khi tắt ${n}`;
      const fields = { csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...filingFields({ title }) };
      const page = await client.post("/gui-phan-anh", formData(fields, [{ name: `ảnh ${n}.jpg`, bytes: photo, type: "image/jpeg" }]));
      if (page.status === 303) acknowledged.push(title);
    };
    const incoming = path.join(env.UPLOAD_DIR, ".incoming");
    const posts = Array.from({ length: 6 }, (_, n) => filing(n).catch(() => undefined));
    // Killed while files are on disk: an original being received, or a photo stored before its case commits.
    while (files(incoming).length === 0 && acknowledged.length < 6) await new Promise((r) => setTimeout(r, 2));
    process.kill(portal.pid, "SIGKILL");
    await Promise.all(posts);

    restarted = await startPortal(env);
    expect(files(incoming)).toEqual([]);
    const stored = files(env.UPLOAD_DIR)
      .map((f) => path.basename(f))
      .filter((name) => /^[0-9a-f-]{36}$/.test(name));
    const db = new Database(env.DATABASE_URL, { readonly: true });
    try {
      const attachments = (db.prepare("SELECT id FROM attachments").all() as { id: string }[]).map((r) => r.id);
      expect(new Set(stored)).toEqual(new Set(attachments));
      for (const title of acknowledged) {
        const row = db.prepare("SELECT count(*) AS n FROM cases JOIN attachments ON attachments.case_id = cases.id WHERE cases.title = ?").get(title);
        expect(row, title).toEqual({ n: 1 });
      }
    } finally {
      db.close();
    }
  });
});
