// Column helpers shared by every table. Timestamps are ISO-8601 UTC strings; calendar dates (deadlines, holidays)
// are YYYY-MM-DD in Asia/Ho_Chi_Minh.
import { sql } from "drizzle-orm";
import { text } from "drizzle-orm/sqlite-core";

export const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
