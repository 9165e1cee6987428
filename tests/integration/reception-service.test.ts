// The reception use cases on a real SQLite file with a fixed clock: weekly rules written out (holidays left out),
// the reminder the day before (once), the capacity held inside the transaction, and the duty board.
import "../support/database";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "../../db/schema";
import { read } from "~/services/platform/database.server";
import { book, sendBookingReminders } from "~/services/reception/bookings.server";
import { changeSchedule, dutyBoard, extendSchedules } from "~/services/reception/schedule.server";
import { receptionFigures } from "~/services/reception/figures.server";
import { staffAccount } from "../support/factories";

const details = {
  startTime: "07:30",
  endTime: "11:00",
  receiverRole: "chairman" as const,
  receiverName: "Chủ tịch UBND xã",
  place: "Trụ sở",
  mode: "in_person" as const,
  meetingUrl: "",
};
const at = (iso: string) => new Date(iso);

describe("reception schedule and bookings", () => {
  it("a weekly rule gives its sessions (not on holidays) and the daily job extends them", async () => {
    const official = await staffAccount("commune_official", "xuan-vinh");
    const user = { ...official };
    // Thursdays from 1/4/2026: 30/4 is a holiday.
    await changeSchedule(
      user,
      { intent: "addRule", communeId: "xuan-vinh", weekday: 4, validFrom: "2026-04-01", capacity: 2, ...details },
      at("2026-04-01T01:00:00Z"),
    );
    const dates = async () => (await read().select().from(t.receptionSessions).where(eq(t.receptionSessions.communeId, "xuan-vinh"))).map((s) => s.date);
    const first = await dates();
    expect(first).toContain("2026-04-02");
    expect(first).toContain("2026-04-23");
    expect(first).not.toContain("2026-04-30");
    expect(first.every((d) => d <= "2026-06-24")).toBe(true);
    await extendSchedules(at("2026-05-01T01:00:00Z"));
    const later = await dates();
    expect(later).toContain("2026-07-23");
    expect(new Set(later).size).toBe(later.length);
  });

  it("the last place is given once; the reminder goes the day before, once", async () => {
    const session = (await read().select().from(t.receptionSessions).where(eq(t.receptionSessions.date, "2026-04-09")))[0];
    const now = at("2026-04-07T02:00:00Z");
    const input = { sessionId: session.id, name: "Hà Văn Tư", phone: "0912345678", email: "tu@example.vn", matter: "Hỏi đường đi.", people: 1, caseCode: null };
    const results = await Promise.allSettled([book(input, now), book(input, now), book(input, now)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.messageKey)).toEqual(["reception.error.full"]);
    const outbox = async () => (await read().select().from(t.outbox)).filter((m) => m.subject.startsWith("Nhắc lịch")).length;
    expect(await sendBookingReminders(at("2026-04-07T02:00:00Z"))).toBe(0);
    expect(await sendBookingReminders(at("2026-04-08T02:00:00Z"))).toBe(2);
    expect(await sendBookingReminders(at("2026-04-08T05:00:00Z"))).toBe(0);
    expect(await outbox()).toBe(2);
  });

  it("the board shows the units short of the duty in force, and the week a holiday took", async () => {
    const district = await staffAccount("district_staff", "huyen-xuan-truong");
    const board = (await dutyBoard(district, at("2026-04-07T02:00:00Z")))!;
    expect(board.from).toBe("2026-04-01");
    expect(board.to).toBe("2026-05-31");
    // Xuân Vinh receives every Thursday, but Thursday 30/4 is a holiday: that week falls short, and only that week.
    const vinh = board.rows.find((r) => r.communeId === "xuan-vinh")!;
    expect(vinh.periods.map((p) => [p.from, p.to, p.required, p.held])).toEqual([["2026-04-27", "2026-05-03", 1, 0]]);
    // A unit with no schedule is short every week.
    expect(board.rows.find((r) => r.communeId === "xuan-bac")!.periods.length).toBeGreaterThan(5);
    const official = await staffAccount("commune_official", "xuan-bac");
    expect(await dutyBoard(official, at("2026-04-07T02:00:00Z"))).toBeNull();
  });

  it("figures for a period: sessions, the units short of the minimum, cases by channel", async () => {
    const figures = await receptionFigures("2026-04-01", "2026-04-30");
    expect(figures.sessions).toBe(4);
    expect(figures.chairmanDays).toBe(4);
    expect(figures.unitsShort.map((u) => u.communeId)).toContain("xuan-vinh");
    expect(figures.visits).toBe(0);
    expect(Object.keys(figures.casesByChannel)).toEqual(["online", "reception", "phone", "letter", "hamlet_head"]);
  });
});
