// Sliding-window limits on public posts, per client. In memory: one server process serves the district today;
// several processes would need this table in the database (docs/decisions/003-rate-limits.md).

const windows = new Map<string, number[]>();
let lastSweep = Date.now();

export interface LimitResult {
  ok: boolean;
  retryAfterSeconds: number;
}

export function hitLimit(key: string, limit: number, windowMs: number, now = Date.now()): LimitResult {
  sweep(now, windowMs);
  const recent = (windows.get(key) ?? []).filter((t) => t > now - windowMs);
  if (recent.length >= limit) {
    windows.set(key, recent);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000)) };
  }
  recent.push(now);
  windows.set(key, recent);
  return { ok: true, retryAfterSeconds: 0 };
}

/** Forgets a key (for example after a successful look-up, so honest users are not locked out). */
export function resetLimit(key: string): void {
  windows.delete(key);
}

function sweep(now: number, windowMs: number): void {
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  for (const [key, times] of windows) {
    if (!times.some((t) => t > now - Math.max(windowMs, 3_600_000))) windows.delete(key);
  }
}
