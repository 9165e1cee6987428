// A full disk, on a real small file system: a tmpfs of a few MB mounted for the test (we run as root, in CI too).
// Where mounting is not allowed the test is skipped and says so; no write is faked.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { filingFields, formData, jpegWithGps } from "../support/factories";
import { startPortal, type RunningPortal } from "../support/server";

const disk = fs.mkdtempSync(path.join(os.tmpdir(), "dan-biet-small-disk-"));
const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=24m,mode=0700", "tmpfs", disk]).status === 0;
if (!mounted) console.warn("full-disk.test.ts: cannot mount a tmpfs here (not root?), so the full-disk test is skipped");

const env = { DATABASE_URL: path.join(disk, "portal.db"), UPLOAD_DIR: path.join(disk, "uploads"), MAIL_DIR: path.join(disk, "mail") };

function fillDisk(): void {
  const fd = fs.openSync(path.join(disk, "filler"), "w");
  try {
    for (const size of [1024 * 1024, 4096, 1]) {
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(size, 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

function caseCount(): number {
  const db = new Database(env.DATABASE_URL, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM cases").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Every file on the small disk but the filler and SQLite's own (what a half-done filing could have left). */
function leftFiles(): { file: string; size: number }[] {
  return fs
    .readdirSync(disk, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .filter((f) => !/\/(filler|portal\.db(-wal|-shm)?|session-secret|\.last-sweep)$/.test(f))
    .map((file) => ({ file, size: fs.statSync(file).size }));
}

async function health(url: string) {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: await res.json() };
}

async function fileCase(url: string, title: string, withPhoto: boolean) {
  const client = new Client(url);
  const form = await client.get("/gui-phan-anh");
  const files = withPhoto ? [{ name: "tường rào.jpg", bytes: await jpegWithGps(400, 300), type: "image/jpeg" }] : [];
  return client.post(
    "/gui-phan-anh",
    formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...filingFields({ title }) }, files),
  );
}

describe.skipIf(!mounted)("a full disk", () => {
  let portal: RunningPortal | undefined;

  beforeAll(async () => {
    portal = await startPortal(env);
  });

  afterAll(async () => {
    await portal?.stop();
    if (mounted) spawnSync("umount", ["-l", disk]);
  });

  it("filings are refused with 503 saying the case was NOT received, nothing is half-written, the process lives on", async () => {
    const url = portal!.url;
    const before = await health(url);
    expect(before.body.disk).toMatchObject({ full: false, readOnlyStart: false });
    expect(before.body.disk.freeBytes).toBeGreaterThan(0);
    const cases = caseCount();

    fillDisk();
    const full = await health(url);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ status: "ok", database: { status: "ok" }, disk: { full: true, low: true } });

    for (const withPhoto of [true, false]) {
      const page = await fileCase(url, `Hết chỗ lưu ${withPhoto ? "có ảnh" : "không ảnh"}`, withPhoto);
      expect(page.status).toBe(503);
      expect(Number(page.headers.get("Retry-After"))).toBeGreaterThan(0);
      const text = visibleText(page.html);
      expect(text).toContain("hồ sơ CHƯA được tiếp nhận");
      expect(text).toContain("hãy gửi lại sau ít phút, hoặc nộp trực tiếp tại UBND xã");
      expect(text).not.toMatch(/không bị mất/);
      // What was typed is handed back to send again.
      expect(page.html).toContain(`Hết chỗ lưu ${withPhoto ? "có ảnh" : "không ảnh"}`);
    }
    expect(caseCount()).toBe(cases);
    expect(leftFiles()).toEqual([]);
    expect(fs.readFileSync(path.join(disk, "session-secret"), "utf8").length).toBeGreaterThanOrEqual(16);
    // Still serving: the public pages and the health check.
    expect((await fetch(`${url}/`)).status).toBe(200);
    expect((await health(url)).status).toBe(200);
  });

  it("restarted on the full disk it serves public pages read-only; with space again it files and restarts clean", async () => {
    await portal!.stop();
    portal = await startPortal(env);
    expect(portal.output()).toContain("start.read_only");
    expect((await fetch(`${portal.url}/`)).status).toBe(200);
    expect((await fetch(`${portal.url}/thong-ke`)).status).toBe(200);
    expect((await health(portal.url)).body.disk).toMatchObject({ full: true, readOnlyStart: true });
    expect((await fileCase(portal.url, "Khi còn đầy", false)).status).toBe(503);

    fs.rmSync(path.join(disk, "filler"));
    expect((await fileCase(portal.url, "Khi đã có chỗ", true)).status).toBe(303);
    await portal.stop();
    portal = await startPortal(env);
    expect(portal.output()).not.toContain("start.read_only");
    expect((await health(portal.url)).body.disk).toMatchObject({ full: false, readOnlyStart: false });
  });

  it("a first start on a full disk stops with one clear line", async () => {
    fillDisk();
    const fresh = path.join(disk, "fresh");
    let output = "";
    try {
      const started = await startPortal({
        DATABASE_URL: path.join(fresh, "portal.db"),
        UPLOAD_DIR: path.join(fresh, "uploads"),
        MAIL_DIR: path.join(fresh, "mail"),
      });
      await started.stop();
    } catch (error) {
      output = (error as Error).message;
    }
    expect(output).toContain("Cannot start: the disk holding the data is full");
    expect(output).not.toMatch(/^\s+at /m);
    fs.rmSync(path.join(disk, "filler"));
  });
});
