// Demo data for `npm run demo`: cases filed through the same use case as real ones, and one account per role,
// all clearly marked. Never run outside the demo start.
import { DEMO_MARKER } from "~/domain/redaction";
import { and, eq, isNull, sql } from "drizzle-orm";
import { cases, communes, disclosures, planRows, users } from "../../../db/schema";
import { invalidateReference } from "~/services/reference/reference.server";
import { COMMUNES, DISTRICT_ID } from "../../../db/data/reference";
import type { FilingInput } from "~/domain/filing";
import type { Role } from "~/domain/permissions";
import { createAccount } from "~/services/staff/accounts.server";
import { fileCase } from "~/services/cases/filing.server";
import { read, transaction } from "~/services/platform/database.server";
import { seedDemoReception } from "~/services/reception/demo.server";
import { addDays, vnDate } from "~/domain/dates";
import { createDraft, openConsultation, publish } from "~/services/disclosures/lifecycle.server";
import { importPlanTable } from "~/services/disclosures/plan-table.server";
import { decrypt, encrypt, randomToken } from "~/services/platform/secrets.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { newTotpSecret } from "~/services/staff/totp.server";
import { seedDemoOversight } from "./oversight.server";

const DEMO = DEMO_MARKER;
export const DEMO_PASSWORD = "demo-xuan-truong-2026";

function demoCase(partial: Partial<FilingInput> & Pick<FilingInput, "kind" | "category" | "commune" | "title">): FilingInput {
  return {
    hamletId: null,
    place: "Xóm 2, cạnh nhà văn hóa",
    projectLevel: null,
    disclosureId: null,
    planRowNo: null,
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
    concernsOfficial: false,
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

/** Demo units' published contacts (fictitious): public text keeps them where it removes residents' numbers. */
export const DEMO_UNIT_CONTACTS = [
  { id: DISTRICT_ID, contactPhone: "0228 3875 000", contactEmail: "tiepcongdan@demo.dan-biet.vn" },
  { id: "xuan-hong", contactPhone: "0228 3750 168", contactEmail: "ubnd.xuan-hong@demo.dan-biet.vn" },
];

async function seedDemoContacts(): Promise<void> {
  await transaction(async (tx) => {
    for (const unit of DEMO_UNIT_CONTACTS) {
      await tx
        .update(communes)
        .set({ contactPhone: unit.contactPhone, contactEmail: unit.contactEmail })
        .where(and(eq(communes.id, unit.id), isNull(communes.contactPhone)));
    }
  });
  invalidateReference();
}

/** Creates the demo accounts and cases when the database has none; returns what to print for the person starting it. */
export async function seedDemoData(): Promise<string[]> {
  const lines: string[] = [];
  await seedDemoContacts();
  const hasUsers =
    (
      await read()
        .select({ n: sql<number>`count(*)` })
        .from(users)
    )[0].n > 0;
  if (!hasUsers) {
    for (const account of demoAccounts()) await createAccount({ ...account, password: DEMO_PASSWORD }, null, "demo");
    const adminSecret = newTotpSecret();
    await transaction((tx) =>
      tx
        .update(users)
        .set({ totpSecret: encrypt("totp", adminSecret), totpEnabledAt: new Date().toISOString() })
        .where(eq(users.email, "quantri@demo.dan-biet.vn")),
    );
    lines.push(
      `Tài khoản mẫu (demo accounts), mật khẩu chung: ${DEMO_PASSWORD}`,
      "  canbo.<xã>@demo.dan-biet.vn, lanhdao.<xã>@demo.dan-biet.vn (ví dụ canbo.xuan-bac@demo.dan-biet.vn)",
      "  huyen@demo.dan-biet.vn (huyện), giamsat@demo.dan-biet.vn (giám sát)",
      `  quantri@demo.dan-biet.vn (quản trị; mã TOTP bí mật: ${adminSecret})`,
    );
  } else {
    lines.push(`Tài khoản mẫu: xem lần khởi động demo đầu tiên; mật khẩu chung: ${DEMO_PASSWORD}`);
  }
  const demoPlan = await seedDemoDisclosures(lines);
  const hasCases =
    (
      await read()
        .select({ n: sql<number>`count(*)` })
        .from(cases)
    )[0].n > 0;
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
        disclosureId: demoPlan?.id ?? null,
        planRowNo: demoPlan ? 2 : null,
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
    const official = (await read().select().from(users).where(eq(users.email, "canbo.xuan-bac@demo.dan-biet.vn")))[0];
    if (official) {
      await performStaffAction(
        official,
        filed[0].code,
        { action: "request_info", note: `${DEMO} Đề nghị gửi thêm ảnh chụp bức tường và sơ đồ lối đi.` },
        "demo",
      );
    }
    lines.push(`Đã tạo ${filed.length} hồ sơ mẫu (demo cases), ví dụ ${filed[0].code}.`);
  }
  await seedDemoReception(lines);
  await seedDemoOversight(lines, demoCase);
  return lines;
}

const DEMO_PLAN_CSV = `STT,Chủ sử dụng đất,Địa chỉ,Số thửa,Số tờ bản đồ,Loại đất,Diện tích thu hồi (m²),Đơn giá (đồng/m²),Bồi thường đất (đồng),Bồi thường tài sản (đồng),Hỗ trợ (đồng),Tổng cộng (đồng),Tái định cư
1,Nguyễn Văn Bình ${DEMO},"Xóm 3, xã Xuân Hồng",112,8,Đất trồng lúa,"360,0",105000,37800000,2500000,10800000,51100000,Không
2,Trần Thị Cúc ${DEMO},"Xóm 3, xã Xuân Hồng",113,8,Đất trồng lúa,"248,5",105000,26092500,1800000,7455000,35347500,Không
3,Phạm Văn Dũng ${DEMO},"Xóm 4, xã Xuân Hồng",57,9,Đất ở nông thôn,"120,0",4200000,504000000,180000000,20000000,704000000,Giao 1 lô đất tái định cư 100 m² tại khu tái định cư xóm 5
4,Vũ Thị Hoa ${DEMO},"Xóm 4, xã Xuân Hồng",58,9,Đất trồng cây lâu năm,"95,5",120000,11460000,6500000,2865000,20825000,Không`;

/** A compensation plan open for comments and an investment project, published by Xuân Hồng's demo leader. */
async function seedDemoDisclosures(lines: string[]): Promise<{ id: number } | null> {
  const existing = (await read().select({ id: disclosures.id }).from(disclosures).limit(1))[0];
  if (existing) return null;
  const leaderRow = (await read().select().from(users).where(eq(users.email, "lanhdao.xuan-hong@demo.dan-biet.vn")))[0];
  if (!leaderRow) return null;
  const leader = { id: leaderRow.id, role: leaderRow.role, communeId: leaderRow.communeId };
  const now = new Date();
  const today = vnDate(now);
  const planId = await createDraft(
    leader,
    {
      typeCode: "compensation_plan",
      communeId: "xuan-hong",
      title: `Dự thảo phương án bồi thường, hỗ trợ, tái định cư dự án đường trục xã Xuân Hồng ${DEMO}`,
      summary: "Dự thảo phương án cho 4 hộ có đất bị thu hồi để làm đường trục xã, niêm yết 30 ngày để người dân góp ý.",
      body: "Căn cứ Luật Đất đai 2024 (Điều 87), UBND xã niêm yết dự thảo phương án tại trụ sở UBND xã, nhà văn hóa các xóm 3, 4 và trên cổng thông tin này. Người có đất bị thu hồi và người dân góp ý trong thời gian niêm yết; UBND xã tổ chức đối thoại với người chưa đồng ý.",
      keyFigures: [
        { label: "Số hộ bị thu hồi đất", value: "4" },
        { label: "Tổng diện tích thu hồi", value: "824 m²" },
        { label: "Tổng kinh phí", value: "811.272.500 đồng" },
      ],
    },
    "demo",
    now,
  );
  await importPlanTable(leader, planId, DEMO_PLAN_CSV, "demo", now);
  await publish(leader, planId, { from: today, to: addDays(today, 29) }, "demo", now);
  await openConsultation(leader, planId, { from: now.toISOString(), to: new Date(`${addDays(today, 29)}T17:00:00+07:00`).toISOString() }, "demo", now);
  const projectId = await createDraft(
    leader,
    {
      typeCode: "investment_project",
      communeId: "xuan-hong",
      title: `Dự án đường trục xã Xuân Hồng, đoạn xóm 3 – xóm 5 ${DEMO}`,
      summary: "Đường bê tông dài 1,2 km, rộng 5 m; vốn ngân sách xã và đóng góp của nhân dân.",
      body: "Quy mô: 1,2 km, mặt đường 5 m. Thời gian thi công: quý I – quý III năm 2027. Nhà thầu: sẽ công khai sau khi lựa chọn.",
      keyFigures: [
        { label: "Tổng mức đầu tư", value: "6,8 tỷ đồng" },
        { label: "Thời gian", value: "2027" },
      ],
    },
    "demo",
    now,
  );
  await publish(leader, projectId, { from: today, to: addDays(today, 29) }, "demo", now);
  // Print one household's code so the demo's household view can be tried.
  const slug = (await read().select({ slug: disclosures.slug }).from(disclosures).where(eq(disclosures.id, planId)))[0].slug;
  const first = (await read().select().from(planRows).where(eq(planRows.disclosureId, planId)).orderBy(planRows.rowNo).limit(1))[0];
  lines.push(`Phương án bồi thường mẫu: /cong-khai/${slug} — mã hộ mẫu (dòng ${first.rowNo}): ${decrypt("household-code", first.householdCodeSealed)}`);
  return { id: planId };
}
