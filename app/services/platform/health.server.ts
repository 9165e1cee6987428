import fsp from "node:fs/promises";
import path from "node:path";
import { errorFields, logger } from "./logger.server";
import { readOnlyStart, sqliteClient } from "./database.server";
import { databaseFile, uploadDir } from "./config.server";

/** Whether the database answers, and the settings a receipt relies on. */
export function databaseHealth() {
  try {
    const client = sqliteClient("writer");
    const started = performance.now();
    client.prepare("SELECT 1").get();
    return {
      status: "ok" as const,
      database: {
        status: "ok" as const,
        journalMode: client.pragma("journal_mode", { simple: true }),
        synchronous: client.pragma("synchronous", { simple: true }) === 2 ? "full" : "not-full",
        foreignKeys: client.pragma("foreign_keys", { simple: true }) === 1,
        migrations: (client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n,
        latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
      },
      time: new Date().toISOString(),
    };
  } catch (error) {
    logger.error({ event: "health.database", ...errorFields(error) });
    return { status: "error" as const, database: { status: "error" as const }, time: new Date().toISOString() };
  }
}

/** Below this the disk is "low": time to free space or grow it, filings still go through. */
export const DISK_LOW_BYTES = 1024 ** 3;
/** Below this the disk is "full": a filing with photos (re-encoded, a few MB) may no longer fit. */
export const DISK_FULL_BYTES = 16 * 1024 ** 2;

export interface DiskHealth {
  /** Free bytes for the portal on the fuller of the database's and the uploads' disks (null: could not be read). */
  freeBytes: number | null;
  low: boolean;
  full: boolean;
  /** The portal started on a full disk and serves reads only until it is restarted with space (decision 014). */
  readOnlyStart: boolean;
}

/** The free space where the portal writes (fs.statfs of the database's and the uploads' folders). */
export async function diskHealth(): Promise<DiskHealth> {
  const folders = [path.dirname(path.resolve(databaseFile())), path.resolve(uploadDir())];
  const free = await Promise.all(
    folders.map(async (folder) => {
      // The uploads folder may not exist before the first file: its nearest existing parent is on the same disk.
      for (let dir = folder; ; dir = path.dirname(dir)) {
        const stats = await fsp.statfs(dir).catch(() => null);
        if (stats) return stats.bavail * stats.bsize;
        if (path.dirname(dir) === dir) return null;
      }
    }),
  );
  const known = free.filter((n): n is number => n !== null);
  const freeBytes = known.length ? Math.min(...known) : null;
  return {
    freeBytes,
    low: freeBytes !== null && freeBytes < DISK_LOW_BYTES,
    full: freeBytes !== null && freeBytes < DISK_FULL_BYTES,
    readOnlyStart: readOnlyStart() !== undefined,
  };
}
