// The versions of a disclosure: a new version points at the one it replaces (previous_id).
import { sql } from "drizzle-orm";
import { queryRows } from "~/services/platform/database.server";

/** Every version of a disclosure, earlier and later, by the previous_id chain (indexed). */
export async function versionIds(disclosureId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(sql`
    WITH RECURSIVE
      earlier(id, previous_id) AS (
        SELECT id, previous_id FROM disclosures WHERE id = ${disclosureId}
        UNION SELECT d.id, d.previous_id FROM disclosures d JOIN earlier ON d.id = earlier.previous_id
      ),
      later(id) AS (
        SELECT ${disclosureId}
        UNION SELECT d.id FROM disclosures d JOIN later ON d.previous_id = later.id
      )
    SELECT id FROM earlier UNION SELECT id FROM later`);
  return rows.map((r) => r.id);
}
