// Limits on attempts per client, through rate-limiter-flexible behind our own consume().
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseConfig, reloadConfig } from "~/services/platform/config.server";
import { consume, limitKey } from "~/services/platform/rate-limit.server";

describe("rate limits", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2026-03-02T08:00:00Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("allows `points` attempts per window, then refuses with the seconds left, then allows again", async () => {
    const spec = { keyPrefix: "test-window", points: 2, durationSeconds: 60 };
    expect(await consume(spec, "10.0.0.1")).toEqual({ ok: true, retryAfterSeconds: 0, remaining: 1 });
    vi.advanceTimersByTime(20_000);
    expect(await consume(spec, "10.0.0.1")).toEqual({ ok: true, retryAfterSeconds: 0, remaining: 0 });
    expect(await consume(spec, "10.0.0.1")).toEqual({ ok: false, retryAfterSeconds: 40 });
    vi.advanceTimersByTime(39_500);
    expect(await consume(spec, "10.0.0.1")).toEqual({ ok: false, retryAfterSeconds: 1 });
    vi.advanceTimersByTime(600);
    expect((await consume(spec, "10.0.0.1")).ok).toBe(true);
  });

  it("counts each key, and each limit, apart", async () => {
    const a = { keyPrefix: "test-a", points: 1, durationSeconds: 60 };
    const b = { keyPrefix: "test-b", points: 1, durationSeconds: 60 };
    expect((await consume(a, "k")).ok).toBe(true);
    expect((await consume(a, "k")).ok).toBe(false);
    expect((await consume(a, "other")).ok).toBe(true);
    expect((await consume(b, "k")).ok).toBe(true);
  });

  it("named limits take their numbers from the environment", async () => {
    process.env.RATE_LIMIT_LOOKUP = "3/600";
    reloadConfig();
    try {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await consume("lookup", "10.0.0.9"));
      expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
      expect(results[3].retryAfterSeconds).toBe(600);
      // The household look-up counts on its own, with the same numbers.
      expect((await consume("household", "10.0.0.9")).ok).toBe(true);
    } finally {
      delete process.env.RATE_LIMIT_LOOKUP;
      reloadConfig();
    }
  });

  it("without RATE_LIMIT_* set, the documented defaults apply (parsed, not left as text)", async () => {
    expect(parseConfig({})).toMatchObject({
      RATE_LIMIT_FILING: { limit: 5, windowMs: 600_000 },
      RATE_LIMIT_LOOKUP: { limit: 20, windowMs: 600_000 },
      RATE_LIMIT_SIGNIN: { limit: 30, windowMs: 900_000 },
    });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await consume("filing", "10.0.0.7"));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
    expect(results[5].retryAfterSeconds).toBe(600);
  });

  it("counts an IPv6 client by its /64, so one network cannot mint a fresh counter per address", async () => {
    expect(limitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKey("::ffff:10.0.0.1")).toBe("::ffff:10.0.0.1");
    expect(limitKey("10.0.0.1")).toBe("10.0.0.1");
    expect(limitKey("ban@example.vn")).toBe("ban@example.vn");
    const spec = { keyPrefix: "test-v6", points: 1, durationSeconds: 60 };
    expect((await consume(spec, "2001:db8:1:2::1")).ok).toBe(true);
    expect((await consume(spec, "2001:db8:1:2::2")).ok).toBe(false);
    expect((await consume(spec, "2001:db8:1:3::1")).ok).toBe(true);
  });
});
