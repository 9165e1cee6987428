/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // better-sqlite3, sharp and heic-decode stay external (native addons / wasm); our own db/ code is bundled.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    // Single fetch stays off for now: measured ~30 % slower per request here (docs/decisions/001).
    v3_singleFetch: false,
  },
};
