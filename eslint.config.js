// ESLint flat config for Dân Biết.
//
// Besides typescript-eslint's and react-hooks' recommended rules, this file
// enforces the project's layering rules (README, "How it is built"):
//   routes     -> services, domain, components, i18n   (never the database)
//   components -> domain, i18n                          (never services or the database)
//   domain     -> zod and other domain modules          (pure: no I/O, no framework)
//   sql.raw    -> only in the data-access modules
// and forbids import cycles. Globs are written so that they keep holding once
// app/services/*.server.ts is split into sub-folders by domain
// (app/services/cases/, staff/, admin/, platform/, …).
//
// Purely stylistic concerns are left to Prettier (.prettierrc.json); no
// formatting rule is enabled here.
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "eslint/config";
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import { importX, createNodeResolver } from "eslint-plugin-import-x";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";

const root = path.dirname(fileURLToPath(import.meta.url));

const SOURCE = ["**/*.{js,mjs,cjs,ts,mts,cts,tsx}"];
const REACT_CODE = ["app/**/*.{ts,tsx}"];
const REACT_FREE = ["app/services/**", "app/domain/**", "app/**/*.server.ts"];

// Relative (or "~/../") import paths that reach the top-level db/ folder,
// whatever the depth of the importing file: "../../db/schema", "../../../db/data/reference", …
const DB_FOLDER = "^(?:~/|\\./|\\.\\./)(?:\\.\\./)*db(?:/|$)";
// The module that opens the database connection: app/services/db.server.ts today,
// app/services/platform/database*.ts after the move.
const DB_HANDLE = "^(?:~/services/|(?:\\.\\.?/)+(?:app/)?services/)(?:db\\.server|platform/database[^/]*)$";
// Any relative path into app/services, from any depth.
const SERVICES_RELATIVE = "^(?:\\.\\.?/)+(?:app/)?services(?:/|$)";

const noDatabaseDrivers = [
  { regex: "^drizzle-orm(?:/|$)", message: "Query the database in a service module (app/services/**), not here." },
  { regex: "^better-sqlite3$", message: "Query the database in a service module (app/services/**), not here." },
];

export default defineConfig(
  {
    ignores: ["build/", "public/build/", "node_modules/", "db/migrations/", ".cache/", "data/", "test-results/", "tmp/"],
  },

  // ---- Base rule sets -------------------------------------------------------
  { files: SOURCE, ...js.configs.recommended },
  ...tseslint.configs.recommended.map((config) => ({ files: SOURCE, ...config })),
  {
    files: SOURCE,
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      // app/ runs on both sides (Remix); scripts, tests and server.mjs run on Node.
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "warn" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          args: "after-used",
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  // ---- React ----------------------------------------------------------------
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { react },
    settings: { react: { version: "18.3" } },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // Rule 5: no dangerouslySetInnerHTML anywhere in app/.
      "react/no-danger": "error",
    },
  },
  {
    // Hooks live in components, routes, app/i18n, app/nonce.ts …; server-only services and the pure
    // domain have none, and skipping them keeps the React Compiler-based rules from doubling lint time.
    files: REACT_CODE,
    ignores: REACT_FREE,
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: REACT_CODE,
    ignores: REACT_FREE,
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // Off: its only hits are `useEffect(() => setCanPrint(true), [])`, the deliberate "render the print button once hydrated" idiom.
      "react-hooks/set-state-in-effect": "off",
    },
  },

  // ---- Import cycles (rule 1) -----------------------------------------------
  {
    files: SOURCE,
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx", ".mts", ".cts"] },
      "import-x/external-module-folders": ["node_modules"],
      // import-x's own resolver (unrs-resolver) reading tsconfig.json, so "~/*" -> "./app/*"
      // comes from the one place it is declared. eslint-import-resolver-typescript is not installed.
      "import-x/resolver-next": [
        createNodeResolver({
          tsconfig: { configFile: path.join(root, "tsconfig.json"), references: "auto" },
          extensions: [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json", ".node", ".d.ts"],
          conditionNames: ["types", "import", "node", "require", "default"],
          mainFields: ["types", "module", "main"],
        }),
      ],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // Guards the resolver set-up above: if "~/…" stopped resolving, no-cycle would go blind silently.
      "import-x/no-unresolved": ["error", { ignore: ["\\?(?:url|raw|inline)$"] }],
    },
  },

  // ---- Layering (rules 2–4) -------------------------------------------------
  {
    // Rule 2: route modules reach the database only through services.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: DB_FOLDER, message: "Routes may not import db/** — go through a service in app/services/**." },
            { regex: DB_HANDLE, message: "Routes may not use the database handle — go through a service in app/services/**." },
            ...noDatabaseDrivers,
          ],
        },
      ],
    },
  },
  {
    // Rule 3: domain modules are pure — the only allowed imports are zod, the pure CSV libraries and other domain
    // modules; no node:* built-in, not even node:crypto.
    files: ["app/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!(?:zod(?:/.*)?|csv-parse/sync|csv-stringify/sync|\\./.+|~/domain/.+)$)",
              message:
                "app/domain must stay pure: import only zod, csv-parse/sync, csv-stringify/sync and other domain modules (./x or ~/domain/x) — no services, db, React, Remix, drizzle-orm, better-sqlite3 or node:* built-ins.",
            },
          ],
        },
      ],
    },
  },
  {
    // Rule 4: shared components render data handed to them; they neither load it nor touch the database.
    files: ["app/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^~/services(?:/|$)", message: "Components may not import services — load data in the route and pass it down." },
            { regex: SERVICES_RELATIVE, message: "Components may not import services — load data in the route and pass it down." },
            { regex: DB_FOLDER, message: "Components may not import db/**." },
            {
              regex: "^(?!~/services/|(?:\\.\\.?/)+(?:app/)?services/).*\\.server(?:\\.[cm]?[jt]sx?)?$",
              message: "Components are bundled for the browser: no *.server modules.",
            },
            ...noDatabaseDrivers,
          ],
        },
      ],
    },
  },

  // ---- Relaxations for code that is right as it is --------------------------
  {
    // Off here only: text.ts strips C0/C1 control characters from user input, so its regexes must name them.
    files: ["app/domain/text.ts"],
    rules: { "no-control-regex": "off" },
  },

  // ---- Raw SQL (rule 6) -----------------------------------------------------
  {
    files: SOURCE,
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='sql']:matches([property.name='raw'], [property.value='raw'])",
          message:
            "sql.raw is allowed only in the data-access modules (app/services/platform/database*.ts, db/**); use the sql`` template with bound parameters.",
        },
      ],
    },
  },
  {
    files: ["app/services/platform/database*.ts", "app/services/db.server.ts", "db/**"],
    rules: { "no-restricted-syntax": "off" },
  },
);
