// Demo data for `npm run demo`: cases filed through the same use case as real ones, and one account per role,
// all clearly marked. Never run outside the demo start.
import { eq, sql } from "drizzle-orm";
import { cases, users } from "../../db/schema";
import { COMMUNES, DISTRICT_ID } from "../../db/data/reference";
import type { FilingInput } from "~/domain/filing";
import type { Role } from "~/domain/permissions";
import { createAccount } from "./auth.server";
import { fileCase } from "./cases.server";
import { db } from "./db.server";
import { encrypt, randomToken } from "./secrets.server";
import { performStaffAction } from "./staff-cases.server";
import { newTotpSecret } from "./totp.server";

const DEMO = "(dữ liệu mẫu)";
export const DEMO_PASSWORD = "demo-xuan-truong-2026";

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

interface DemoAccount {
  email: string;
  role: Role;
  communeId: string;
  fullName: string;
}

function demoAccounts(): DemoAccount[] {
  const communes = COMMUNES.filter((c) => c.level !== "district");
  return [
    ...communes.flatMap((c) => [
      { email: `canbo.${c.id}@demo.dan-biet.vn`, role: "commune_official" as const, communeId: c.id, fullName: `Cán bộ ${c.name} ${DEMO}` },
      { email: `lanhdao.${c.id}@demo.dan-biet.vn`, role: "commune_leader" as const, communeId: c.id, fullName: `Lãnh đạo ${c.name} ${DEMO}` },
    ]),
    { email: "huyen@demo.dan-biet.vn", role: "district_staff", communeId: DISTRICT_ID, fullName: `Ban Tiếp công dân huyện ${DEMO}` },
    { email: "giamsat@demo.dan-biet.vn", role: "supervisor", communeId: DISTRICT_ID, fullName: `Mặt trận Tổ quốc huyện ${DEMO}` },
    { email: "quantri@demo.dan-biet.vn", role: "admin", communeId: DISTRICT_ID, fullName: `Quản trị hệ thống ${DEMO}` },
  ];
}

/** Creates the demo accounts and cases when the database has none; returns what to print for the person starting it. */
export async function seedDemoData(): Promise<string[]> {
  const lines: string[] = [];
  const hasUsers = db().select({ n: sql<number>`count(*)` }).from(users).all()[0].n > 0;
  if (!hasUsers) {
    for (const account of demoAccounts()) await createAccount({ ...account, password: DEMO_PASSWORD }, null, "demo");
    const adminSecret = newTotpSecret();
    db().update(users).set({ totpSecret: encrypt("totp", adminSecret), totpEnabledAt: new Date().toISOString() }).where(eq(users.email, "quantri@demo.dan-biet.vn")).run();
    lines.push(
      `Tài khoản mẫu (demo accounts), mật khẩu chung: ${DEMO_PASSWORD}`,
      "  canbo.<xã>@demo.dan-biet.vn, lanhdao.<xã>@demo.dan-biet.vn (ví dụ canbo.xuan-bac@demo.dan-biet.vn)",
      "  huyen@demo.dan-biet.vn (huyện), giamsat@demo.dan-biet.vn (giám sát)",
      `  quantri@demo.dan-biet.vn (quản trị; mã TOTP bí mật: ${adminSecret})`,
    );
  } else {
    lines.push(`Tài khoản mẫu: xem lần khởi động demo đầu tiên; mật khẩu chung: ${DEMO_PASSWORD}`);
  }
  const hasCases = db().select({ n: sql<number>`count(*)` }).from(cases).all()[0].n > 0;
  if (!hasCases) {
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
    const official = db().select().from(users).where(eq(users.email, "canbo.xuan-bac@demo.dan-biet.vn")).all()[0];
    if (official) {
      await performStaffAction(official, filed[0].code, { action: "request_info", note: `${DEMO} Đề nghị gửi thêm ảnh chụp bức tường và sơ đồ lối đi.` }, "demo");
    }
    lines.push(`Đã tạo ${filed.length} hồ sơ mẫu (demo cases), ví dụ ${filed[0].code}.`);
  }
  return lines;
}
