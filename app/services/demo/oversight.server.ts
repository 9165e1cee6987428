// Demo oversight: a supervision by the district's Fatherland Front with recommendations (one overdue, one answered
// and settled), a case the district took over after its deadline passed, and one the resident closed by confirming.
// Dated in the past through the services' own clocks, so each step is what the portal would have recorded.
import { sql } from "drizzle-orm";
import * as t from "../../../db/schema";
import { ESCALATION_RULES } from "../../../db/data/supervision";
import { addDays, vnDate } from "~/domain/dates";
import { dueDate } from "~/domain/deadlines";
import type { FilingInput } from "~/domain/filing";
import type { StaffUser } from "~/domain/permissions";
import { DEMO_MARKER } from "~/domain/redaction";
import { openSupervisionSchema } from "~/domain/supervision-forms";
import { fileCase } from "~/services/cases/filing.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { recordPassedDeadlines } from "~/services/cases/overdue.server";
import { residentStep } from "~/services/cases/resident-steps.server";
import { read } from "~/services/platform/database.server";
import { reference } from "~/services/reference/reference.server";
import { actOnSupervision, openSupervision } from "~/services/supervision/supervision.server";

const DEMO = DEMO_MARKER;
const DAY = 86_400_000;

async function account(email: string): Promise<StaffUser | null> {
  const row = (
    await read()
      .select()
      .from(t.users)
      .where(sql`${t.users.email} = ${email}`)
  )[0];
  return row ? { id: row.id, role: row.role, communeId: row.communeId } : null;
}

/** Seeds once (when there is no supervision yet); `demoCase` builds a valid demo filing. */
export async function seedDemoOversight(
  lines: string[],
  demoCase: (partial: Partial<FilingInput> & Pick<FilingInput, "kind" | "category" | "commune" | "title">) => FilingInput,
) {
  const any = (await read().select({ id: t.supervisions.id }).from(t.supervisions).limit(1))[0];
  if (any) return;
  const front = await account("giamsat@demo.dan-biet.vn");
  const leader = await account("lanhdao.xuan-hong@demo.dan-biet.vn");
  const district = await account("huyen@demo.dan-biet.vn");
  const tanLeader = await account("lanhdao.xuan-tan@demo.dan-biet.vn");
  const vinhLeader = await account("lanhdao.xuan-vinh@demo.dan-biet.vn");
  if (!front || !leader || !district || !tanLeader || !vinhLeader) return;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);

  // A supervision of compensation on the demo road project: one recommendation overdue, one answered and settled.
  const id = await openSupervision(
    { user: front, ip: "demo" },
    openSupervisionSchema.parse({
      title: `Giám sát việc niêm yết phương án bồi thường đường trục xã Xuân Hồng ${DEMO}`,
      subjectKind: "theme",
      subjectText: "Niêm yết, lấy ý kiến và đối thoại về phương án bồi thường, hỗ trợ, tái định cư dự án đường trục xã",
      periodFrom: vnDate(ago(45)),
      periodTo: vnDate(ago(40)),
      members: `Ban Thường trực UBMTTQ huyện; Ban Thanh tra nhân dân xã Xuân Hồng ${DEMO}`,
      findings: `${DEMO} Phương án đã niêm yết tại trụ sở UBND xã nhưng chưa niêm yết tại nhà văn hóa xóm 4; biên bản kết thúc niêm yết chưa ghi số ý kiến nhận được.`,
    }),
    ago(40),
  );
  await actOnSupervision(
    { user: front, ip: "demo" },
    id,
    { intent: "recommend", unitId: "xuan-hong", body: `${DEMO} Niêm yết phương án tại nhà văn hóa xóm 4 và lập biên bản có chữ ký đại diện hộ dân.` },
    ago(40),
  );
  await actOnSupervision(
    { user: front, ip: "demo" },
    id,
    { intent: "recommend", unitId: "xuan-hong", body: `${DEMO} Tổng hợp và công khai các ý kiến góp ý cùng việc tiếp thu, giải trình.` },
    ago(39),
  );
  const recs = await read()
    .select()
    .from(t.supervisionRecommendations)
    .where(sql`${t.supervisionRecommendations.supervisionId} = ${id}`)
    .orderBy(t.supervisionRecommendations.id);
  await actOnSupervision(
    { user: leader, ip: "demo" },
    id,
    {
      intent: "answer",
      recommendationId: recs[1].id,
      response: "accepted",
      reasons: `${DEMO} UBND xã tiếp thu; bảng tổng hợp ý kiến đã đăng cùng phương án.`,
      plan: "Công khai bảng tổng hợp tại trụ sở và trên cổng thông tin.",
    },
    ago(30),
  );
  await actOnSupervision(
    { user: front, ip: "demo" },
    id,
    { intent: "settle", recommendationId: recs[1].id, settled: "yes", note: "Đã kiểm tra trên cổng và tại trụ sở." },
    ago(25),
  );

  // A critique of the demo compensation plan while it is in consultation, not answered yet.
  const plan = (
    await read()
      .select({ id: t.disclosures.id })
      .from(t.disclosures)
      .where(sql`${t.disclosures.typeCode} = 'compensation_plan' and ${t.disclosures.status} = 'consultation_open'`)
      .limit(1)
  )[0];
  if (plan) {
    const today = vnDate(new Date(now));
    const critiqueId = await openSupervision(
      { user: front, ip: "demo" },
      openSupervisionSchema.parse({
        title: `Phản biện dự thảo phương án bồi thường đường trục xã Xuân Hồng ${DEMO}`,
        subjectKind: "disclosure",
        disclosureId: String(plan.id),
        periodFrom: today,
        periodTo: addDays(today, 29),
        members: `Ban Thường trực UBMTTQ huyện ${DEMO}`,
      }),
    );
    await actOnSupervision({ user: front, ip: "demo" }, critiqueId, {
      intent: "critique",
      critique: `${DEMO} Đơn giá bồi thường đất trồng lúa thấp hơn giá chuyển nhượng thực tế trong vùng; đề nghị UBND xã đối chiếu bảng giá đất và đối thoại với 2 hộ xóm 3 trước khi trình phê duyệt.`,
    });
  }

  // A case its commune let run late, which the district took over.
  const ref = await reference();
  const late = await fileCase(
    demoCase({ kind: "feedback", category: "construction", commune: "xuan-tan", title: `Công trình xây dựng lấn hành lang kênh tưới ${DEMO}` }),
    [],
    { language: "vi", now: ago(35) },
  );
  await performStaffAction(tanLeader, late.code, { action: "accept" }, "demo", ago(34));
  const dueOn = (
    await read()
      .select({ dueOn: t.cases.dueOn })
      .from(t.cases)
      .where(sql`${t.cases.code} = ${late.code}`)
  )[0].dueOn;
  await recordPassedDeadlines(new Date(`${addDays(dueOn, 1)}T02:00:00Z`));
  const takeOverOn = dueDate(dueOn, ESCALATION_RULES.takeOverAfter.workingDays, "working", ref.calendar);
  if (takeOverOn <= vnDate(new Date(now))) {
    await performStaffAction(
      district,
      late.code,
      { action: "take_over", note: `${DEMO} UBND xã Xuân Tân để quá hạn; Ban Tiếp công dân huyện trực tiếp giải quyết.` },
      "demo",
      new Date(`${takeOverOn}T02:00:00Z`),
    );
  }

  // A case answered and closed on the resident's confirmation.
  const settled = await fileCase(
    demoCase({ kind: "petition", category: "land", commune: "xuan-vinh", title: `Đề nghị sửa lối vào khu ruộng xóm 1 ${DEMO}` }),
    [],
    { language: "vi", now: ago(20) },
  );
  await performStaffAction(vinhLeader, settled.code, { action: "accept" }, "demo", ago(19));
  await performStaffAction(
    vinhLeader,
    settled.code,
    { action: "answer", note: `${DEMO} UBND xã đã đổ đá, san phẳng lối vào khu ruộng xóm 1.`, signedBy: "Chủ tịch UBND xã Xuân Vinh" },
    "demo",
    ago(10),
  );
  await residentStep(settled.caseId, { step: "settled", settled: "yes", comment: "Lối vào đã đi lại được, cảm ơn xã." }, ago(8));

  lines.push(`Giám sát mẫu: /giam-sat; hồ sơ huyện đã nhận giải quyết thay: ${late.code}; hồ sơ người dân xác nhận kết thúc: ${settled.code}.`);
}
