import { describe, expect, it } from "vitest";
import {
  DEMO_MARKER,
  maskName,
  publicAnswerText,
  publicCaseText,
  publicCommentText,
  redactPersonalData,
  REDACTED,
  type FilerIdentity,
  type PublishedContacts,
} from "~/domain/redaction";

const hoa: FilerIdentity = { fullName: "Trần Thị Hoa", phone: "0912 345 678", email: "hoa.tran@example.vn", idNumber: "036080001234" };
const unit: PublishedContacts = { phones: ["0228 3876 543"], emails: ["ubnd.xuanhong@xuantruong.gov.vn"] };

describe("personal data in a resident's text", () => {
  it("removes phone numbers, e-mail addresses and ID numbers however they are typed", () => {
    const text = "Gọi 0987.654.321 hoặc +84 912 345 678, thư a.b@mail.vn; CCCD 036080001234, CMND 123456789, CCCD 036 080 001 235.";
    const out = redactPersonalData(text);
    for (const secret of ["0987", "912 345", "a.b@mail.vn", "036080001234", "123456789", "036 080 001 235"]) expect(out).not.toContain(secret);
    expect(out).toBe(`Gọi ${REDACTED} hoặc ${REDACTED}, thư ${REDACTED}; CCCD ${REDACTED}, CMND ${REDACTED}, CCCD ${REDACTED}.`);
  });

  it("removes the filer's name with or without diacritics, in any case", () => {
    const out = redactPersonalData("Tôi là Trần Thị Hoa. Chữ ký: TRAN THI HOA; tran  thi hoa.", { identity: hoa });
    expect(out).toBe(`Tôi là ${REDACTED}. Chữ ký: ${REDACTED}; ${REDACTED}.`);
  });

  it("keeps words that merely contain the name's letters", () => {
    expect(redactPersonalData("Hoa màu bị hỏng", { identity: { fullName: "Hoa Văn" } })).toBe("Hoa màu bị hỏng");
  });

  it("removes plot and map-sheet numbers, which the public plan table ties to a household", () => {
    const out = redactPersonalData("Thửa đất số 215, tờ bản đồ số 7; thua 216 to ban do 8; thửa 217/3, tờ số 9", { identity: hoa });
    for (const secret of ["215", "216", "217", " 7", " 8", " 9"]) expect(out).not.toContain(secret);
  });

  it("leaves amounts, dates and areas alone", () => {
    const text = "Đơn giá 105.000.000 đồng, diện tích 360,5 m², ngày 02/11/2026, đến 7 giờ";
    expect(redactPersonalData(text, { identity: hoa })).toBe(text);
  });

  it("keeps the unit's published phone and e-mail, but not anyone else's", () => {
    const out = redactPersonalData("Đã gọi 02283876543 và viết cho ubnd.xuanhong@xuantruong.gov.vn, nhà tôi 0987654321", { contacts: unit });
    expect(out).toBe(`Đã gọi 02283876543 và viết cho ubnd.xuanhong@xuantruong.gov.vn, nhà tôi ${REDACTED}`);
  });

  it("never masks or removes the demo marker with a demo filer's name", () => {
    const demo = { fullName: `Nguyễn Văn An ${DEMO_MARKER}` };
    expect(redactPersonalData(`${DEMO_MARKER} Tôi là Nguyễn Văn An.`, { identity: demo })).toBe(`${DEMO_MARKER} Tôi là ${REDACTED}.`);
  });
});

describe("the unit's own signed text", () => {
  it("keeps an official's office phone and e-mail in an answer, removes the filer's", () => {
    const answer = "Liên hệ cán bộ địa chính: 0228 3876 111, diachinh@xuanhong.gov.vn. Đã gọi bà Trần Thị Hoa số 0912345678.";
    expect(publicAnswerText(answer, hoa, unit)).toBe(
      `Liên hệ cán bộ địa chính: 0228 3876 111, diachinh@xuanhong.gov.vn. Đã gọi bà ${REDACTED} số ${REDACTED}.`,
    );
  });

  it("still removes ID numbers and plots", () => {
    expect(publicAnswerText("CCCD 036080001234, thửa đất số 215", hoa, unit)).toBe(`CCCD ${REDACTED}, ${REDACTED}`);
  });
});

describe("consultation comments", () => {
  it("a phone typed in a comment is not published", () => {
    expect(publicCommentText("Tôi không đồng ý, gọi 0977 111 222", { phone: "0977111222" }, unit)).toBe(`Tôi không đồng ý, gọi ${REDACTED}`);
    expect(publicCommentText("gọi số khác 0966 111 222", { phone: "0977111222" }, unit)).toBe(`gọi số khác ${REDACTED}`);
  });
});

describe("a case's public text", () => {
  const c = { kindCode: "complaint", publishConsent: true, title: "Thửa 215 của Trần Thị Hoa", description: "Gọi 0912345678", requestedOutcome: "Xem lại" };

  it("is redacted when the filer agreed", () => {
    expect(publicCaseText(c, hoa, unit)).toEqual({ title: `${REDACTED} của ${REDACTED}`, description: `Gọi ${REDACTED}`, requestedOutcome: "Xem lại" });
  });

  it("is absent without consent, and always for a denunciation", () => {
    expect(publicCaseText({ ...c, publishConsent: false }, hoa, unit)).toBeNull();
    expect(publicCaseText({ ...c, kindCode: "denunciation" }, hoa, unit)).toBeNull();
  });
});

describe("masked names", () => {
  it("masks a name to its initials and keeps the demo marker as it is", () => {
    expect(maskName("Nguyễn Văn Bình")).toBe("N. V. B.");
    expect(maskName(`Nguyễn Văn Bình ${DEMO_MARKER}`)).toBe(`N. V. B. ${DEMO_MARKER}`);
  });
});
