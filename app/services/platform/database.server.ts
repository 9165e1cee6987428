// The one database handle of this process, opened and migrated on first use.
import { migrateDatabase, openDatabase, type Db } from "../../../db/client";
import { seedReferenceData } from "../../../db/seed";
import { databaseFile } from "./config.server";

let instance: Db | undefined;

export function db(): Db {
  if (!instance) {
    instance = openDatabase(databaseFile());
    migrateDatabase(instance);
    seedReferenceData(instance);
  }
  return instance;
}

export function closeDb(): void {
  instance?.$client.close();
  instance = undefined;
}
