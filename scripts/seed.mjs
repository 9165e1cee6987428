// `npm run db:seed`: the demo accounts and cases (as `node server.mjs --seed-demo-only`), or, with `--cases N`, a
// large realistic database for measuring: N cases over five years, their timelines, contacts, ratings and some
// attachment rows, then the demo accounts (run `npm run build` first).
//   npm run db:seed -- --cases 1000000 [--db data/large.db]
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const valueOf = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const cases = valueOf("--cases");
if (cases !== undefined && !/^\d{1,8}$/.test(cases)) {
  console.error("--cases takes a number of cases, e.g. --cases 1000000");
  process.exit(1);
}
if (valueOf("--db")) process.env.DATABASE_URL = valueOf("--db");

const build = await import(url.pathToFileURL(path.join(here, "../build/index.js")).href);
const app = build.entry.module;
let config;
try {
  config = app.loadConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
// Seeded accounts share a published password: never on a site people reach over https.
if ((config.PUBLIC_URL ?? "").startsWith("https://")) {
  console.error("Refusing to seed: PUBLIC_URL is https, so this looks like a real deployment.");
  process.exit(1);
}
await app.startDatabase();
if (cases !== undefined) for (const line of await app.seedLargeData(Number(cases))) console.log(line);
for (const line of await app.seedDemoData()) console.log(line);
await app.stopDatabase();
process.exit(0);
