// `npm run bench`: the production build on 127.0.0.1, measured with autocannon against two bare node:http servers in
// the same run, so that every figure is a ratio to the ceiling of this machine at this moment:
//   - public pages (50 connections) against a bare server returning the same bytes;
//   - the filing POST against a bare server that parses the same form and commits the same case, event and outbox
//     rows in one transaction (better-sqlite3, WAL, synchronous=FULL: the portal's own settings);
//   - start-up (spawn → first 200 on /healthz) with a fresh and with an already seeded database;
//   - the filing page's transfer (HTML + CSS + JS, compressed as a browser asks for them).
// The figures are printed and written to bench-results.json at the project root (stable names). The run fails
// (exit 1) only on correctness: errors, unexpected statuses, or a filing acknowledged but not in the database.
//   BENCH_QUICK=1      a ~2-minute run (shorter measurements, fewer seeded cases)
//   BENCH_PROFILE=dir  start the portal with --cpu-prof for the filing phase, profiles written to dir
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
import zlib from "node:zlib";

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");
const quick = process.env.BENCH_QUICK === "1";
const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 5 : 15));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const filingConnections = Number(process.env.BENCH_FILING_CONNECTIONS ?? 20);
const seedCases = Number(process.env.BENCH_SEED ?? (quick ? 60 : 300));
const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dan-biet-bench-"));
const databaseFile = path.join(dir, "bench.db");

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });

const children = new Set();
const servers = new Set();

/** Starts the portal and returns its address, process and the milliseconds from spawn to the first 200 on /healthz. */
async function startPortal(args = [], nodeArgs = []) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, "server.mjs", ...args], {
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
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  children.add(child);
  child.once("exit", () => children.delete(child));
  await waitFor(`${base}/healthz`, 60_000, child);
  return { base, child, startupMs: performance.now() - started, output: () => output };
}

function stop(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 8000).unref();
  });
}

async function listen(handler) {
  const port = await freePort();
  const srv = http.createServer(handler);
  await new Promise((resolve) => srv.listen(port, "127.0.0.1", resolve));
  servers.add(srv);
  return `http://127.0.0.1:${port}`;
}

/** Each filing differs (as separate residents' would): its own idempotency key and words. */
function filingForm(csrfToken, n) {
  return new URLSearchParams({
    csrf: csrfToken,
    idempotencyKey: crypto.randomBytes(18).toString("base64url"),
    kind: "feedback",
    category: "land",
    commune: "xuan-bac",
    place: "Thửa đất số 12, tờ bản đồ số 3",
    title: `Lấn chiếm lối đi chung số ${n}`,
    description: `Hộ bên cạnh xây tường rào lấn ra lối đi chung của xóm khoảng một mét (lần ${n}, ${crypto.randomUUID()}).`,
    requestedOutcome: "Đề nghị UBND xã kiểm tra và xử lý.",
    fullName: "Nguyễn Văn Thử",
    phone: "0912345678",
    address: "Xóm 2, Xuân Bắc",
    dataConsent: "on",
    truthConfirmed: "on",
    publishConsent: "on",
  }).toString();
}

/**
 * The ceiling for a filing: parse the same urlencoded body, then in one transaction insert a case, its first event
 * and an outbox row, copied from the portal's own rows (so every column and index is the real one) — on a copy of
 * the portal's database with the portal's pragmas.
 */
function bareInsertServer(file) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // Every column of a unique index gets a value of its own; the rest is copied from the source row.
  const uniqueColumns = (table) =>
    db
      .prepare(`PRAGMA index_list(${table})`)
      .all()
      .filter((i) => i.unique && i.origin !== "pk")
      .flatMap((i) =>
        db
          .prepare(`PRAGMA index_info(${i.name})`)
          .all()
          .map((c) => c.name),
      );
  const copier = (table, fixed) => {
    const own = [...new Set([...uniqueColumns(table), ...Object.keys(fixed)])];
    const columns = db
      .prepare(`PRAGMA table_info(${table})`)
      .all()
      .map((c) => c.name)
      .filter((c) => c !== "id");
    const statement = db.prepare(
      `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${columns.map((c) => (own.includes(c) ? `@${c}` : c)).join(", ")} FROM ${table} WHERE id = @source`,
    );
    return (source, values, n) => {
      const params = { source };
      for (const c of own) params[c] = c in values ? values[c] : `${c}-${n}-${crypto.randomBytes(12).toString("base64url")}`;
      return statement.run(params).lastInsertRowid;
    };
  };
  const caseSource = db.prepare("SELECT max(id) AS id FROM cases").get().id;
  const eventSource = db.prepare("SELECT min(id) AS id FROM case_events WHERE case_id = ?").get(caseSource).id;
  const outboxSource = db.prepare("SELECT max(id) AS id FROM outbox").get().id;
  const insertCase = copier("cases", { code: 1, idempotency_key: 1, title: 1, description: 1, received_at: 1 });
  const insertEvent = copier("case_events", { case_id: 1, created_at: 1 });
  const insertOutbox = outboxSource ? copier("outbox", { created_at: 1 }) : null;
  let n = 0;
  const file1 = db.transaction((form) => {
    const now = new Date().toISOString();
    n++;
    const caseId = insertCase(
      caseSource,
      {
        code: `XT-99-${String(n).padStart(7, "0")}`,
        idempotency_key: form.get("idempotencyKey"),
        title: form.get("title"),
        description: form.get("description"),
        received_at: now,
      },
      n,
    );
    insertEvent(eventSource, { case_id: caseId, created_at: now }, n);
    if (insertOutbox) insertOutbox(outboxSource, { created_at: now }, n);
    return caseId;
  });
  return {
    handler: (req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        if (!db.open) return res.writeHead(503).end();
        const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
        file1(form);
        res.writeHead(303, { location: "/bien-nhan/x", "content-length": "0" });
        res.end();
      });
    },
    count: () => db.prepare("SELECT count(*) AS n FROM cases").get().n,
    close: () => db.close(),
  };
}

async function measure(target, { post, body, headers, expect, conns = connections, seconds: duration = seconds } = {}) {
  const options = { url: target, connections: conns, duration, timeout: 10 };
  if (post) {
    options.method = "POST";
    options.headers = headers;
    let n = 0;
    options.requests = [{ method: "POST", setupRequest: (req) => ({ ...req, body: body(++n) }) }];
  }
  const result = await autocannon(options);
  const byStatus = result.statusCodeStats ?? {};
  const expected = byStatus[expect ?? 200]?.count ?? 0;
  const total = Object.values(byStatus).reduce((a, s) => a + s.count, 0);
  return {
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: total,
    expected,
    unexpected: total - expected,
    errors: result.errors + result.timeouts,
  };
}

/** The filing page as a browser loads it: HTML, its stylesheets and module scripts, each compressed as asked. */
async function transferSize(base) {
  const headers = { "accept-encoding": "br, gzip" };
  const page = await fetch(`${base}/gui-phan-anh`, { headers });
  const html = await page.text();
  // fetch decodes: measure what travelled by compressing the same way the server said it did.
  const encodedLength = (text, encoding) =>
    encoding === "br" ? zlib.brotliCompressSync(text).length : encoding === "gzip" ? zlib.gzipSync(text).length : Buffer.byteLength(text);
  let total = Number(page.headers.get("content-length")) || encodedLength(html, page.headers.get("content-encoding"));
  const assets = new Set([...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/build\/[^"]+)"/g)].map((m) => m[1]));
  for (const match of html.matchAll(/import\("?(\/build\/[^")]+)"?\)|from"(\/build\/[^"]+)"|import "(\/build\/[^"]+)"/g))
    assets.add(match[1] ?? match[2] ?? match[3]);
  for (const asset of assets) {
    const res = await fetch(base + asset, { headers });
    const text = await res.text();
    total += Number(res.headers.get("content-length")) || encodedLength(text, res.headers.get("content-encoding"));
  }
  return { bytes: total, files: assets.size + 1, compressed: Boolean(page.headers.get("content-encoding")) };
}

async function main() {
  const results = { node: process.version, cpus: os.cpus().length, quick, seconds, connections, startup: {}, pages: {}, filing: {}, transfer: {}, hooks: {} };

  // Start-up on a fresh database (migrations, reference and demo data), then on the same, already seeded file.
  const fresh = await startPortal(["--demo"]);
  results.startup.freshMs = Math.round(fresh.startupMs);
  await stop(fresh.child);
  const portal = await startPortal([], profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
  results.startup.seededMs = Math.round(portal.startupMs);
  const { base } = portal;

  // A browser's form session: the CSRF cookie and the token printed in the form.
  const formPage = await fetch(`${base}/gui-phan-anh`);
  const csrfCookie = formPage.headers
    .getSetCookie()
    .find((c) => c.startsWith("csrf="))
    .split(";")[0];
  const csrfToken = /name="csrf" value="([^"]+)"/.exec(await formPage.text())[1];
  const postHeaders = { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, "sec-fetch-site": "same-origin" };

  process.stdout.write(`Seeding ${seedCases} cases through the filing form… `);
  let code = "";
  for (let i = 0; i < seedCases; i++) {
    const res = await fetch(`${base}/gui-phan-anh`, { method: "POST", headers: postHeaders, body: filingForm(csrfToken, i), redirect: "manual" });
    if (res.status !== 303) throw new Error(`Seeding failed: HTTP ${res.status}`);
    const receipt = await (await fetch(base + res.headers.get("location"))).text();
    code = /XT-\d{2}-\d{7}/.exec(receipt)?.[0] ?? code;
  }
  console.log("done.");
  const disclosurePath = /href="(\/cong-khai\/[a-z0-9-]+-\d+)"/.exec(await (await fetch(`${base}/cong-khai`)).text())[1];

  // Public pages: the portal (its cache) against a bare server returning the same bytes.
  const pages = { home: "/", case: `/ho-so/${code}`, disclosure: disclosurePath, statistics: "/thong-ke" };
  const captured = {};
  for (const target of Object.values(pages)) {
    const res = await fetch(base + target);
    captured[target] = { status: res.status, type: res.headers.get("content-type"), body: Buffer.from(await res.arrayBuffer()) };
  }
  const bareBase = await listen((req, res) => {
    const hit = captured[req.url];
    if (!hit) return res.writeHead(404).end();
    res.writeHead(hit.status, { "content-type": hit.type, "content-length": hit.body.length });
    res.end(hit.body);
  });
  for (const [name, target] of Object.entries(pages)) {
    await measure(base + target, { seconds: 1 }); // warm-up: the first rendering, the JIT
    await measure(bareBase + target, { seconds: 1 });
    const portalRun = await measure(base + target);
    const bareRun = await measure(bareBase + target);
    results.pages[name] = {
      path: name === "case" ? "/ho-so/<code>" : name === "disclosure" ? "/cong-khai/<slug>" : target,
      portal: portalRun,
      bare: bareRun,
      ratio: ratio(portalRun.rps, bareRun.rps),
    };
  }

  // Filing: the portal against the bare insert server on a copy of the same database.
  const countCases = (file) => {
    const db = new Database(file, { readonly: true });
    const n = db.prepare("SELECT count(*) AS n FROM cases").get().n;
    db.close();
    return n;
  };
  const bareFile = path.join(dir, "bare.db");
  {
    const db = new Database(databaseFile, { readonly: true });
    db.exec(`VACUUM INTO '${bareFile.replaceAll("'", "''")}'`);
    db.close();
  }
  const bareInsert = bareInsertServer(bareFile);
  const bareInsertBase = await listen(bareInsert.handler);
  const casesBefore = countCases(databaseFile);
  // Alternating rounds, the ratio from their sums: the machine is shared and its load drifts within a minute.
  const rounds = quick ? 2 : 3;
  const runs = { portal: [], bare: [] };
  let bareLost = 0;
  for (let i = 0; i < rounds; i++) {
    runs.portal.push(
      await measure(`${base}/gui-phan-anh`, {
        post: true,
        body: (n) => filingForm(csrfToken, n),
        headers: postHeaders,
        expect: 303,
        conns: filingConnections,
        seconds: seconds / rounds,
      }),
    );
    const bareBefore = bareInsert.count();
    const bareRun = await measure(`${bareInsertBase}/gui-phan-anh`, {
      post: true,
      body: (n) => filingForm(csrfToken, n),
      headers: postHeaders,
      expect: 303,
      conns: filingConnections,
      seconds: seconds / rounds,
    });
    bareLost += bareBefore + bareRun.expected - bareInsert.count();
    runs.bare.push(bareRun);
  }
  const combine = (list) => ({
    rps: Math.round((list.reduce((a, r) => a + r.rps, 0) / list.length) * 10) / 10,
    p50: Math.max(...list.map((r) => r.p50)),
    p99: Math.max(...list.map((r) => r.p99)),
    requests: list.reduce((a, r) => a + r.requests, 0),
    expected: list.reduce((a, r) => a + r.expected, 0),
    unexpected: list.reduce((a, r) => a + r.unexpected, 0),
    errors: list.reduce((a, r) => a + r.errors, 0),
    rounds: list.map((r) => r.rps),
  });
  const filingPortal = combine(runs.portal);
  const filingBare = combine(runs.bare);
  results.filing = { portal: filingPortal, bare: filingBare, ratio: ratio(filingPortal.rps, filingBare.rps), connections: filingConnections };

  results.transfer.filingPage = await transferSize(base);

  // Staff pages at 10 k vs 1 M cases (bench-scale.mjs) and a memory soak of the running portal (bench-soak.mjs).
  const scaleModule = path.join(root, "scripts/bench-scale.mjs");
  const soakModule = path.join(root, "scripts/bench-soak.mjs");
  if (fs.existsSync(soakModule)) {
    const soakExports = await import(url.pathToFileURL(soakModule).href);
    results.hooks.soak = await soakExports.soak(base, portal.child.pid, { durationMs: (quick ? 30 : 120) * 1000, warmupMs: quick ? 5000 : 10_000 });
  }

  await stop(portal.child);
  const cases = countCases(databaseFile);
  const acknowledged = casesBefore + filingPortal.expected;
  results.correctness = { acknowledged, cases, lost: Math.max(0, acknowledged - cases), bareLost };

  // BENCH_SCALE=0 leaves this section out (it seeds large databases on its first run).
  if (fs.existsSync(scaleModule) && process.env.BENCH_SCALE !== "0") {
    const { benchScale } = await import(url.pathToFileURL(scaleModule).href);
    // This part has its own bounds: the first run seeds its databases (minutes, kept in BENCH_SCALE_DIR for the next
    // runs) and a database seeded by an older build migrates at its first start. A failure here must not lose the
    // figures already measured: it is recorded and the run fails at the end.
    clearTimeout(deadline);
    try {
      results.hooks.scale = await benchScale({ quick });
    } catch (error) {
      results.hooks.scale = { error: String(error?.message ?? error) };
    }
  }

  print(results);
  const outFile = path.join(root, "bench-results.json");
  fs.writeFileSync(outFile, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nFigures as JSON: ${outFile}`);
  if (profileDir) console.log(`CPU profiles: ${profileDir}`);

  const checked = [...Object.entries(results.pages).map(([n, r]) => [n, r.portal]), ["filing", filingPortal]];
  const failed = checked.filter(([, r]) => r.errors > 0 || r.unexpected > 0).map(([n]) => n);
  if (failed.length) throw new Error(`The portal answered with errors on: ${failed.join(", ")}`);
  if (cases < acknowledged) throw new Error(`Lost filings: ${acknowledged} acknowledged, ${cases} in the database`);
  if (results.hooks.scale?.error) throw new Error(`The 10 k / 1 M staff-page run failed: ${results.hooks.scale.error}`);
}

const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

function print(r) {
  const pad = (v, n) => String(v ?? "–").padStart(n);
  const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  console.log(
    `\nDân Biết benchmark — node ${r.node}, ${r.cpus} CPUs, ${r.seconds} s per run${r.quick ? " (quick)" : ""}, 127.0.0.1. Figures are noisy; ratios matter.`,
  );
  console.log(
    `${"target".padEnd(26)}${pad("portal req/s", 13)}${pad("p50", 6)}${pad("p99", 6)} |${pad("bare req/s", 11)}${pad("p50", 6)}${pad("p99", 6)} |${pad("ratio", 8)}`,
  );
  const line = (name, x) => {
    console.log(
      `${name.padEnd(26)}${pad(fmt(x.portal.rps), 13)}${pad(x.portal.p50, 6)}${pad(x.portal.p99, 6)} |${pad(fmt(x.bare.rps), 11)}${pad(x.bare.p50, 6)}${pad(x.bare.p99, 6)} |${pad(x.ratio, 8)}`,
    );
    if (x.portal.errors || x.portal.unexpected) console.log(`  ! ${x.portal.errors} errors/timeouts, ${x.portal.unexpected} unexpected statuses`);
  };
  for (const x of Object.values(r.pages)) line(`GET ${x.path} (${r.connections}c)`, x);
  line(`POST /gui-phan-anh (${r.filing.connections}c)`, r.filing);
  console.log(`Targets: public pages ratio ≥ 0.5 with p99 ≤ 25 ms; filing ratio ≥ 0.25.`);
  console.log(`Start-up to the first 200 on /healthz: fresh database ${r.startup.freshMs} ms, seeded ${r.startup.seededMs} ms (target ≤ 2000).`);
  console.log(
    `Filing page transfer (HTML + CSS + JS, compressed): ${(r.transfer.filingPage.bytes / 1024).toFixed(1)} KB in ${r.transfer.filingPage.files} files (target ≤ 150 KB).`,
  );
  console.log(`Filings acknowledged: ${r.correctness.acknowledged}; cases in the database after stopping: ${r.correctness.cases}.`);
  if (r.hooks.scale)
    for (const [name, p] of Object.entries(r.hooks.scale.pages ?? {}))
      console.log(`Scale ${name}: ${p.smallMs} ms at 10 k, ${p.largeMs} ms at 1 M (×${p.ratio})`);
  if (r.hooks.soak) console.log(`Soak: RSS ${r.hooks.soak.rssStartMb} → ${r.hooks.soak.rssEndMb} MB (${r.hooks.soak.slopeMbPerMin} MB/min)`);
}

async function waitFor(target, timeoutMs, child) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The portal exited (${child.exitCode}) before answering`);
    try {
      if ((await fetch(target)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${target} did not answer in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const deadline = setTimeout(
  () => {
    console.error("Benchmark took too long; stopping.");
    process.exitCode = 1;
    cleanup().then(() => process.exit(1));
  },
  (quick ? 6 : 14) * 60_000,
);

async function cleanup() {
  await Promise.all([...children].map(stop));
  await Promise.all([...servers].map((s) => new Promise((resolve) => s.close(() => resolve()))));
  fs.rmSync(dir, { recursive: true, force: true });
}

// Never leave a portal running behind a crashed run.
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    clearTimeout(deadline);
    await cleanup();
  });
