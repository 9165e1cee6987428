// Do the pages stay flat as data grows? Builds a database of 10 000 cases and one of 1 000 000 (quick: 100 000) with
// the large seed (`node scripts/seed.mjs --cases N`), starts the production build on each, signs in as the
// district's staff and measures each page's single-user p50 time; the ratio large/small is what must stay ≤ 1.5.
//   node scripts/bench-scale.mjs [--quick]     (run `npm run build` first)
// Seeded databases are kept in BENCH_SCALE_DIR (default: the system's temporary folder) and reused by later runs.
// BENCH_SCALE_SERVER_ROOT runs another checkout's build on the same databases (to measure code from before a change).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import url from "node:url";

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");
const DEMO_PASSWORD = "demo-xuan-truong-2026";
const SIGN_IN = { email: "huyen@demo.dan-biet.vn", password: DEMO_PASSWORD };

/** The pages measured, by stable name. */
function pages(year) {
  return {
    statistics: "/thong-ke",
    yearlyReport: `/can-bo/bao-cao?ky=nam&nam=${year}&so=1`,
    overdueBoard: "/can-bo/han-giai-quyet",
    inboxFirstPage: "/can-bo",
    inboxSearch: "/can-bo?q=lan+chiem",
    home: "/",
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitFor(address, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(address)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${address} did not answer within ${ms} ms`);
}

/** A seeded database of `cases` cases, built once and kept for later runs. */
function seededDatabase(cases) {
  const dir = process.env.BENCH_SCALE_DIR ?? path.join(os.tmpdir(), "dan-biet-bench-scale");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `cases-${cases}.db`);
  const done = `${file}.done`;
  if (fs.existsSync(done)) return file;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  process.stdout.write(`Seeding ${cases.toLocaleString("en")} cases… `);
  const started = Date.now();
  const result = spawnSync(process.execPath, ["scripts/seed.mjs", "--cases", String(cases), "--db", file], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PUBLIC_URL: "http://127.0.0.1", UPLOAD_DIR: path.join(dir, "uploads"), MAIL_DIR: path.join(dir, "mail") },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Seeding failed: ${result.stderr || result.stdout}`);
  console.log(`${Math.round((Date.now() - started) / 1000)} s`);
  fs.writeFileSync(done, new Date().toISOString());
  return file;
}

/** Signs in through the form, like a browser: its cookies, the CSRF token if the form has one, same-origin headers. */
async function signIn(base) {
  const jar = new Map();
  const keep = (response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const form = await fetch(`${base}/can-bo/dang-nhap`);
  keep(form);
  const html = await form.text();
  const body = new URLSearchParams(SIGN_IN);
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (csrf) body.set("csrf", csrf);
  const response = await fetch(`${base}/can-bo/dang-nhap`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base, "sec-fetch-site": "same-origin" },
    body,
  });
  keep(response);
  if (response.status !== 302 && response.status !== 303) throw new Error(`Sign-in failed: ${response.status}`);
  return cookie();
}

async function timePage(base, pathAndQuery, cookie, runs) {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(base + pathAndQuery, { headers: { cookie, "accept-encoding": "identity" } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${pathAndQuery}: ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function measure(databaseFile, runs) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = path.dirname(databaseFile);
  const portal = spawn(process.execPath, ["server.mjs"], {
    cwd: process.env.BENCH_SCALE_SERVER_ROOT ?? root,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseFile,
      UPLOAD_DIR: path.join(dataDir, "uploads"),
      MAIL_DIR: path.join(dataDir, "mail"),
      PUBLIC_URL: base,
      RATE_LIMIT_SIGNIN: "1000/60",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    // The first start on a database seeded by an older build applies the new migrations (indexes over millions of
    // rows): minutes, once. Later starts answer in about a second.
    await waitFor(`${base}/healthz`, 30 * 60_000);
    const cookie = await signIn(base);
    const out = {};
    for (const [name, address] of Object.entries(pages(new Date().getFullYear()))) out[name] = await timePage(base, address, cookie, runs);
    return out;
  } finally {
    portal.kill();
  }
}

/** Each page's p50 time (ms) with the small and the large database, and their ratio. */
export async function benchScale({ quick = false } = {}) {
  const small = 10_000;
  const large = quick ? 100_000 : 1_000_000;
  const runs = quick ? 15 : 31;
  const smallTimes = await measure(seededDatabase(small), runs);
  const largeTimes = await measure(seededDatabase(large), runs);
  const round = (n) => Math.round(n * 10) / 10;
  return {
    smallCases: small,
    largeCases: large,
    pages: Object.fromEntries(
      Object.keys(smallTimes).map((name) => [
        name,
        { smallMs: round(smallTimes[name]), largeMs: round(largeTimes[name]), ratio: round(largeTimes[name] / smallTimes[name]) },
      ]),
    ),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === url.fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";
  const result = await benchScale({ quick });
  console.log(`\nPage p50, ${result.smallCases.toLocaleString("en")} vs ${result.largeCases.toLocaleString("en")} cases (single user)`);
  console.log(["page".padEnd(16), "small ms".padStart(9), "large ms".padStart(9), "ratio".padStart(6)].join("  "));
  for (const [name, r] of Object.entries(result.pages))
    console.log([name.padEnd(16), String(r.smallMs).padStart(9), String(r.largeMs).padStart(9), String(r.ratio).padStart(6)].join("  "));
}
