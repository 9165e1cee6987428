// Supervision by the Fatherland Front and the People's Inspection Board: the numbers the portal applies, each with
// its source (domain.md §7). The law obliges the supervised body to consider and answer recommendations but sets
// no day count, so the response time is the portal's own setting until a source says otherwise.
import type { EscalationRules } from "../../app/domain/escalation";
import type { SupervisionRules } from "../../app/domain/supervision";

export const SUPERVISION_RULES: SupervisionRules = {
  response: {
    length: 15,
    unit: "calendar",
    source: "Cài đặt của cổng (luật không quy định số ngày): Luật MTTQ Việt Nam 75/2015/QH13 Điều 29 khoản 6; QĐ 217-QĐ/TW",
    verified: false,
    effectiveFrom: "2023-07-01",
  },
};

/**
 * When the district may take over a case its unit left overdue. No legal text sets a number of days for this (the
 * upper level's power to direct the lower one is general), so it is the portal's own setting, marked unverified.
 */
export const ESCALATION_RULES: EscalationRules = {
  takeOverAfter: {
    workingDays: 5,
    source: "Cài đặt của cổng (chưa có văn bản quy định số ngày); thẩm quyền chỉ đạo của cấp trên: Luật Tổ chức chính quyền địa phương",
    verified: false,
    effectiveFrom: "2023-07-01",
  },
};
