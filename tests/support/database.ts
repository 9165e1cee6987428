// Imported by tests that call services directly: opens this test file's own SQLite file (see setup.ts), migrated.
import { startDatabase } from "~/services/platform/database.server";

await startDatabase();
