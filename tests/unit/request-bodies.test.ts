// Every request body is read bounded as it streams (handleForm → readFormBody, or readBoundedText): nothing in the
// app may buffer a whole body first, which is what `request.formData()`, `.text()`, `.json()`, `.arrayBuffer()` and
// `.blob()` do, and what a 50 MB post would fill memory with.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const app = path.resolve(__dirname, "../../app");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return /\.tsx?$/.test(d.name) ? [full] : [];
  });
}

describe("request bodies", () => {
  it("are never read whole: no request.formData(), .text(), .json(), .arrayBuffer() or .blob() in the app", () => {
    const offenders = sources(app).flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(app, file)}:${i + 1}` }))
        .filter(({ line }) => /\b(request|req|clone\(\))\s*\.\s*(formData|text|json|arrayBuffer|blob)\s*\(/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("every route with an action reads its form through a service that uses handleForm (or readBoundedText)", () => {
    const routes = sources(path.join(app, "routes")).filter((f) => /export const action\b|export (async )?function action\b/.test(fs.readFileSync(f, "utf8")));
    expect(routes.length).toBeGreaterThan(10);
    const bounded = /\bhandleForm\(|\breadBoundedText\(|\bsubmit[A-Z]\w*\(|\badminAction\(/;
    // The one action that reads no body at all: a mail program's one-click unsubscribe, authorised by its token.
    const noBody = ["cong-khai.huy-dang-ky.$token.tsx"];
    const unbounded = routes.filter((f) => !noBody.includes(path.basename(f)) && !bounded.test(fs.readFileSync(f, "utf8")));
    expect(unbounded).toEqual([]);
  });
});
