// The legal posting and consultation periods (issue 8): pure rules, no database.
import { describe, expect, it } from "vitest";
import {
  consultationClosingProblem,
  consultationDays,
  consultationOpeningProblem,
  consultationPeriodShown,
  consultationPhase,
  postingPeriodProblem,
  publicStatusLabel,
} from "~/domain/disclosure";

const vn = (s: string) => new Date(`${s}+07:00`);
const iso = (s: string) => vn(s).toISOString();
const first = { minPostingDays: 30, publishedOn: "2026-12-02", newVersion: false };

describe("a posting period", () => {
  it("may not have ended before it is published (01/10–15/11 published on 02/12)", () => {
    expect(postingPeriodProblem({ from: "2026-10-01", to: "2026-11-15" }, first)).toBe("disclosure.error.postingBeforePublication");
  });

  it("starts no earlier than the day of publication, and lasts at least the type's minimum, both days counted", () => {
    expect(postingPeriodProblem({ from: "2026-12-01", to: "2027-01-30" }, first)).toBe("disclosure.error.postingBeforePublication");
    expect(postingPeriodProblem({ from: "2026-12-02", to: "2026-12-30" }, first)).toBe("error.postingTooShort:30");
    expect(postingPeriodProblem({ from: "2026-12-02", to: "2026-12-31" }, first)).toBeNull();
    expect(postingPeriodProblem({ from: "2026-12-10", to: "2027-01-08" }, first)).toBeNull();
    expect(postingPeriodProblem({ from: "2026-12-10", to: "2026-12-09" }, first)).toBe("error.postingOrder");
    expect(postingPeriodProblem({ from: "2026-12-02", to: "2027-01-14" }, { ...first, minPostingDays: 45 })).toBe("error.postingTooShort:45");
  });

  it("of a re-posted document may count from the day it was signed, never before it, nor from a date after publication", () => {
    expect(postingPeriodProblem({ from: "2026-11-20", to: "2026-12-19", signedOn: "2026-11-20" }, first)).toBeNull();
    expect(postingPeriodProblem({ from: "2026-11-19", to: "2026-12-19", signedOn: "2026-11-20" }, first)).toBe("disclosure.error.postingBeforeSigned");
    expect(postingPeriodProblem({ from: "2026-12-05", to: "2027-01-05", signedOn: "2026-12-05" }, first)).toBe("disclosure.error.signedAfterPublication");
    // Signed long ago and its period over: re-posting it does not make it "being posted".
    expect(postingPeriodProblem({ from: "2026-10-01", to: "2026-11-15", signedOn: "2026-10-01" }, first)).toBe("disclosure.error.postingOver");
  });

  it("of a new version restarts at its own publication, with the reason for the change", () => {
    const version = { ...first, newVersion: true };
    expect(postingPeriodProblem({ from: "2026-12-02", to: "2026-12-31" }, version)).toBe("disclosure.error.versionReason");
    expect(postingPeriodProblem({ from: "2026-12-02", to: "2026-12-31", versionReason: "  " }, version)).toBe("disclosure.error.versionReason");
    expect(postingPeriodProblem({ from: "2026-11-25", to: "2026-12-31", versionReason: "Đơn giá mới" }, version)).toBe(
      "disclosure.error.postingBeforePublication",
    );
    expect(postingPeriodProblem({ from: "2026-12-02", to: "2026-12-20", versionReason: "Đơn giá mới" }, version)).toBe("error.postingTooShort:30");
    expect(postingPeriodProblem({ from: "2026-11-20", to: "2026-12-31", versionReason: "Đơn giá mới", signedOn: "2026-11-20" }, version)).toBe(
      "disclosure.error.versionRestartsPosting",
    );
    expect(postingPeriodProblem({ from: "2026-12-02", to: "2026-12-31", versionReason: "Đơn giá mới" }, version)).toBeNull();
  });
});

describe("the public status label", () => {
  const posted = { status: "published" as const, postingFrom: "2026-10-01", postingTo: "2026-11-15", consultationFrom: null, consultationTo: null };
  it("is not 'Đang niêm yết' once the posting period is over, nor before it starts", () => {
    expect(publicStatusLabel(posted, vn("2026-12-02T09:00:00"))).toBe("dstatus.posting_ended");
    expect(publicStatusLabel(posted, vn("2026-11-15T23:59:00"))).toBe("dstatus.published");
    expect(publicStatusLabel(posted, vn("2026-10-01T00:00:00"))).toBe("dstatus.published");
    expect(publicStatusLabel(posted, vn("2026-09-30T23:59:00"))).toBe("dstatus.posting_upcoming");
  });
  it("says a consultation is coming, open or ended from its instants; withdrawn and replaced keep their label", () => {
    const consulting = {
      ...posted,
      status: "consultation_open" as const,
      postingTo: "2026-12-31",
      consultationFrom: iso("2026-12-05T07:00:00"),
      consultationTo: iso("2026-12-31T17:00:00"),
    };
    expect(publicStatusLabel(consulting, vn("2026-12-04T09:00:00"))).toBe("dstatus.consultation_upcoming");
    expect(publicStatusLabel(consulting, vn("2026-12-05T07:00:00"))).toBe("dstatus.consultation_open");
    expect(publicStatusLabel(consulting, vn("2026-12-31T17:00:00"))).toBe("dstatus.consultation_ended");
    expect(publicStatusLabel({ ...posted, status: "withdrawn" }, vn("2026-12-02T09:00:00"))).toBe("dstatus.withdrawn");
    expect(publicStatusLabel({ ...posted, status: "superseded" }, vn("2026-11-02T09:00:00"))).toBe("dstatus.superseded");
  });
});

describe("a consultation", () => {
  const posting = { from: "2026-12-02", to: "2026-12-31" };
  const rule = { minConsultationDays: 30 };
  it("lasts at least its legal minimum, counted from when it really opens", () => {
    const whole = { from: iso("2026-12-02T07:00:00"), to: iso("2026-12-31T17:00:00") };
    expect(consultationDays(whole, vn("2026-12-02T06:00:00"))).toBe(30);
    expect(consultationOpeningProblem(posting, whole, rule, vn("2026-12-02T06:00:00"))).toBeNull();
    // Opened weeks after its announced start: only the days left count.
    expect(consultationOpeningProblem(posting, whole, rule, vn("2026-12-20T10:00:00"))).toBe("disclosure.error.consultationTooShort:30");
    expect(consultationOpeningProblem(posting, { from: whole.from, to: iso("2026-12-10T17:00:00") }, rule, vn("2026-12-02T06:00:00"))).toBe(
      "disclosure.error.consultationTooShort:30",
    );
    expect(consultationOpeningProblem(posting, whole, { minConsultationDays: 5 }, vn("2026-12-27T10:00:00"))).toBeNull();
  });
  it("cannot be opened already over, nor with an end before its start (07:00 – 05:25)", () => {
    expect(consultationOpeningProblem(posting, { from: iso("2026-12-02T07:00:00"), to: iso("2026-12-02T05:25:00") }, rule, vn("2026-12-02T06:00:00"))).toBe(
      "error.postingOrder",
    );
    expect(
      consultationOpeningProblem(
        posting,
        { from: iso("2026-12-02T07:00:00"), to: iso("2026-12-03T05:25:00") },
        { minConsultationDays: 1 },
        vn("2026-12-04T06:00:00"),
      ),
    ).toBe("disclosure.error.consultationOver");
  });
  it("closes early only with a reason, never before it opened; the summary follows the comments really received", () => {
    const window = { from: iso("2026-12-02T07:00:00"), to: iso("2026-12-31T17:00:00") };
    const early = vn("2026-12-10T09:00:00");
    expect(consultationClosingProblem(window, { summary: "", reason: "" }, 0, vn("2026-12-02T06:00:00"))).toBe("disclosure.error.consultationNotStarted");
    expect(consultationClosingProblem(window, { summary: "Tiếp thu", reason: "" }, 2, early)).toBe("disclosure.error.closeEarlyReason");
    expect(consultationClosingProblem(window, { summary: "Tiếp thu", reason: "Dự án dừng theo quyết định 12/QĐ-UBND" }, 2, early)).toBeNull();
    expect(consultationClosingProblem(window, { summary: "Đã tiếp thu nhiều ý kiến", reason: "" }, 0, vn("2027-01-01T09:00:00"))).toBe(
      "disclosure.error.summaryWithoutComments",
    );
    expect(consultationClosingProblem(window, { summary: "", reason: "" }, 0, vn("2027-01-01T09:00:00"))).toBeNull();
    expect(consultationClosingProblem(window, { summary: " ", reason: "" }, 3, vn("2027-01-01T09:00:00"))).toBe("disclosure.error.summaryRequired");
  });
  it("is shown 'coming' before it opens, not 'over'; an early close shows when it really ended and the announced end", () => {
    const d = {
      status: "consultation_open",
      postingFrom: "2026-12-02",
      postingTo: "2026-12-31",
      consultationFrom: iso("2026-12-05T07:00:00"),
      consultationTo: iso("2026-12-31T17:00:00"),
    };
    expect(consultationPhase(d, vn("2026-12-04T09:00:00"))).toBe("upcoming");
    expect(consultationPhase(d, vn("2026-12-06T09:00:00"))).toBe("open");
    expect(consultationPhase(d, vn("2027-01-01T09:00:00"))).toBe("ended");
    const closed = { ...d, status: "consultation_closed", consultationClosedAt: iso("2026-12-10T09:00:00") };
    expect(consultationPhase(closed, vn("2026-12-11T09:00:00"))).toBe("closed_early");
    expect(consultationPeriodShown(closed)).toEqual({ from: d.consultationFrom, to: closed.consultationClosedAt, announcedTo: d.consultationTo });
    expect(consultationPhase({ ...closed, consultationClosedAt: iso("2027-01-02T09:00:00") }, vn("2027-01-03T09:00:00"))).toBe("closed");
    expect(consultationPeriodShown({ ...closed, consultationClosedAt: iso("2027-01-02T09:00:00") })).toEqual({
      from: d.consultationFrom,
      to: d.consultationTo,
      announcedTo: null,
    });
  });
  it("never shows a period whose end precedes its start", () => {
    const broken = {
      status: "consultation_closed",
      postingFrom: null,
      postingTo: null,
      consultationFrom: iso("2026-12-02T07:00:00"),
      consultationTo: iso("2026-12-02T05:25:00"),
    };
    expect(consultationPeriodShown(broken)).toBeNull();
    expect(consultationPeriodShown({ ...broken, consultationTo: iso("2026-12-31T17:00:00"), consultationClosedAt: iso("2026-12-02T05:25:00") })).toBeNull();
  });
});
