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
import { StorageUnavailableError } from "./uploads.server";

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

/** Opens, migrates and loads the reference data; idempotent. Start-up (server.mjs, CLI, tests) awaits this. */
export async function startDatabase(): Promise<void> {
  if (connections) return;
  const file = databaseFile();
  const writer = openDatabase(file, { role: "writer" });
  migrateDatabase(writer);
  fillDerivedDataIfMissing(writer);
  const reader = file === ":memory:" ? writer : openDatabase(file, { role: "reader" });
  connections = { writer, reader };
  try {
    await seedReferenceData(transaction);
  } catch (error) {
    // A full disk at start-up (docs/decisions/014): with the reference data already there the portal starts
    // read-only — public pages answer, writes get 503 — rather than not at all. A first start cannot do without it.
    if (!(error instanceof StorageUnavailableError) || !hasReferenceData(reader)) throw error;
    startedReadOnly = error.code;
  }
}

/** Why the last start could not write (a full disk's error code), or undefined when it could. */
let startedReadOnly: string | undefined;

export function readOnlyStart(): string | undefined {
  return startedReadOnly;
}

function hasReferenceData(db: SqliteDb): boolean {
  try {
    return db.$client.prepare("SELECT 1 FROM communes LIMIT 1").get() !== undefined;
  } catch {
    return false;
  }
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

/** The disk under the database is full or failing: the write did not happen (SQLite rolled it back). */
function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR") || code === "SQLITE_READONLY";
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
 *
 * Group commit: the actions waiting while the writer is busy run next in one SQLite transaction, each inside its own
 * savepoint (one that fails is rolled back alone), and are all acknowledged after the one COMMIT. synchronous=FULL
 * makes every COMMIT an fsync that blocks the process for milliseconds; under load this shares it between filings
 * instead of paying it for each, and nobody is told "done" before their writes are on disk.
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T> | T): Promise<T> {
  const outer = current.getStore();
  if (outer) return Promise.resolve().then(() => fn(outer));
  return new Promise<T>((resolve, reject) => {
    waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject });
    if (!writing) {
      // One turn of the event loop first: requests already read from their sockets reach this point too and share
      // the commit, instead of each paying an fsync while the CPU that would have prepared them waits.
      writing = true;
      setImmediate(() => void drain());
    }
  });
}

interface Waiting {
  fn: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** At most this many actions share a commit (bounds how long the first of them waits for the last). */
const MAX_GROUP = 32;
const waiting: Waiting[] = [];
let writing = false;

/** What the caller is told: a busy database or a failing disk become 503s (nothing was stored); the rest as it is. */
const busyOr = (error: unknown) =>
  isBusy(error) ? new DatabaseBusyError() : isStorageFailure(error) ? new StorageUnavailableError((error as { code: string }).code) : error;

/** A failed ROLLBACK (the disk gone) must not hide why the transaction failed: SQLite already undid what it could. */
function rollback(client: SqliteDb["$client"], to?: string): void {
  try {
    if (to) {
      client.exec(`ROLLBACK TO ${to}`);
      client.exec(`RELEASE ${to}`);
    } else if (client.inTransaction) client.exec("ROLLBACK");
  } catch {
    // Nothing more can be undone here.
  }
}

async function drain(): Promise<void> {
  try {
    while (waiting.length) await runGroup(waiting.splice(0, MAX_GROUP));
  } finally {
    writing = false;
  }
}

async function runGroup(group: Waiting[]): Promise<void> {
  let writer: SqliteDb;
  try {
    writer = opened().writer;
    await begin(writer);
  } catch (error) {
    for (const w of group) w.reject(busyOr(error));
    return;
  }
  const client = writer.$client;
  const single = group.length === 1;
  const done: { w: Waiting; value: unknown }[] = [];
  for (let i = 0; i < group.length; i++) {
    const w = group[i];
    try {
      if (!single) client.exec(`SAVEPOINT action${i}`);
      const value = await current.run(writer, () => w.fn(writer));
      if (!single) client.exec(`RELEASE action${i}`);
      done.push({ w, value });
    } catch (error) {
      if (client.inTransaction && !single) {
        rollback(client, `action${i}`);
        w.reject(busyOr(error));
        continue;
      }
      // The whole transaction is gone (a single action, or an error SQLite rolls back by itself): the actions before
      // this one are not on disk and fail with it; those after it run in the next group.
      rollback(client);
      w.reject(busyOr(error));
      for (const d of done) d.w.reject(busyOr(error));
      waiting.unshift(...group.slice(i + 1));
      return;
    }
  }
  try {
    client.exec("COMMIT");
  } catch (error) {
    rollback(client);
    for (const d of done) d.w.reject(busyOr(error));
    return;
  }
  for (const d of done) d.w.resolve(d.value);
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
