// 50 MB of urlencoded text posted to the filing form without a cookie (chunked, or with a declared length): refused
// with 413 — nothing past the form's bound is kept or parsed —, the server's memory stays bounded (read from /proc/<pid>/status), and the error page
// does not echo the text back.
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type RunningPortal } from "../support/server";

let portal: RunningPortal;

beforeAll(async () => {
  portal = await startPortal();
});

afterAll(async () => {
  await portal?.stop();
});

/** The server's resident memory now, and its peak since it started, in MB. */
function memory(): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${portal.pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

const TOTAL = 50 * 1024 * 1024;

/**
 * Posts `title=aaaa…` of TOTAL bytes, chunked or with its length declared, writing as fast as the server reads; stops
 * writing once the answer has come (the server may close the connection on a refused body).
 */
function postHuge(declareLength: boolean): Promise<{ status: number; body: string; written: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${portal.url}/gui-phan-anh`);
    const headers: Record<string, string | number> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (declareLength) headers["Content-Length"] = TOTAL;
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers });
    let written = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, "a");
    const write = () => {
      if (written === 0) {
        req.write("title=");
        written += 6;
      }
      while (!answered && written < TOTAL) {
        const piece = chunk.subarray(0, Math.min(chunk.length, TOTAL - written));
        written += piece.length;
        if (!req.write(piece)) return void req.once("drain", write);
      }
      if (!answered) req.end();
    };
    req.on("response", (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), written });
        req.destroy();
      });
    });
    // Writing after the server has answered and closed may fail: the answer is what counts.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    write();
  });
}

describe("a 50 MB urlencoded post to the filing form", () => {
  for (const declareLength of [false, true]) {
    it(`is refused with 413 with bounded memory and no echo (${declareLength ? "declared length" : "chunked"})`, async () => {
      // Warm the route first, so that the peak measured below is the post's own.
      expect((await fetch(`${portal.url}/gui-phan-anh`)).status).toBe(200);
      const before = memory();
      const answer = await postHuge(declareLength);
      const after = memory();
      expect(answer.status).toBe(413);
      expect(answer.body).toContain("quá lớn");
      // The page is the usual page, with none of the text sent: no long run of it, and small.
      expect(answer.body).not.toMatch(/a{200}/);
      expect(answer.body.length).toBeLessThan(200_000);
      // Nothing kept: the server's peak memory barely moved. A declared length is refused before anything is read; a
      // chunked body is read to its end and dropped (so the client gets the page, not a reset connection).
      if (declareLength) expect(answer.written).toBeLessThan(TOTAL);
      expect(after.peakMb - before.peakMb).toBeLessThan(40);
      expect((await fetch(`${portal.url}/healthz`)).status).toBe(200);
    });
  }
});
