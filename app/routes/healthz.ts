import { json } from "@remix-run/node";
import { databaseHealth } from "~/services/platform/health.server";

export async function loader() {
  const health = databaseHealth();
  return json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
