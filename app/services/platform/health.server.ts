import { errorFields, logger } from "./logger.server";
import { sqliteClient } from "./database.server";

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
