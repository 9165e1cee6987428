// Another process holds the database's write lock (BEGIN IMMEDIATE) for seconds: a filing gets 503 with Retry-After
// and a plain "not received" page, while the health check and public pages keep answering on the same keep-alive
// connection, none of them reset. The portal waits DB_BUSY_TIMEOUT_MS (short here) for the lock before refusing.
import Database from "better-sqlite3";
import http from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { filingFields, formData } from "../support/factories";
import { startPortal, type RunningPortal } from "../support/server";

let portal: RunningPortal;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  portal = await startPortal({ DB_BUSY_TIMEOUT_MS: "4000" });
});

afterAll(async () => {
  agent.destroy();
  await portal?.stop();
});

/** A GET over the one kept-alive socket; resolves with the status and the socket it used. */
function get(path: string): Promise<{ status: number; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${portal.url}${path}`, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, socket: req.socket! }));
    });
    req.on("error", reject);
  });
}

async function file(title: string) {
  const client = new Client(portal.url);
  const form = await client.get("/gui-phan-anh");
  return client.post(
    "/gui-phan-anh",
    formData({ csrf: hiddenValue(form.html, "csrf"), idempotencyKey: hiddenValue(form.html, "idempotencyKey"), ...filingFields({ title }) }),
  );
}

describe("a database locked by another writer", () => {
  it("refuses the filing with 503 while reads go on over the same connection; files once the lock is gone", async () => {
    const first = await get("/healthz");
    expect(first.status).toBe(200);
    const holder = new Database(portal.databaseFile);
    holder.exec("BEGIN IMMEDIATE");
    holder.exec("UPDATE counters SET value = value WHERE 0");
    const finished: string[] = [];
    try {
      // The filing waits for the lock without blocking the server: the reads sent after it are answered first.
      const filing = file("Trong lúc khóa").then((page) => (finished.push("filing"), page));
      const reads = (async () => {
        for (const path of ["/healthz", "/", "/thong-ke", "/ho-so", "/healthz"]) {
          const res = await get(path);
          expect(res.status, path).toBe(200);
          expect(res.socket, "the kept-alive connection is reused, never reset").toBe(first.socket);
        }
        finished.push("reads");
      })();
      const [page] = await Promise.all([filing, reads]);
      expect(finished).toEqual(["reads", "filing"]);
      expect(page.status).toBe(503);
      expect(Number(page.headers.get("Retry-After"))).toBeGreaterThan(0);
      const text = visibleText(page.html);
      expect(text).toContain("hồ sơ CHƯA được tiếp nhận");
      expect(text).toContain("hãy thử gửi lại sau ít phút");
      expect(page.html).toContain("Trong lúc khóa");
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(holder.open).toBe(false);
    const db = new Database(portal.databaseFile, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM cases WHERE title = ?").get("Trong lúc khóa")).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect((await file("Sau khi mở khóa")).status).toBe(303);
    expect((await get("/healthz")).socket).toBe(first.socket);
  });
});
