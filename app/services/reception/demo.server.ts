// Demo reception data, written once (when no weekly rule exists): a weekly schedule for every unit (one unit's
// chairman on leave, so the district's board has a unit to show), an online session, a few bookings and a
// session already held with its log. Names are marked as demo data.
import { eq, sql } from "drizzle-orm";
import * as t from "../../../db/schema";
import { COMMUNES, DISTRICT_ID } from "../../../db/data/reference";
import { addDays, vnDate, weekday } from "~/domain/dates";
import { DEMO_MARKER } from "~/domain/redaction";
import { dialogueMinutesSchema } from "~/domain/reception-forms";
import { read, transaction } from "~/services/platform/database.server";
import { book } from "./bookings.server";
import { recordVisit } from "./log.server";
import { changeSchedule } from "./schedule.server";
import { changeDialogue, setGroup } from "./dialogues.server";

const DEMO = DEMO_MARKER;

export async function seedDemoReception(lines: string[], now = new Date()): Promise<void> {
  const existing = (
    await read()
      .select({ n: sql<number>`count(*)` })
      .from(t.receptionRules)
  )[0].n;
  if (existing > 0) return;
  const district = (await read().select().from(t.users).where(eq(t.users.email, "huyen@demo.dan-biet.vn")))[0];
  if (!district) return;
  const today = vnDate(now);
  const common = { mode: "in_person" as const, meetingUrl: "", capacity: 8 };
  for (const [i, unit] of COMMUNES.entries()) {
    const isDistrict = unit.id === DISTRICT_ID;
    // Xuân Phong's chairman is on leave in the demo: only the reception officer receives, which the board shows.
    const shortOfDuty = unit.id === "xuan-phong";
    await changeSchedule(
      district,
      {
        intent: "addRule",
        communeId: unit.id,
        weekday: isDistrict ? 2 : 1 + (i % 5),
        validFrom: today,
        startTime: "07:30",
        endTime: "11:00",
        receiverRole: shortOfDuty ? "officer" : "chairman",
        receiverName: shortOfDuty ? `Cán bộ tiếp công dân ${unit.name} ${DEMO}` : `Chủ tịch ${unit.name} ${DEMO}`,
        place: isDistrict ? "Trụ sở Tiếp công dân huyện, thị trấn Xuân Trường" : `Phòng tiếp công dân, trụ sở ${unit.name}`,
        ...common,
      },
      now,
    );
  }
  await changeSchedule(
    district,
    {
      intent: "addSession",
      communeId: "xuan-hong",
      date: addDays(today, 3),
      startTime: "14:00",
      endTime: "16:00",
      receiverRole: "deputy",
      receiverName: `Phó Chủ tịch UBND xã Xuân Hồng ${DEMO}`,
      place: "Trực tuyến",
      mode: "online",
      meetingUrl: "https://meet.example.vn/xuan-hong-tiep-cong-dan",
      capacity: 5,
    },
    now,
  );
  // A few bookings in Xuân Bắc's next session.
  const next = (
    await read()
      .select()
      .from(t.receptionSessions)
      .where(sql`${t.receptionSessions.communeId} = 'xuan-bac' AND ${t.receptionSessions.date} > ${today}`)
      .orderBy(t.receptionSessions.date)
      .limit(1)
  )[0];
  if (next) {
    await book(
      {
        sessionId: next.id,
        name: `Đỗ Văn Hải ${DEMO}`,
        phone: "0912000111",
        email: null,
        matter: "Hỏi về việc cấp lại giấy chứng nhận quyền sử dụng đất bị mất.",
        people: 1,
        caseCode: null,
      },
      now,
    );
    await book(
      {
        sessionId: next.id,
        name: `Lê Thị Mai ${DEMO}`,
        phone: "0912000222",
        email: null,
        matter: "Các hộ xóm 2 đề nghị giải thích mức hỗ trợ khi thu hồi đất làm đường.",
        people: 7,
        caseCode: null,
      },
      now,
    );
  }
  // A session already held in Xuân Bắc, with its log.
  const lastWeek = addDays(today, -((weekday(today) + 6) % 7) - 4);
  const held = await transaction(
    async (tx) =>
      (
        await tx
          .insert(t.receptionSessions)
          .values({
            communeId: "xuan-bac",
            date: lastWeek,
            startTime: "07:30",
            endTime: "11:00",
            receiverRole: "chairman",
            receiverName: `Chủ tịch UBND xã Xuân Bắc ${DEMO}`,
            place: "Phòng tiếp công dân, trụ sở UBND xã Xuân Bắc",
            mode: "in_person",
            capacity: 8,
          })
          .returning({ id: t.receptionSessions.id })
      )[0],
  );
  const official = (await read().select().from(t.users).where(eq(t.users.email, "canbo.xuan-bac@demo.dan-biet.vn")))[0];
  if (official) {
    const blank = {
      name2: "",
      address2: "",
      idNumber2: "",
      name3: "",
      address3: "",
      idNumber3: "",
      name4: "",
      address4: "",
      idNumber4: "",
      name5: "",
      address5: "",
      idNumber5: "",
    };
    await recordVisit(
      official,
      held.id,
      {
        bookingId: null,
        kind: "petition",
        people: 1,
        name1: `Phạm Văn Toàn ${DEMO}`,
        address1: "Xóm 1, xã Xuân Bắc",
        idNumber1: "036070001111",
        ...blank,
        content: "Đề nghị nạo vét mương tiêu nước xóm 1 trước mùa mưa.",
        handledBefore: "",
        outcome: "transferred",
        outcomeBody: "Phòng Nông nghiệp và Môi trường huyện",
        outcomeDocument: "",
        outcomeReason: "",
        caseCode: null,
        followUp: "",
      },
      now,
    );
    await recordVisit(
      official,
      held.id,
      {
        bookingId: null,
        kind: "complaint",
        people: 6,
        name1: `Nguyễn Văn Khánh ${DEMO}`,
        address1: "Xóm 3, xã Xuân Bắc",
        idNumber1: "036075002222",
        name2: `Trần Thị Lan ${DEMO}`,
        address2: "Xóm 3, xã Xuân Bắc",
        idNumber2: "036080003333",
        name3: "",
        address3: "",
        idNumber3: "",
        name4: "",
        address4: "",
        idNumber4: "",
        name5: "",
        address5: "",
        idNumber5: "",
        content: "Sáu hộ xóm 3 khiếu nại quyết định thu hồi đất làm bãi đỗ xe của huyện.",
        handledBefore: "",
        outcome: "guided",
        outcomeBody: "Chủ tịch UBND huyện Xuân Trường",
        outcomeDocument: "",
        outcomeReason: "",
        caseCode: null,
        followUp: "",
      },
      now,
    );
  }
  await seedDemoDialogue(today, now);
  lines.push("Lịch tiếp công dân mẫu: mỗi đơn vị một buổi cố định hằng tuần, 2 lịch đặt ở Xuân Bắc, 1 sổ tiếp đã ghi (/tiep-cong-dan).");
}

/** Xuân Hồng's demo complaint becomes a group case with two representatives and a dialogue held a week ago. */
async function seedDemoDialogue(today: string, now: Date): Promise<void> {
  const official = (await read().select().from(t.users).where(eq(t.users.email, "canbo.xuan-hong@demo.dan-biet.vn")))[0];
  const complaint = (
    await read()
      .select({ code: t.cases.code })
      .from(t.cases)
      .where(sql`${t.cases.communeId} = 'xuan-hong' AND ${t.cases.kindCode} = 'complaint'`)
      .limit(1)
  )[0];
  if (!official || !complaint) return;
  const blank = { repPhone1: "", repEmail1: "", repPhone2: "", repEmail2: "", repName3: "", repPhone3: "", repEmail3: "", repAddress3: "" };
  await setGroup(
    official,
    complaint.code,
    {
      people: 9,
      coFilers: `Chín hộ xóm 3 có đất nông nghiệp bị thu hồi ${DEMO}`,
      repName1: `Nguyễn Văn Bình ${DEMO}`,
      repAddress1: "Xóm 3, xã Xuân Hồng",
      repName2: `Trần Thị Cúc ${DEMO}`,
      repAddress2: "Xóm 3, xã Xuân Hồng",
      repName4: "",
      repPhone4: "",
      repEmail4: "",
      repAddress4: "",
      repName5: "",
      repPhone5: "",
      repEmail5: "",
      repAddress5: "",
      ...blank,
    },
    now,
  );
  const held = addDays(today, -7);
  const scheduledOn = new Date(now.getTime() - 14 * 86_400_000);
  await changeDialogue(
    official,
    complaint.code,
    {
      intent: "schedule",
      startsAt: `${held}T08:00`,
      place: "Hội trường UBND xã Xuân Hồng",
      officials: `Chủ tịch UBND xã Xuân Hồng ${DEMO}\nCán bộ địa chính xã ${DEMO}`,
      concerned: "Ban quản lý dự án đầu tư xây dựng huyện",
      front: `Chủ tịch Ủy ban MTTQ xã Xuân Hồng ${DEMO}`,
    },
    scheduledOn,
  );
  const dialogue = (
    await read().select({ id: t.dialogues.id }).from(t.dialogues).innerJoin(t.cases, eq(t.cases.id, t.dialogues.caseId)).where(eq(t.cases.code, complaint.code))
  )[0];
  const participants = await read().select().from(t.dialogueParticipants).where(eq(t.dialogueParticipants.dialogueId, dialogue.id));
  // As the minutes form posts it: one slot per participant.
  const attendance: Record<string, string> = {};
  participants.forEach((p, i) => {
    attendance[`pid${i + 1}`] = String(p.id);
    if (p.role === "concerned") {
      attendance[`valid${i + 1}`] = "on";
      attendance[`reason${i + 1}`] = "Đi công tác, đã báo trước bằng văn bản.";
    } else attendance[`present${i + 1}`] = "on";
  });
  await changeDialogue(
    official,
    complaint.code,
    dialogueMinutesSchema.parse({
      intent: "minutes",
      dialogueId: String(dialogue.id),
      content: "Đại diện các hộ đề nghị áp giá bồi thường theo bảng giá mới; cán bộ địa chính giải thích căn cứ của phương án.",
      agreed: "Đo đạc lại diện tích thửa đất của hai hộ trong 15 ngày.",
      disputed: "Đơn giá bồi thường đất nông nghiệp.",
      ...attendance,
    }),
    new Date(`${held}T10:00:00+07:00`),
  );
}
