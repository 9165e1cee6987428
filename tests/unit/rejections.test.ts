// A 503 says plainly that nothing was received: the case, on the filing form; what was sent, on every other form.
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { rejectionInfo } from "~/services/platform/responses.server";

describe("a form refused because the database is busy or the disk full", () => {
  it("answers 503 with Retry-After and a message that says it was NOT received", () => {
    const t = translator("vi");
    const busy = rejectionInfo({ outcome: "unavailable", retryAfterSeconds: 5, reason: "busy" }, "case");
    expect(busy.init).toEqual({ status: 503, headers: { "Retry-After": "5" } });
    expect(t(busy.key as never)).toContain("hồ sơ CHƯA được tiếp nhận");
    const full = rejectionInfo({ outcome: "unavailable", retryAfterSeconds: 300, reason: "storage" }, "case");
    expect(t(full.key as never)).toContain("hết chỗ lưu trữ nên hồ sơ CHƯA được tiếp nhận");
    for (const reason of ["busy", "storage"] as const) {
      const post = rejectionInfo({ outcome: "unavailable", retryAfterSeconds: 5, reason });
      expect(t(post.key as never)).toContain("nội dung bạn gửi CHƯA được tiếp nhận");
      expect(translator("en")(post.key as never)).toContain("has NOT been received");
    }
  });
});
