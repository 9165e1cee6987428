// Reference data loaded on every start (insert-if-missing, so an administrator's corrections are kept).
import type { DisclosureTypeCode } from "../../app/domain/disclosure";
import type { CaseKind } from "../../app/domain/filing";
// Sources: ../shared/docs/domain.md and domain-sources.md.

export const DISTRICT_ID = "huyen-xuan-truong";

export const COMMUNES: { id: string; name: string; level: "district" | "commune" | "town" }[] = [
  { id: DISTRICT_ID, name: "UBND huyện Xuân Trường", level: "district" },
  { id: "tt-xuan-truong", name: "Thị trấn Xuân Trường", level: "town" },
  { id: "tho-nghiep", name: "Thọ Nghiệp", level: "commune" },
  { id: "xuan-bac", name: "Xuân Bắc", level: "commune" },
  { id: "xuan-chau", name: "Xuân Châu", level: "commune" },
  { id: "xuan-dai", name: "Xuân Đài", level: "commune" },
  { id: "xuan-hoa", name: "Xuân Hòa", level: "commune" },
  { id: "xuan-hong", name: "Xuân Hồng", level: "commune" },
  { id: "xuan-kien", name: "Xuân Kiên", level: "commune" },
  { id: "xuan-ngoc", name: "Xuân Ngọc", level: "commune" },
  { id: "xuan-ninh", name: "Xuân Ninh", level: "commune" },
  { id: "xuan-phong", name: "Xuân Phong", level: "commune" },
  { id: "xuan-phu", name: "Xuân Phú", level: "commune" },
  { id: "xuan-phuong", name: "Xuân Phương", level: "commune" },
  { id: "xuan-tan", name: "Xuân Tân", level: "commune" },
  { id: "xuan-thanh", name: "Xuân Thành", level: "commune" },
  { id: "xuan-thuong", name: "Xuân Thượng", level: "commune" },
  { id: "xuan-thuy", name: "Xuân Thủy", level: "commune" },
  { id: "xuan-tien", name: "Xuân Tiến", level: "commune" },
  { id: "xuan-trung", name: "Xuân Trung", level: "commune" },
  { id: "xuan-vinh", name: "Xuân Vinh", level: "commune" },
];

/** Hamlets: the real numbered ones where a source gives them, a few invented (marked demo) elsewhere. */
export function hamletsFor(communeId: string): { name: string; isDemo: boolean }[] {
  if (communeId === DISTRICT_ID) return [];
  if (communeId === "xuan-thanh") return [1, 2, 3, 4, 5, 6].map((n) => ({ name: `Xóm ${n}`, isDemo: false }));
  if (communeId === "xuan-thuong") return [1, 2, 3, 4, 5].map((n) => ({ name: `Thôn ${n}`, isDemo: false }));
  if (communeId === "tt-xuan-truong") return [1, 2, 3, 4].map((n) => ({ name: `Tổ dân phố ${n}`, isDemo: true }));
  return [1, 2, 3, 4].map((n) => ({ name: `Xóm ${n}`, isDemo: true }));
}

export const CATEGORIES = [
  { code: "land", nameVi: "Đất đai", nameEn: "Land" },
  { code: "construction", nameVi: "Xây dựng – trật tự đô thị", nameEn: "Construction and building order" },
  {
    code: "compensation",
    nameVi: "Bồi thường, hỗ trợ, tái định cư – giải phóng mặt bằng",
    nameEn: "Compensation, support and resettlement (site clearance)",
  },
  { code: "other", nameVi: "Khác", nameEn: "Other" },
];

export const CASE_KIND_ROWS = [
  { code: "feedback" as const, confidentialIdentity: false },
  { code: "petition" as const, confidentialIdentity: false },
  { code: "complaint" as const, confidentialIdentity: false },
  { code: "denunciation" as const, confidentialIdentity: true },
];

const LAW_136 = "Luật 136/2025/QH15 (hiệu lực 01/07/2026)";
export const KIND_FIELD_RULES = [
  { kindCode: "complaint", field: "complainedDecision", validFrom: null, source: "Luật Khiếu nại 2011, Điều 8" },
  { kindCode: "complaint", field: "complainedBody", validFrom: null, source: "Luật Khiếu nại 2011, Điều 8" },
  { kindCode: "complaint", field: "decisionKnownOn", validFrom: null, source: "Luật Khiếu nại 2011, Điều 9" },
  { kindCode: "complaint", field: "idNumber", validFrom: "2026-07-01", source: LAW_136 },
  { kindCode: "denunciation", field: "accusedPerson", validFrom: null, source: "Luật Tố cáo 2018, Điều 23" },
  { kindCode: "denunciation", field: "idNumber", validFrom: "2026-07-01", source: LAW_136 },
];

export const ROUTING_RULES = [
  { priority: 10, categoryCode: "compensation", projectLevel: "district", locationScope: null, routeTo: "district" as const, reason: "compensation-district-project" },
  { priority: 20, categoryCode: "compensation", projectLevel: "unknown", locationScope: null, routeTo: "district" as const, reason: "compensation-project-unknown" },
  { priority: 30, categoryCode: null, projectLevel: null, locationScope: "multiple", routeTo: "district" as const, reason: "several-communes" },
  { priority: 40, categoryCode: null, projectLevel: null, locationScope: "unknown", routeTo: "district" as const, reason: "location-unknown" },
  { priority: 100, categoryCode: null, projectLevel: null, locationScope: null, routeTo: "commune" as const, reason: "commune-of-location" },
];

const TT05 = "Thông tư 05/2021/TT-TTCP";
export const DEADLINE_RULES: {
  kindCode: string;
  stage: string;
  length: number;
  unit: "calendar" | "working";
  startEvent: string;
  pausesOnInfoRequest?: boolean;
  extensionAllowed?: boolean;
  source: string;
}[] = [
  { kindCode: "feedback", stage: "process", length: 10, unit: "working", startEvent: "received", source: TT05 },
  { kindCode: "petition", stage: "process", length: 10, unit: "working", startEvent: "received", source: TT05 },
  { kindCode: "feedback", stage: "resolve", length: 15, unit: "working", startEvent: "accepted", source: "Mặc định của huyện (không có thời hạn luật định)" },
  { kindCode: "petition", stage: "resolve", length: 15, unit: "working", startEvent: "accepted", source: "Mặc định của huyện (không có thời hạn luật định)" },
  { kindCode: "complaint", stage: "file_limit", length: 90, unit: "calendar", startEvent: "decision_known", pausesOnInfoRequest: false, source: "Luật Khiếu nại 2011, Điều 9" },
  { kindCode: "complaint", stage: "accept", length: 10, unit: "calendar", startEvent: "received", source: "Luật Khiếu nại 2011, Điều 27" },
  { kindCode: "complaint", stage: "resolve", length: 30, unit: "calendar", startEvent: "accepted", source: "Luật Khiếu nại 2011, Điều 28" },
  { kindCode: "complaint", stage: "resolve_complex", length: 45, unit: "calendar", startEvent: "accepted", source: "Luật Khiếu nại 2011, Điều 28" },
  { kindCode: "complaint", stage: "appeal_file", length: 30, unit: "calendar", startEvent: "answered", pausesOnInfoRequest: false, source: "Luật Khiếu nại 2011, Điều 33" },
  { kindCode: "complaint", stage: "resolve_second", length: 45, unit: "calendar", startEvent: "contested", source: "Luật Khiếu nại 2011, Điều 37" },
  { kindCode: "complaint", stage: "resolve_second_complex", length: 60, unit: "calendar", startEvent: "contested", source: "Luật Khiếu nại 2011, Điều 37" },
  { kindCode: "feedback", stage: "resolve_second", length: 15, unit: "working", startEvent: "contested", source: "Mặc định của huyện (xem xét lại ở cấp huyện)" },
  { kindCode: "petition", stage: "resolve_second", length: 15, unit: "working", startEvent: "contested", source: "Mặc định của huyện (xem xét lại ở cấp huyện)" },
  { kindCode: "denunciation", stage: "resolve_second", length: 30, unit: "calendar", startEvent: "contested", source: "Luật Tố cáo 2018, Điều 37 (tố cáo tiếp)" },
  { kindCode: "denunciation", stage: "process", length: 7, unit: "working", startEvent: "received", source: "Luật Tố cáo 2018, Điều 24" },
  { kindCode: "denunciation", stage: "transfer", length: 5, unit: "working", startEvent: "received", source: "Luật Tố cáo 2018, Điều 24" },
  { kindCode: "denunciation", stage: "resolve", length: 30, unit: "calendar", startEvent: "accepted", extensionAllowed: true, source: "Luật Tố cáo 2018, Điều 30" },
];

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(from + "T00:00:00Z"); d <= new Date(to + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Public holidays (and days off in lieu) and worked Saturdays, 2025–2027; 2027 is provisional until announced. */
export const CALENDAR_DAYS: { date: string; kind: "holiday" | "working_day"; name: string }[] = [
  { date: "2025-01-01", kind: "holiday", name: "Tết Dương lịch" },
  ...range("2025-01-25", "2025-02-02").map((date) => ({ date, kind: "holiday" as const, name: "Tết Nguyên đán Ất Tỵ" })),
  { date: "2025-04-07", kind: "holiday", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" },
  { date: "2025-04-26", kind: "working_day", name: "Làm bù cho ngày 02/05/2025" },
  { date: "2025-04-30", kind: "holiday", name: "Ngày Giải phóng miền Nam" },
  { date: "2025-05-01", kind: "holiday", name: "Ngày Quốc tế Lao động" },
  { date: "2025-05-02", kind: "holiday", name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/04)" },
  { date: "2025-09-01", kind: "holiday", name: "Quốc khánh (ngày liền kề)" },
  { date: "2025-09-02", kind: "holiday", name: "Quốc khánh" },
  { date: "2026-01-01", kind: "holiday", name: "Tết Dương lịch" },
  ...range("2026-02-14", "2026-02-22").map((date) => ({ date, kind: "holiday" as const, name: "Tết Nguyên đán Bính Ngọ" })),
  { date: "2026-04-27", kind: "holiday", name: "Nghỉ bù Giỗ Tổ Hùng Vương (26/04)" },
  { date: "2026-04-30", kind: "holiday", name: "Ngày Giải phóng miền Nam" },
  { date: "2026-05-01", kind: "holiday", name: "Ngày Quốc tế Lao động" },
  { date: "2026-08-22", kind: "working_day", name: "Làm bù cho ngày 31/08/2026" },
  { date: "2026-08-31", kind: "holiday", name: "Nghỉ hoán đổi Quốc khánh (làm bù thứ Bảy 22/08)" },
  { date: "2026-09-01", kind: "holiday", name: "Quốc khánh (ngày liền kề)" },
  { date: "2026-09-02", kind: "holiday", name: "Quốc khánh" },
  { date: "2027-01-01", kind: "holiday", name: "Tết Dương lịch" },
  ...["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"].map((date) => ({
    date,
    kind: "holiday" as const,
    name: "Tết Nguyên đán Đinh Mùi (dự kiến)",
  })),
  { date: "2027-04-16", kind: "holiday", name: "Giỗ Tổ Hùng Vương (dự kiến)" },
  { date: "2027-04-30", kind: "holiday", name: "Ngày Giải phóng miền Nam" },
  { date: "2027-05-03", kind: "holiday", name: "Nghỉ bù Quốc tế Lao động (01/05 là thứ Bảy)" },
  { date: "2027-09-02", kind: "holiday", name: "Quốc khánh" },
  { date: "2027-09-03", kind: "holiday", name: "Quốc khánh (ngày liền kề)" },
];

/** Reasons a case may be refused (not accepted), domain.md §2; the resident reads the matching sentence. */
export { REFUSAL_REASONS } from "../../app/domain/case-forms";

export const RESPONSE_TEMPLATES: { categoryCode: string | null; kindCode?: CaseKind | null; title: string; body: string }[] = [
  {
    categoryCode: "land",
    title: "Trả lời về tranh chấp ranh giới đất",
    body: "UBND xã đã tiếp nhận phản ánh của ông/bà. Ngày …/…/…, cán bộ địa chính đã kiểm tra thực địa, đối chiếu bản đồ địa chính tờ số …, thửa số …. Kết quả: …\n\nUBND xã đề nghị ông/bà …",
  },
  {
    categoryCode: "construction",
    title: "Trả lời về xây dựng sai phép",
    body: "UBND xã đã kiểm tra công trình tại …. Công trình có/không có giấy phép xây dựng số …. UBND xã đã lập biên bản và yêu cầu chủ công trình …",
  },
  {
    categoryCode: "compensation",
    title: "Trả lời về mức bồi thường, hỗ trợ",
    body: "Căn cứ phương án bồi thường, hỗ trợ, tái định cư đã được phê duyệt tại Quyết định số …, mức bồi thường đối với thửa đất số … của hộ ông/bà được tính như sau: …",
  },
  {
    categoryCode: "compensation",
    kindCode: "complaint",
    title: "Quyết định giải quyết khiếu nại về mức bồi thường",
    body: "Căn cứ Luật Khiếu nại năm 2011 và Nghị định số 124/2020/NĐ-CP; xét đơn khiếu nại của ông/bà … về mức bồi thường đối với thửa đất số …, tờ bản đồ số …. Kết quả xác minh: …\n\nChủ tịch UBND xã quyết định: …",
  },
  {
    categoryCode: null,
    title: "Hướng dẫn gửi đến cơ quan có thẩm quyền",
    body: "Nội dung ông/bà nêu không thuộc thẩm quyền giải quyết của UBND xã. Đề nghị ông/bà gửi đơn đến … (địa chỉ: …) để được xem xét theo quy định.",
  },
];

const GRASSROOTS = "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 11–13";
const ACCESS = "Luật Tiếp cận thông tin 2016, Điều 21(2): niêm yết ít nhất 30 ngày";
const DURING_POSTING =
  "Không có thời hạn riêng: lấy ý kiến trong thời gian niêm yết, ít nhất 30 ngày (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 13(2)) (cần kiểm chứng)";
/** Kinds of disclosure, their minimum posting periods and, where residents are consulted, the minimum consultation (domain.md §3, §4). */
export const DISCLOSURE_TYPES: {
  code: DisclosureTypeCode;
  minPostingDays: number;
  consultation: boolean;
  minConsultationDays: number;
  consultationSource: string;
  publishNames?: boolean;
  source: string;
}[] = [
  { code: "investment_project", minPostingDays: 30, consultation: true, minConsultationDays: 30, consultationSource: DURING_POSTING, source: `${GRASSROOTS}; ${ACCESS}` },
  { code: "construction_work", minPostingDays: 30, consultation: true, minConsultationDays: 30, consultationSource: DURING_POSTING, source: `${GRASSROOTS}; ${ACCESS}` },
  {
    code: "land_use_plan",
    minPostingDays: 30,
    consultation: true,
    minConsultationDays: 30,
    consultationSource: "Luật Đất đai 2024, Điều 70: lấy ý kiến về quy hoạch, kế hoạch sử dụng đất trong 30 ngày (cần kiểm chứng)",
    source: `Luật Đất đai 2024, Điều 70, 75; ${ACCESS}`,
  },
  {
    code: "compensation_plan",
    minPostingDays: 30,
    consultation: true,
    minConsultationDays: 30,
    consultationSource: "Luật Đất đai 2024, Điều 87(3)(a): dự thảo phương án niêm yết và lấy ý kiến trong 30 ngày",
    source: "Luật Đất đai 2024, Điều 87(3)(a): niêm yết dự thảo phương án 30 ngày",
  },
  { code: "budget", minPostingDays: 30, consultation: false, minConsultationDays: 30, consultationSource: "", source: `${GRASSROOTS}; ${ACCESS}` },
  { code: "contributions", minPostingDays: 30, consultation: true, minConsultationDays: 30, consultationSource: DURING_POSTING, source: `${GRASSROOTS}; ${ACCESS}` },
  { code: "administrative_procedures", minPostingDays: 30, consultation: false, minConsultationDays: 30, consultationSource: "", source: `${GRASSROOTS}; ${ACCESS}` },
  { code: "inspection_results", minPostingDays: 30, consultation: false, minConsultationDays: 30, consultationSource: "", source: `${GRASSROOTS}; ${ACCESS}` },
  { code: "other", minPostingDays: 30, consultation: false, minConsultationDays: 30, consultationSource: "", source: ACCESS },
];

/** The chairman's reception duty (domain.md §7): days a period on which the chairman receives citizens in person. */
export const RECEPTION_DUTY_RULES: {
  level: "commune" | "district";
  receiverRole: "chairman";
  period: "week" | "month";
  minDays: number;
  validFrom: string | null;
  validTo: string | null;
  source: string;
}[] = [
  { level: "commune", receiverRole: "chairman", period: "week", minDays: 1, validFrom: null, validTo: "2026-06-30", source: "Luật Tiếp công dân 42/2013/QH13, Điều 15(2)(d)" },
  { level: "commune", receiverRole: "chairman", period: "month", minDays: 2, validFrom: "2026-07-01", validTo: null, source: LAW_136 },
  { level: "district", receiverRole: "chairman", period: "month", minDays: 2, validFrom: null, validTo: null, source: "Luật Tiếp công dân 42/2013/QH13, Điều 13(5)" },
];
