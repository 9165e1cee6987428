// The large seed behind `npm run db:seed -- --cases N`, on 10 000 cases: spread over every unit, kind, category and
// status across five years, with timelines, contacts, ratings and attachment rows, and derived data that equals a
// recount from the base tables — against a real SQLite file.
import "../support/database";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { CATEGORIES, COMMUNES } from "../../db/data/reference";
import { CASE_KINDS } from "~/domain/filing";
import { seedLargeData } from "~/services/demo/large-seed.server";
import { fileCase } from "~/services/cases/filing.server";
import { queryRows } from "~/services/platform/database.server";
import { statistics } from "~/services/transparency/statistics.server";
import { filingFields, filingInput, staffAccount } from "../support/factories";
import { DISTRICT_ID } from "../../db/data/reference";
import { exportCasesCsv } from "~/services/cases/inbox.server";
import { listRequests } from "~/services/open311/open311.server";

const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(query))[0];

describe("the large seed", () => {
  it("builds 10 000 realistic cases whose counts equal a recount", { timeout: 120_000 }, async () => {
    await seedLargeData(10_000);
    expect(await one<{ n: number }>(sql`SELECT count(*) AS n FROM cases`)).toEqual({ n: 10_000 });
    // Every case has its filer's contact and its filing event; some have ratings and attachment rows.
    expect(await one(sql`SELECT count(*) AS n FROM cases WHERE id NOT IN (SELECT case_id FROM case_contacts)`)).toEqual({ n: 0 });
    expect(await one(sql`SELECT count(*) AS n FROM cases WHERE id NOT IN (SELECT case_id FROM case_events WHERE type = 'filed')`)).toEqual({ n: 0 });
    expect((await one<{ n: number }>(sql`SELECT count(*) AS n FROM answer_ratings`)).n).toBeGreaterThan(100);
    expect((await one<{ n: number }>(sql`SELECT count(*) AS n FROM attachments`)).n).toBeGreaterThan(100);
    // Spread over all units, kinds, categories, statuses and five years.
    const distinct = async (column: ReturnType<typeof sql>) =>
      (await queryRows<{ v: string }>(sql`SELECT DISTINCT ${column} AS v FROM cases`)).map((r) => r.v).sort();
    expect(await distinct(sql`commune_id`)).toEqual(COMMUNES.map((c) => c.id).sort());
    expect(await distinct(sql`kind_code`)).toEqual([...CASE_KINDS].sort());
    expect(await distinct(sql`category_code`)).toEqual(CATEGORIES.map((c) => c.code).sort());
    expect(await distinct(sql`status`)).toEqual(["accepted", "answered", "closed", "in_progress", "info_requested", "received", "refused", "withdrawn"]);
    expect((await distinct(sql`substr(received_at, 1, 4)`)).length).toBeGreaterThanOrEqual(5);

    // The counts equal a recount from the base tables.
    const statuses = await queryRows(sql`SELECT status, count(*) AS n FROM cases GROUP BY status ORDER BY status`);
    expect(await queryRows(sql`SELECT status, n FROM status_counts WHERE n <> 0 ORDER BY status`)).toEqual(statuses);
    const total = await one(
      sql`SELECT sum(received) AS received, sum(answered) AS answered, sum(ratings) AS ratings FROM figure_counts WHERE dim = 'total' AND grain = 'day'`,
    );
    const recount = await one(sql`SELECT (SELECT count(*) FROM cases) AS received, (SELECT count(*) FROM case_events WHERE type = 'answered') AS answered,
      (SELECT count(*) FROM answer_ratings) AS ratings`);
    expect(total).toEqual(recount);
    const byUnit = await statistics({ from: "2000-01-01", to: "2100-01-01" }, "commune");
    expect(byUnit.total.received).toBe(10_000);
    const byUnitReceived = await one<{ n: number }>(
      sql`SELECT count(*) AS n FROM (SELECT DISTINCT case_id, unit_id FROM case_events WHERE type IN ('filed', 'transferred', 'contested'))`,
    );
    expect(byUnit.rows.reduce((a, r) => a + r.received, 0)).toBe(byUnitReceived.n);
    // The search index holds every case: a word found by it is found by reading the text.
    const indexed = await one(sql`SELECT count(*) AS n FROM cases_search WHERE cases_search MATCH 'public_search_text : ("lan" AND "chiem")'`);
    expect(indexed).toEqual(await one(sql`SELECT count(*) AS n FROM cases WHERE public_search_text LIKE '%lan%' AND public_search_text LIKE '%chiem%'`));

    // Filing after the seed continues the year's numbering and is counted by the triggers put back.
    const filed = await fileCase(await filingInput(filingFields()), [], { language: "vi" });
    expect(filed.code).not.toMatch(/-000001$/);
    expect((await statistics({ from: "2000-01-01", to: "2100-01-01" }, "commune")).total.received).toBe(10_001);
  });

  it("exports the whole list as CSV, and lists Open311 requests, read in batches without a row skipped or repeated", { timeout: 120_000 }, async () => {
    const district = await staffAccount("district_staff", DISTRICT_ID);
    const csv = await exportCasesCsv(district, {}, "t");
    const codes = csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(codes).toHaveLength(10_001);
    expect(new Set(codes).size).toBe(10_001);
    const end = new Date();
    const start = new Date(end.getTime() - 89 * 86_400_000);
    const result = await listRequests(new URLSearchParams({ start_date: start.toISOString(), end_date: end.toISOString() }));
    if (!("batches" in result)) throw new Error("a list of requests is read in batches");
    const items: { service_request_id: string; requested_datetime: string }[] = [];
    for await (const batch of result.batches) items.push(...(batch as typeof items));
    // About 500 of the seeded cases in 89 days: more than two batches of 200.
    expect(items.length).toBeGreaterThan(400);
    expect(new Set(items.map((i) => i.service_request_id)).size).toBe(items.length);
    const times = items.map((i) => i.requested_datetime);
    expect(times).toEqual([...times].sort().reverse());
  });
});
