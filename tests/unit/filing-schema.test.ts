import { describe, expect, it } from "vitest";
import { parseFiling, readFilingForm, type CaseKind, type KindField } from "~/domain/filing";

const required: Record<CaseKind, KindField[]> = {
  feedback: [],
  petition: [],
  complaint: ["complainedDecision", "complainedBody", "decisionKnownOn", "idNumber"],
  denunciation: ["accusedPerson", "idNumber"],
};
const ref: Parameters<typeof parseFiling>[1] = {
  categoryCodes: ["land", "construction", "compensation", "other"],
  communeIds: ["xuan-bac", "xuan-hong"],
  hamletCommune: new Map([
    [1, "xuan-bac"],
    [2, "xuan-hong"],
  ]),
  requiredFields: (kind) => required[kind],
  today: "2026-11-25",
};
/** The form's two-stage validation, as the server runs it. */
const parse = (values: Record<string, string>) => {
  const r = parseFiling(values, ref);
  if (!r.success) throw new Error(JSON.stringify(r.errors));
  return r.data;
};

const valid = {
  kind: "feedback",
  category: "land",
  commune: "xuan-bac",
  hamletId: "1",
  place: "Thửa 12",
  title: "Lấn lối đi",
  description: "Hàng xóm xây tường lấn lối đi chung.",
  requestedOutcome: "Đề nghị kiểm tra.",
  fullName: "Trần Văn Bình",
  phone: "0912 345 678",
  email: "",
  address: "Xóm 1",
  dataConsent: "on",
  truthConfirmed: "on",
  idempotencyKey: "abcdefghijklmnop1234",
};
const errorsOf = (values: Record<string, string>) => {
  const result = parseFiling(values, ref);
  return result.success ? {} : result.errors;
};

describe("the filing form's schema", () => {
  it("accepts a valid feedback and stores clean NFC text", () => {
    const result = parse({ ...valid, title: "  Lấn   lối đi  ".normalize("NFD") });
    expect(result.title).toBe("Lấn lối đi");
    expect(result.hamletId).toBe(1);
    expect(result.email).toBeNull();
    expect(result.publishConsent).toBe(false);
  });

  it("names every empty or whitespace-only required field", () => {
    const errors = errorsOf({ ...valid, title: "   ", description: "", fullName: "\u200B", address: "\t" });
    expect(errors).toMatchObject({ title: "error.required", description: "error.required", fullName: "error.required", address: "error.required" });
  });

  it("counts text made only of invisible fillers (U+200D, U+00AD, U+3164) as not filled in", () => {
    const errors = errorsOf({ ...valid, title: "\u3164\u3164", description: "\u200D\u200D\u200D", requestedOutcome: "\u00AD" });
    expect(errors).toMatchObject({ title: "error.required", description: "error.required", requestedOutcome: "error.required" });
  });

  it("refuses a 200 000-character description, NUL bytes, a forged kind and an unknown commune", () => {
    expect(errorsOf({ ...valid, description: "x".repeat(200_000) }).description).toBe("error.tooLong:10000");
    expect(errorsOf({ ...valid, place: "a\u0000b" }).place).toBe("error.invalidCharacters");
    expect(errorsOf({ ...valid, kind: "admin" }).kind).toBe("error.chooseKind");
    expect(errorsOf({ ...valid, commune: "xa-ma" }).commune).toBe("error.chooseCommune");
    expect(errorsOf({ ...valid, category: "tax" }).category).toBe("error.chooseCategory");
  });

  it("a hamlet must belong to the chosen commune", () => {
    expect(errorsOf({ ...valid, hamletId: "2" }).hamletId).toBe("error.hamletNotInCommune");
    expect(errorsOf({ ...valid, hamletId: "99" }).hamletId).toBe("error.hamletNotInCommune");
  });

  it("asks each kind for what the law requires", () => {
    for (const kind of ["complaint", "denunciation"] as const) {
      const errors = errorsOf({ ...valid, kind });
      for (const field of required[kind]) expect(errors[field], `${kind} ${field}`).toBe("error.required");
    }
    expect(errorsOf({ ...valid, kind: "petition" })).toEqual({});
  });

  it("drops fields that do not belong to the chosen kind", () => {
    const result = parse({ ...valid, complainedDecision: "QĐ 1", accusedPerson: "Ông A", decisionKnownOn: "2026-11-01" });
    expect(result.complainedDecision).toBe("");
    expect(result.accusedPerson).toBe("");
    expect(result.decisionKnownOn).toBe("");
  });

  it("checks phone, email, ID number and the decision date", () => {
    expect(errorsOf({ ...valid, phone: "12345" }).phone).toBe("error.phone");
    expect(errorsOf({ ...valid, phone: "+84 912 345 678" })).toEqual({});
    expect(errorsOf({ ...valid, email: "khong-phai-email" }).email).toBe("error.email");
    expect(errorsOf({ ...valid, idNumber: "12345" }).idNumber).toBe("error.idNumber");
    const complaint = { ...valid, kind: "complaint", complainedDecision: "QĐ 1", complainedBody: "UBND xã", idNumber: "036080001234" };
    expect(errorsOf({ ...complaint, decisionKnownOn: "2026-12-01" }).decisionKnownOn).toBe("error.dateInFuture");
    expect(errorsOf({ ...complaint, decisionKnownOn: "hôm qua" }).decisionKnownOn).toBe("error.date");
    expect(errorsOf({ ...complaint, decisionKnownOn: "2026-11-01" })).toEqual({});
  });

  it("requires consent and the truth confirmation, and the project level for compensation", () => {
    expect(errorsOf({ ...valid, dataConsent: "" }).dataConsent).toBe("error.dataConsent");
    expect(errorsOf({ ...valid, truthConfirmed: "" }).truthConfirmed).toBe("error.truthConfirmed");
    expect(errorsOf({ ...valid, category: "compensation" }).projectLevel).toBe("error.chooseProjectLevel");
    expect(errorsOf({ ...valid, category: "compensation", projectLevel: "district" })).toEqual({});
  });

  it("keeps <script> as text: escaping is the renderer's job", () => {
    expect(parse({ ...valid, title: "<script>alert(1)</script>" }).title).toBe("<script>alert(1)</script>");
  });

  it("reads a form: the first of duplicated fields wins, unknown fields are ignored", () => {
    const form = new FormData();
    form.append("title", "Một");
    form.append("title", "Hai");
    form.append("status", "closed");
    form.append("communeId", "xuan-hong");
    expect(readFilingForm(form)).toEqual({ title: "Một" });
  });
});

describe("a denunciation about a commune official", () => {
  const denunciation = { ...valid, kind: "denunciation", accusedPerson: "Cán bộ địa chính xã", idNumber: "036080001234" };

  it("is recorded when the box is ticked on a denunciation", () => {
    expect(parse({ ...denunciation, concernsOfficial: "on" }).concernsOfficial).toBe(true);
    expect(parse(denunciation).concernsOfficial).toBe(false);
  });

  it("is dropped for any other kind", () => {
    expect(parse({ ...valid, concernsOfficial: "on" }).concernsOfficial).toBe(false);
  });

  it("is read from the form", () => {
    const form = new FormData();
    form.set("concernsOfficial", "on");
    expect(readFilingForm(form).concernsOfficial).toBe("on");
  });
});
