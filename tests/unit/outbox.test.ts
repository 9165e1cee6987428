import { describe, expect, it } from "vitest";
import { LONG_RETRY_ATTEMPTS, mailTrouble } from "~/domain/outbox";

describe("which mail an administrator must look at", () => {
  it("dead mail, and pending mail retried long; never sent or fresh mail", () => {
    expect(mailTrouble({ status: "dead", attempts: 1 })).toBe("dead");
    expect(mailTrouble({ status: "pending", attempts: LONG_RETRY_ATTEMPTS })).toBe("retrying");
    expect(mailTrouble({ status: "sending", attempts: LONG_RETRY_ATTEMPTS + 3 })).toBe("retrying");
    expect(mailTrouble({ status: "pending", attempts: LONG_RETRY_ATTEMPTS - 1 })).toBeNull();
    expect(mailTrouble({ status: "sent", attempts: 9 })).toBeNull();
  });
});
