import { json } from "@remix-run/node";
import { databaseHealth } from "~/services/platform/health.server";
import { guard } from "~/http";

export const loader = guard(async () => {
  const health = databaseHealth();
  return json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
