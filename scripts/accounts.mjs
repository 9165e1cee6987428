// Account administration from the shell, using the same code as the portal (run `npm run build` first).
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const build = await import(url.pathToFileURL(path.join(here, "../build/index.js")).href);
const { lines, code } = await build.entry.module.runAccountsCommand(process.argv.slice(2));
for (const line of lines) console.log(line);
process.exit(code);
