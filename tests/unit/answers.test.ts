// Answers before they are sent: who may send in the chairman's name, blanks left from a template, which templates first.
import { describe, expect, it } from "vitest";
import { answerRoute, answersOnlyByDraft, findPlaceholder, inChairmansName, leadsUnit, signsForChairman, templatesForCase } from "~/domain/answers";
import type { StaffUser } from "~/domain/permissions";

const DISTRICT = "xuan-truong";
const official: StaffUser = { id: 1, role: "commune_official", communeId: "xuan-hong" };
const leader: StaffUser = { id: 2, role: "commune_leader", communeId: "xuan-hong" };
const otherLeader: StaffUser = { id: 3, role: "commune_leader", communeId: "xuan-bac" };
const district: StaffUser = { id: 4, role: "district_staff", communeId: DISTRICT };
const supervisor: StaffUser = { id: 5, role: "supervisor", communeId: DISTRICT };

describe("whose name an answer is in", () => {
  it.each([
    ["Chủ tịch UBND xã Xuân Hồng", true],
    ["Phó Chủ tịch UBND xã", true],
    ["CHỦ TỊCH", true],
    ["chu tich ubnd xa", true],
    ["TM. UBND xã Xuân Hồng", true],
    ["KT. Chủ tịch — Phó Chủ tịch Trần Văn B", true],
    ["Thay mặt Ủy ban nhân dân xã", true],
    ["UBND xã Xuân Hồng", true],
    ["Ủy ban nhân dân xã Xuân Hồng", true],
    ["Nguyễn Văn A, công chức địa chính xã", false],
    ["Công chức Văn phòng - Thống kê UBND xã", false],
    ["Trần Thị B", false],
  ])("%s → chairman's: %s", (signedBy, expected) => {
    expect(signsForChairman(signedBy)).toBe(expected);
  });

  it("a complaint or denunciation answer is the chairman's decision whatever the signature", () => {
    expect(inChairmansName("complaint", "Nguyễn Văn A, công chức địa chính")).toBe(true);
    expect(inChairmansName("denunciation", "Nguyễn Văn A")).toBe(true);
    expect(inChairmansName("feedback", "Nguyễn Văn A, công chức địa chính")).toBe(false);
    expect(inChairmansName("petition", "Chủ tịch UBND xã")).toBe(true);
  });
});

describe("who leads the unit holding the case", () => {
  it("the commune's own leader, and district staff for the district's cases only", () => {
    expect(leadsUnit(leader, "xuan-hong", DISTRICT)).toBe(true);
    expect(leadsUnit(otherLeader, "xuan-hong", DISTRICT)).toBe(false);
    expect(leadsUnit(official, "xuan-hong", DISTRICT)).toBe(false);
    expect(leadsUnit(district, DISTRICT, DISTRICT)).toBe(true);
    expect(leadsUnit(district, "xuan-hong", DISTRICT)).toBe(false);
    expect(leadsUnit(supervisor, DISTRICT, DISTRICT)).toBe(false);
  });
});

describe("who may send an answer in whose name", () => {
  const feedback = { communeId: "xuan-hong", kindCode: "feedback" };
  const complaint = { communeId: "xuan-hong", kindCode: "complaint" };
  const districtComplaint = { communeId: DISTRICT, kindCode: "complaint" };

  it("an ordinary official sends in their own name, and drafts anything in the chairman's", () => {
    expect(answerRoute(official, feedback, "Nguyễn Văn A, công chức địa chính", DISTRICT)).toBe("send");
    expect(answerRoute(official, feedback, "Chủ tịch UBND xã", DISTRICT)).toBe("needs_approval");
    expect(answerRoute(official, complaint, "Nguyễn Văn A, công chức địa chính", DISTRICT)).toBe("needs_approval");
  });

  it("a leader of the unit sends directly; a leader elsewhere or district staff on a commune's case does not", () => {
    expect(answerRoute(leader, complaint, "Chủ tịch UBND xã", DISTRICT)).toBe("send");
    expect(answerRoute(district, districtComplaint, "Chủ tịch UBND huyện", DISTRICT)).toBe("send");
    expect(answerRoute(district, complaint, "Chủ tịch UBND xã", DISTRICT)).toBe("needs_approval");
  });

  it("only drafts are offered to an official for kinds the chairman decides", () => {
    expect(answersOnlyByDraft(official, complaint, DISTRICT)).toBe(true);
    expect(answersOnlyByDraft(official, feedback, DISTRICT)).toBe(false);
    expect(answersOnlyByDraft(leader, complaint, DISTRICT)).toBe(false);
  });
});

describe("blanks left from a template", () => {
  it.each([
    ["Ngày …/…/…, cán bộ đã kiểm tra.", "…"],
    ["Thửa đất số [...], tờ bản đồ số 7.", "[...]"],
    ["Thửa đất số […].", "[…]"],
    ["Đề nghị ông/bà ... đến UBND xã.", "..."],
    ["Đề nghị ông/bà [ ] đến UBND xã.", "[ ]"],
  ])("%s holds %s", (text, blank) => {
    expect(findPlaceholder(text)?.text).toBe(blank);
  });

  it("says on which line and shows the words around the blank", () => {
    const found = findPlaceholder("UBND xã trả lời như sau.\nĐã kiểm tra thửa đất số 215, tờ bản đồ số …, kết quả tốt.");
    expect(found).toMatchObject({ line: 2, text: "…" });
    expect(found!.excerpt).toContain("tờ bản đồ số …");
  });

  it("finds nothing in a filled answer (single dots, numbers and dates are fine)", () => {
    expect(findPlaceholder("Ngày 05/11/2026, cán bộ đã kiểm tra thửa 215. Kết quả: đúng ranh giới. V.v.")).toBeNull();
    expect(findPlaceholder("Số tiền 1.500.000 đồng [đã chi trả].")).toBeNull();
  });
});

describe("which templates are offered first", () => {
  const tpl = (id: number, title: string, categoryCode: string | null, kindCode: string | null) => ({ id, title, categoryCode, kindCode });
  const all = [
    tpl(1, "A chung", null, null),
    tpl(2, "B đất đai", "land", null),
    tpl(3, "C khiếu nại đất đai", "land", "complaint"),
    tpl(4, "D khiếu nại", null, "complaint"),
    tpl(5, "E xây dựng", "construction", null),
    tpl(6, "F phản ánh đất đai", "land", "feedback"),
    tpl(7, "A đất đai", "land", null),
  ];

  it("category and kind, then category, then kind, then general; others left out", () => {
    expect(templatesForCase(all, { categoryCode: "land", kindCode: "complaint" }).map((t) => t.id)).toEqual([3, 7, 2, 4, 1]);
    expect(templatesForCase(all, { categoryCode: "construction", kindCode: "feedback" }).map((t) => t.id)).toEqual([5, 1]);
  });
});
