import { json } from "@remix-run/node";
import { databaseHealth, diskHealth } from "~/services/platform/health.server";
import { guard } from "~/http";

// The status follows the database (a load balancer keeps a portal that still serves reads); the disk is reported
// beside it for monitoring: "low" asks for space soon, "full" means filings are being refused.
export const loader = guard(async () => {
  const health = databaseHealth();
  return json({ ...health, disk: await diskHealth() }, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
