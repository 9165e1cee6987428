import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens the SQLite file with the settings a receipt needs: WAL for concurrent reads, synchronous=FULL so an
 * acknowledged case survives a power cut, foreign keys on. The writer never waits inside the driver (see
 * app/services/platform/database.server.ts); the reader is read-only.
 */
export function openDatabase(file: string, options: { role: "writer" | "reader" } = { role: "writer" }): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  if (options.role === "writer") {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    // No busy wait inside the driver: it would block the event loop. The caller retries BEGIN IMMEDIATE itself.
    sqlite.pragma("busy_timeout = 0");
  } else {
    // WAL readers are not blocked by a writer; the short wait only covers WAL recovery after a crash.
    sqlite.pragma("query_only = ON");
    sqlite.pragma("busy_timeout = 200");
  }
  sqlite.pragma("foreign_keys = ON");
  return drizzle(sqlite, { schema }) as Db;
}

export function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), "db/migrations");
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}
