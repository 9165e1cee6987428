// Starts the production build (node server.mjs) on 127.0.0.1 with its own data folder, as a real user would meet it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface RunningPortal {
  url: string;
  dataDir: string;
  databaseFile: string;
  mailDir: string;
  uploadDir: string;
  /** The server's process id (its memory is read from /proc/<pid>/status by the fault tests). */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function startPortal(env: Record<string, string> = {}, args: string[] = []): Promise<RunningPortal> {
  const root = path.resolve(__dirname, "../..");
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("No production build: run `npm test` (it builds first).");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dan-biet-portal-"));
  const port = await freePort();
  // The caller may place the data elsewhere (a small file system for the full-disk test).
  const databaseFile = env.DATABASE_URL ?? path.join(dataDir, "portal.db");
  const mailDir = env.MAIL_DIR ?? path.join(dataDir, "mail");
  const uploadDir = env.UPLOAD_DIR ?? path.join(dataDir, "uploads");
  const child: ChildProcess = spawn(process.execPath, ["server.mjs", ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseFile,
      UPLOAD_DIR: uploadDir,
      MAIL_DIR: mailDir,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      MAIL_POLL_MS: "200",
      RATE_LIMIT_FILING: "1000/60",
      RATE_LIMIT_LOOKUP: "1000/60",
      // Every suite signs in from 127.0.0.1; the per-address limit is tested on its own portal.
      RATE_LIMIT_SIGNIN: "1000/60",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded two-core machine the first start (migrations, demo seed, argon2 hashes) can be slow.
  const deadline = Date.now() + 75_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Portal exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Portal did not start in 75 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    databaseFile,
    mailDir,
    uploadDir,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

/** Runs the accounts CLI (`npm run accounts -- …`, as the README documents) against a running portal's database. */
export function runAccounts(portal: RunningPortal, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const root = path.resolve(__dirname, "../..");
  const result = spawnSync(process.execPath, ["scripts/accounts.mjs", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATABASE_URL: portal.databaseFile, SESSION_SECRET: process.env.SESSION_SECRET ?? "" },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
