import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["tests/**/*.test.ts"],
    // Native addons (better-sqlite3, sharp) are safest in child processes; each file gets its own SQLite file.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    setupFiles: ["tests/support/setup.ts"],
    globals: false,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
