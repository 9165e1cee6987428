// Closure the resident confirms: how long an answered case waits for the resident's reply before it closes by
// itself. No legal text sets this (it is how the portal asks "is your matter settled?"), so it is the portal's own
// setting, marked unverified; the mail with the answer states it.
import type { ClosureRules } from "../../app/domain/closure";

export const CLOSURE_RULES: ClosureRules = {
  autoCloseAfter: {
    days: 15,
    unit: "calendar",
    source: "Cài đặt của cổng (chưa có văn bản quy định); thời hạn khiếu nại tiếp quyết định lần đầu vẫn theo Luật Khiếu nại 2011",
    verified: false,
    effectiveFrom: "2023-07-01",
  },
};
