// Actions that wait for the writer share one commit (group commit), each in its own savepoint: one that fails is
// undone alone, the others are kept, and nobody is answered before the commit.
import "../support/database";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { read, sqliteClient, transaction } from "~/services/platform/database.server";

const names = () => sqliteClient("writer").prepare("SELECT name FROM counters WHERE name LIKE 'group-%' ORDER BY name").pluck().all() as string[];

describe("group commit", () => {
  it("keeps every action of a group but the one that failed, and each sees the writes before it", async () => {
    const add = (name: string) => transaction(async (tx) => tx.run(sql`INSERT INTO counters (name, value) VALUES (${name}, 1)`));
    const results = await Promise.allSettled([
      add("group-a"),
      add("group-b"),
      transaction(async (tx) => {
        await tx.run(sql`INSERT INTO counters (name, value) VALUES ('group-c', 1)`);
        throw new Error("refused");
      }),
      add("group-a"), // a unique key already written earlier in the same group: refused alone
      transaction(async (tx) => tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM counters WHERE name IN ('group-a', 'group-b')`)),
      add("group-d"),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "fulfilled", "fulfilled"]);
    expect((results[4] as PromiseFulfilledResult<{ n: number }>).value.n).toBe(2);
    expect(names()).toEqual(["group-a", "group-b", "group-d"]);
    // Committed: the read connection sees them.
    expect(read().all(sql`SELECT name FROM counters WHERE name LIKE 'group-%'`)).toHaveLength(3);
  });

  it("answers an action only after its writes are committed", async () => {
    const seen = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        transaction(async (tx) => tx.run(sql`INSERT INTO counters (name, value) VALUES (${`group-x${i}`}, 1)`)).then(
          () => read().all(sql`SELECT name FROM counters WHERE name = ${`group-x${i}`}`).length,
        ),
      ),
    );
    expect(seen).toEqual(Array(10).fill(1));
  });
});
