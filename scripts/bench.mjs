// `npm run bench`: the production build on 127.0.0.1 with a seeded database, measured with autocannon, and a bare
// node:http server returning the same bytes measured in the same run. Figures are printed as ratios to the bare
// server because absolute numbers depend on the machine. No pass/fail targets here except correctness: the run
// fails if the portal answered with errors or lost a filing it acknowledged.
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import url from "node:url";

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const seedCases = Number(process.env.BENCH_SEED ?? 300);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dan-biet-bench-"));

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });

let portal;
let bare;

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const databaseFile = path.join(dir, "bench.db");
  portal = spawn(process.execPath, ["server.mjs", "--demo"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseFile,
      UPLOAD_DIR: path.join(dir, "uploads"),
      MAIL_DIR: path.join(dir, "mail"),
      PUBLIC_URL: base,
      RATE_LIMIT_FILING: "999999/60",
      MAIL_POLL_MS: "1000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(`${base}/healthz`, 30_000);

  // A form session like a browser's: the CSRF cookie and the token printed in the form.
  const formPage = await fetch(`${base}/gui-phan-anh`);
  const csrfCookie = formPage.headers
    .getSetCookie()
    .find((c) => c.startsWith("csrf="))
    .split(";")[0];
  const csrfToken = /name="csrf" value="([^"]+)"/.exec(await formPage.text())[1];
  const filingBody = (key) =>
    new URLSearchParams({
      csrf: csrfToken,
      idempotencyKey: key,
      kind: "feedback",
      category: "land",
      commune: "xuan-bac",
      place: "Thửa đất số 12, tờ bản đồ số 3",
      title: "Lấn chiếm lối đi chung",
      description: "Hộ bên cạnh xây tường rào lấn ra lối đi chung của xóm khoảng một mét.",
      requestedOutcome: "Đề nghị UBND xã kiểm tra và xử lý.",
      fullName: "Nguyễn Văn Thử",
      phone: "0912345678",
      address: "Xóm 2, Xuân Bắc",
      dataConsent: "on",
      truthConfirmed: "on",
    }).toString();
  const postHeaders = { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, "sec-fetch-site": "same-origin" };

  process.stdout.write(`Seeding ${seedCases} cases through the filing form… `);
  let location = "";
  for (let i = 0; i < seedCases; i++) {
    const res = await fetch(`${base}/gui-phan-anh`, { method: "POST", headers: postHeaders, body: filingBody(crypto.randomUUID()), redirect: "manual" });
    if (res.status !== 303) throw new Error(`Seeding failed: HTTP ${res.status}`);
    location = res.headers.get("location");
    await res.arrayBuffer();
  }
  const receipt = await (await fetch(base + location)).text();
  const code = /XT-\d{2}-\d{7}/.exec(receipt)[0];
  console.log("done.");

  // The demo's compensation plan: table, comments and related cases on one public page.
  const disclosurePath = /href="(\/cong-khai\/[a-z0-9-]+-\d+)"/.exec(await (await fetch(`${base}/cong-khai`)).text())[1];

  // The bytes each target returns, replayed by the bare server.
  const captured = {};
  for (const target of ["/", `/ho-so/${code}`, disclosurePath]) {
    const res = await fetch(base + target);
    captured[target] = { status: res.status, type: res.headers.get("content-type"), body: Buffer.from(await res.arrayBuffer()) };
  }
  const barePort = await freePort();
  bare = http.createServer((req, res) => {
    if (req.method === "POST") {
      req.resume();
      req.on("end", () => {
        res.writeHead(303, { location, "content-length": "0" });
        res.end();
      });
      return;
    }
    const hit = captured[req.url];
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(hit.status, { "content-type": hit.type, "content-length": hit.body.length });
    res.end(hit.body);
  });
  await new Promise((resolve) => bare.listen(barePort, "127.0.0.1", resolve));
  const bareBase = `http://127.0.0.1:${barePort}`;

  const targets = [
    { name: "GET /", path: "/", expect: 200 },
    { name: "GET /ho-so/<code>", path: `/ho-so/${code}`, expect: 200 },
    { name: "GET /cong-khai/<slug>", path: disclosurePath, expect: 200 },
    { name: "POST /gui-phan-anh", path: "/gui-phan-anh", expect: 303, post: true },
  ];
  // What the database holds before the filing run (seeded and demo cases), read beside the running portal (WAL).
  const countCases = () => {
    const db = new Database(databaseFile, { readonly: true });
    const n = db.prepare("SELECT count(*) AS n FROM cases").get().n;
    db.close();
    return n;
  };
  const casesBefore = countCases();
  const results = [];
  for (const target of targets) {
    const portalRun = await measure(base + target.path, target, postHeaders, filingBody);
    const bareRun = await measure(bareBase + target.path, target, postHeaders, filingBody);
    results.push({ target: target.name, portal: portalRun, bare: bareRun });
  }

  // Stop the portal, then check every acknowledged filing is in the database.
  await stopPortal();
  const cases = countCases();
  const acknowledged = casesBefore + results.find((r) => r.target.startsWith("POST")).portal.expected;

  print(results, { cases, acknowledged });
  const outFile = path.join(os.tmpdir(), "dan-biet-bench-results.json");
  fs.writeFileSync(outFile, JSON.stringify({ node: process.version, cpus: os.cpus().length, seconds, connections, results, cases, acknowledged }, null, 2));
  console.log(`\nFigures as JSON: ${outFile}`);

  const errors = results.filter((r) => r.portal.errors > 0 || r.portal.unexpected > 0);
  if (errors.length) throw new Error(`The portal answered with errors on: ${errors.map((r) => r.target).join(", ")}`);
  if (cases < acknowledged) throw new Error(`Lost filings: ${acknowledged} acknowledged, ${cases} in the database`);
}

async function measure(target, spec, postHeaders, filingBody) {
  const options = { url: target, connections, duration: seconds, timeout: 10 };
  if (spec.post) {
    options.method = "POST";
    options.headers = postHeaders;
    // Each request carries its own idempotency key, as separate residents' forms would.
    options.requests = [{ method: "POST", setupRequest: (req) => ({ ...req, body: filingBody(crypto.randomUUID()) }) }];
  }
  const result = await autocannon(options);
  const byStatus = result.statusCodeStats ?? {};
  const expected = byStatus[spec.expect]?.count ?? 0;
  const total = Object.values(byStatus).reduce((a, s) => a + s.count, 0);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    expected,
    unexpected: total - expected,
    errors: result.errors + result.timeouts,
  };
}

function print(results, totals) {
  const pad = (v, n) => String(v).padStart(n);
  const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  console.log(`\nDân Biết benchmark — node ${process.version}, ${os.cpus().length} CPUs, ${connections} connections × ${seconds} s per run, 127.0.0.1`);
  console.log(
    `${"target".padEnd(22)}${pad("portal req/s", 14)}${pad("p50 ms", 8)}${pad("p99 ms", 8)} |${pad("bare req/s", 12)}${pad("p50", 6)}${pad("p99", 6)} |${pad("req/s ratio", 13)}${pad("p50 ratio", 11)}${pad("p99 ratio", 11)}`,
  );
  for (const r of results) {
    const ratio = (a, b) => (b > 0 ? (a / b).toFixed(3) : "–");
    console.log(
      `${r.target.padEnd(22)}${pad(fmt(r.portal.rps), 14)}${pad(r.portal.p50, 8)}${pad(r.portal.p99, 8)} |${pad(fmt(r.bare.rps), 12)}${pad(r.bare.p50, 6)}${pad(r.bare.p99, 6)} |${pad(ratio(r.portal.rps, r.bare.rps), 13)}${pad(ratio(r.portal.p50 || 0.5, r.bare.p50 || 0.5), 11)}${pad(ratio(r.portal.p99 || 0.5, r.bare.p99 || 0.5), 11)}`,
    );
    if (r.portal.errors || r.portal.unexpected) console.log(`  ! portal: ${r.portal.errors} errors/timeouts, ${r.portal.unexpected} unexpected statuses`);
  }
  console.log(`Filings acknowledged: ${totals.acknowledged}; cases in the database after stopping: ${totals.cases}`);
}

async function waitFor(target, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(target)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${target} did not answer in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopPortal() {
  return new Promise((resolve) => {
    if (!portal || portal.exitCode !== null) return resolve();
    portal.once("exit", () => resolve());
    portal.kill("SIGTERM");
    setTimeout(() => portal.kill("SIGKILL"), 5000).unref();
  });
}

const deadline = setTimeout(() => {
  console.error("Benchmark took too long; stopping.");
  process.exitCode = 1;
  cleanup().then(() => process.exit(1));
}, 5 * 60_000);

async function cleanup() {
  await stopPortal();
  await new Promise((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    clearTimeout(deadline);
    await cleanup();
  });
