// Demo cases for `npm run demo`: clearly marked, filed through the same use case as real ones.
import { sql } from "drizzle-orm";
import { cases } from "../../db/schema";
import type { FilingInput } from "~/domain/filing";
import { randomToken } from "./secrets.server";
import { fileCase, requestInformation } from "./cases.server";
import { db } from "./db.server";

const DEMO = "(dữ liệu mẫu)";

function demoCase(partial: Partial<FilingInput> & Pick<FilingInput, "kind" | "category" | "commune" | "title">): FilingInput {
  return {
    hamletId: null,
    place: "Xóm 2, cạnh nhà văn hóa",
    projectLevel: null,
    description: `${DEMO} Nội dung minh họa để thử cổng thông tin.`,
    requestedOutcome: "Đề nghị UBND xã kiểm tra và trả lời.",
    fullName: `Nguyễn Văn An ${DEMO}`,
    phone: "0912345678",
    email: null,
    address: "Xóm 2, Xuân Trường, Nam Định",
    idNumber: "",
    complainedDecision: "",
    complainedBody: "",
    decisionKnownOn: "",
    accusedPerson: "",
    dataConsent: true,
    truthConfirmed: true,
    publishConsent: true,
    keepPhotoLocation: false,
    idempotencyKey: randomToken(18),
    ...partial,
  };
}

/** Files a handful of demo cases when the database has none; returns how many were created. */
export async function seedDemoData(): Promise<number> {
  const existing = db().select({ n: sql<number>`count(*)` }).from(cases).all()[0].n;
  if (existing > 0) return 0;
  const inputs: FilingInput[] = [
    demoCase({ kind: "feedback", category: "construction", commune: "xuan-bac", title: `Xây tường lấn lối đi chung ${DEMO}` }),
    demoCase({
      kind: "complaint",
      category: "compensation",
      commune: "xuan-hong",
      projectLevel: "commune",
      title: `Khiếu nại mức bồi thường đất nông nghiệp ${DEMO}`,
      complainedDecision: "Quyết định số 45/QĐ-UBND về phê duyệt phương án bồi thường",
      complainedBody: "UBND xã Xuân Hồng",
      decisionKnownOn: "2026-11-02",
      idNumber: "036080001234",
      publishConsent: false,
    }),
    demoCase({ kind: "petition", category: "land", commune: "tt-xuan-truong", title: `Đề nghị cấp giấy chứng nhận quyền sử dụng đất ${DEMO}` }),
    demoCase({ kind: "feedback", category: "other", commune: "multiple", title: `Đường liên xã xuống cấp ${DEMO}` }),
    demoCase({
      kind: "petition",
      category: "compensation",
      commune: "xuan-ninh",
      projectLevel: "district",
      title: `Đề nghị sớm chi trả tiền hỗ trợ dự án đường tỉnh ${DEMO}`,
    }),
  ];
  const filed = [];
  for (const input of inputs) filed.push(await fileCase(input, [], { language: "vi" }));
  requestInformation(filed[0].caseId, `${DEMO} Đề nghị gửi thêm ảnh chụp bức tường và sơ đồ lối đi.`, null);
  return filed.length;
}
