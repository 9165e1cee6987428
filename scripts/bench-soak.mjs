// The memory trend of a running portal under moderate load: a few clients read the public pages and now and then file
// a case with a photo (the path through sharp), while the server's resident memory is sampled from
// /proc/<pid>/status. The slope of a least-squares line through the samples says whether memory holds flat.
//   import { soak } from "./bench-soak.mjs";  const { rssStartMb, rssEndMb, slopeMbPerMin } = await soak(base, pid);
//   node scripts/bench-soak.mjs http://127.0.0.1:3000 <pid>        (SOAK_SECONDS, SOAK_CONNECTIONS)
// The portal should allow the filings (RATE_LIMIT_FILING high, as `npm run bench` starts it); refused filings (429)
// are counted apart and do not stop the run. Linux only (it reads /proc).
import fs from "node:fs";
import url from "node:url";
import sharp from "sharp";

/** Resident memory of the process, in MB. */
export function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]) / 1024;
}

/** Least-squares slope of y over x. */
function slope(points) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const PAGES = ["/", "/ho-so", "/thong-ke", "/cong-khai", "/gui-phan-anh", "/tra-cuu", "/cong-khai/tin.atom"];

/**
 * Loads the portal at `baseUrl` (server process `pid`) for `durationMs` after a warm-up, sampling its RSS every
 * `sampleEveryMs`. Returns the first and last samples and the trend in MB per minute.
 */
export async function soak(baseUrl, pid, options = {}) {
  const { durationMs = 60_000, warmupMs = 10_000, sampleEveryMs = 3_000, connections = 4, filingEvery = 25 } = options;
  // A phone-sized photo with noise (so it does not compress to nothing), re-encoded by the portal on every filing.
  const photo = await sharp(Buffer.from(Array.from({ length: 320 * 240 * 3 }, () => Math.floor(Math.random() * 256))), {
    raw: { width: 320, height: 240, channels: 3 },
  })
    .resize(1600, 1200)
    .jpeg({ quality: 90 })
    .toBuffer();
  const counts = { requests: 0, errors: 0, filings: 0, refusedFilings: 0 };
  let stop = false;

  const fileOne = async (n) => {
    const form = await fetch(`${baseUrl}/gui-phan-anh`);
    const html = await form.text();
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const body = new FormData();
    const fields = {
      csrf: /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? "",
      idempotencyKey: /name="idempotencyKey" value="([^"]*)"/.exec(html)?.[1] ?? "",
      kind: "feedback",
      category: "land",
      commune: "xuan-bac",
      place: "Thửa đất số 12, tờ bản đồ số 3",
      title: `Đo bộ nhớ ${n}`,
      description: `Hộ bên cạnh xây tường rào lấn ra lối đi chung của xóm, lần đo ${n}.`,
      requestedOutcome: "Đề nghị UBND xã kiểm tra và xử lý.",
      fullName: "Nguyễn Văn Thử",
      phone: "0912345678",
      address: "Xóm 2, Xuân Bắc",
      dataConsent: "on",
      truthConfirmed: "on",
    };
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append("attachments", new Blob([photo], { type: "image/jpeg" }), `anh-${n}.jpg`);
    const res = await fetch(`${baseUrl}/gui-phan-anh`, { method: "POST", body, headers: { cookie, "sec-fetch-site": "same-origin" }, redirect: "manual" });
    await res.arrayBuffer();
    counts.requests += 2;
    if (res.status === 303) counts.filings++;
    else if (res.status === 429) counts.refusedFilings++;
    else counts.errors++;
  };

  const client = async (c) => {
    for (let i = 0; !stop; i++) {
      try {
        if (filingEvery > 0 && i % filingEvery === filingEvery - 1) {
          await fileOne(`${c}-${i}`);
          continue;
        }
        const res = await fetch(baseUrl + PAGES[(i + c) % PAGES.length]);
        await res.arrayBuffer();
        counts.requests++;
        if (res.status >= 500) counts.errors++;
      } catch {
        counts.errors++;
      }
    }
  };

  const clients = Array.from({ length: connections }, (_, c) => client(c));
  await new Promise((r) => setTimeout(r, warmupMs));
  const started = Date.now();
  const samples = [];
  for (;;) {
    samples.push({ x: (Date.now() - started) / 60_000, y: rssMb(pid) });
    if (Date.now() - started >= durationMs) break;
    await new Promise((r) => setTimeout(r, sampleEveryMs));
  }
  stop = true;
  await Promise.all(clients);
  const round = (n) => Math.round(n * 10) / 10;
  return {
    rssStartMb: round(samples[0].y),
    rssEndMb: round(samples.at(-1).y),
    slopeMbPerMin: round(slope(samples)),
    samples: samples.length,
    ...counts,
  };
}

if (process.argv[1] && url.pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [baseUrl, pid] = process.argv.slice(2);
  if (!baseUrl || !pid) {
    console.error("usage: node scripts/bench-soak.mjs <base url> <server pid>");
    process.exit(2);
  }
  const result = await soak(baseUrl, Number(pid), {
    durationMs: Number(process.env.SOAK_SECONDS ?? 60) * 1000,
    connections: Number(process.env.SOAK_CONNECTIONS ?? 4),
    filingEvery: Number(process.env.SOAK_FILING_EVERY ?? 25),
  });
  console.log(
    `memory under moderate load: RSS ${result.rssStartMb} → ${result.rssEndMb} MB over ${result.samples} samples, trend ${result.slopeMbPerMin} MB/min ` +
      `(${result.requests} requests, ${result.filings} filings with a photo, ${result.errors} errors)`,
  );
}
