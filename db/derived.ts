// Data derived from the cases that is kept in step with every write (counts for the figures, the search index).
// A bulk load that bypasses the services (the large seed of `npm run db:seed -- --cases N`, a restore) calls
// `rebuildDerivedData` once at its end so that what is derived equals a full recount.
import type { Db } from "./client";

/** Each derived store registers its full rebuild here (in one transaction with the others). */
const rebuilders: { name: string; rebuild: (db: Db) => void }[] = [];

export function registerRebuild(name: string, rebuild: (db: Db) => void): void {
  if (!rebuilders.some((r) => r.name === name)) rebuilders.push({ name, rebuild });
}

/** Rebuilds every derived store from the base tables, in one transaction. */
export function rebuildDerivedData(db: Db): string[] {
  db.$client.transaction(() => {
    for (const r of rebuilders) r.rebuild(db);
  })();
  return rebuilders.map((r) => r.name);
}
