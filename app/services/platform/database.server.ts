// The database of this process: one writer connection used only inside `transaction()`, and a separate read
// connection so that reads go on while a writer (ours or another process's) holds the lock.
//
// Every service is written against this async interface, so that the same code can later run on a driver that
// is asynchronous by nature. On SQLite the writer is serialised by an in-process queue; `BEGIN IMMEDIATE` is
// retried without blocking the event loop while another process holds the write lock, and after
// DB_BUSY_TIMEOUT_MS the caller gets a DatabaseBusyError (answered 503 with Retry-After).
import type { SQL } from "drizzle-orm";
import { UnavailableError } from "~/domain/errors";
import { AsyncLocalStorage } from "node:async_hooks";
import { migrateDatabase, openDatabase, type Db as SqliteDb } from "../../../db/client";
import { seedReferenceData } from "../../../db/seed";
import { fillDerivedDataIfMissing } from "../../../db/derived-stores";
import { databaseBusyTimeoutMs, databaseFile } from "./config.server";

/** The query builder every service uses (outside a transaction: reads only). */
export type Db = SqliteDb;
/** The handle inside `transaction()`: reads see the transaction's own writes. */
export type Tx = SqliteDb;

/** The database stayed locked by another writer for longer than we wait: the caller should retry later. */
export class DatabaseBusyError extends UnavailableError {
  constructor() {
    super("error.busy", 5);
  }
}

interface Connections {
  writer: SqliteDb;
  reader: SqliteDb;
}

let connections: Connections | undefined;
const current = new AsyncLocalStorage<Tx>();
let queue: Promise<unknown> = Promise.resolve();

/** Opens, migrates and loads the reference data; idempotent. Start-up (server.mjs, CLI, tests) awaits this. */
export async function startDatabase(): Promise<void> {
  if (connections) return;
  const file = databaseFile();
  const writer = openDatabase(file, { role: "writer" });
  migrateDatabase(writer);
  fillDerivedDataIfMissing(writer);
  const reader = file === ":memory:" ? writer : openDatabase(file, { role: "reader" });
  connections = { writer, reader };
  await seedReferenceData(transaction);
}

function opened(): Connections {
  if (!connections) throw new Error("The database is not started: await startDatabase() first.");
  return connections;
}

/** For reads: the current transaction's handle when inside one (so its own writes are seen), else the reader. */
export function read(): Db {
  return current.getStore() ?? opened().reader;
}

/** The rows of a raw SQL query (recursive CTEs and the like), through the reader or the current transaction. */
export async function queryRows<T>(query: SQL): Promise<T[]> {
  return read().all<T>(query);
}

/** Whether the caller runs inside `transaction()` (helpers that must not open a second one check this). */
export function inTransaction(): boolean {
  return current.getStore() !== undefined;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function begin(writer: SqliteDb): Promise<void> {
  const deadline = Date.now() + databaseBusyTimeoutMs();
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      writer.$client.exec("BEGIN IMMEDIATE");
      return;
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) throw new DatabaseBusyError();
      await sleep(wait);
    }
  }
}

/**
 * One user action: every write of it commits together or not at all. Nested calls join the outer transaction.
 * Side effects outside the database (mail, files) belong after the commit.
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
  const outer = current.getStore();
  if (outer) return Promise.resolve().then(() => fn(outer));
  const run = async (): Promise<T> => {
    const { writer } = opened();
    await begin(writer);
    try {
      const result = await current.run(writer, () => fn(writer));
      writer.$client.exec("COMMIT");
      return result;
    } catch (error) {
      if (writer.$client.inTransaction) writer.$client.exec("ROLLBACK");
      if (isBusy(error)) throw new DatabaseBusyError();
      throw error;
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** The SQLite connection itself, for health checks and tests that inspect or break the file on purpose. */
export function sqliteClient(role: "writer" | "reader" = "writer") {
  return opened()[role].$client;
}

export function stopDatabase(): void {
  if (!connections) return;
  const { writer, reader } = connections;
  if (reader !== writer) reader.$client.close();
  writer.$client.close();
  connections = undefined;
}
