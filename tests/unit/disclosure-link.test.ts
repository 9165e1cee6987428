import { describe, expect, it } from "vitest";
import { filingPrefill, isLinkableDisclosure, readPrefillQuery, type PrefillSource } from "~/domain/disclosure-link";
import { LIMITS, parseFiling, readFilingForm } from "~/domain/filing";
import { translator } from "~/i18n";

const vi = translator("vi");

const source = (over: Partial<PrefillSource> = {}): PrefillSource => ({
  disclosure: { id: 7, typeCode: "compensation_plan", title: "Phương án bồi thường đường trục xã", version: 2 },
  unit: { id: "xuan-hong", name: "Xuân Hồng", level: "commune", selectable: true },
  row: { rowNo: 4, plotNumber: "215", mapSheet: "9" },
  ...over,
});

describe("which disclosures a case may be about", () => {
  it("only projects, works, land-use and compensation plans that are in force", () => {
    for (const status of ["published", "consultation_open", "consultation_closed"])
      expect(isLinkableDisclosure({ status, typeCode: "compensation_plan" })).toBe(true);
    for (const status of ["draft", "superseded", "withdrawn"]) expect(isLinkableDisclosure({ status, typeCode: "compensation_plan" })).toBe(false);
    for (const typeCode of ["investment_project", "construction_work", "land_use_plan"])
      expect(isLinkableDisclosure({ status: "published", typeCode })).toBe(true);
    for (const typeCode of ["budget", "contributions", "other"]) expect(isLinkableDisclosure({ status: "published", typeCode })).toBe(false);
  });
});

describe("the pre-fill address", () => {
  it("reads positive ids and ignores anything else; a row needs its plan", () => {
    expect(readPrefillQuery(new URLSearchParams("cong-khai=12&dong=3"))).toEqual({ disclosureId: 12, rowNo: 3 });
    expect(readPrefillQuery(new URLSearchParams("cong-khai=12"))).toEqual({ disclosureId: 12, rowNo: null });
    expect(readPrefillQuery(new URLSearchParams("dong=3"))).toEqual({ disclosureId: null, rowNo: null });
    for (const bad of ["0", "-1", "1.5", "1e3", "abc", " 12", "99999999999"]) {
      expect(readPrefillQuery(new URLSearchParams({ "cong-khai": bad, dong: "2" }))).toEqual({ disclosureId: null, rowNo: null });
      expect(readPrefillQuery(new URLSearchParams({ "cong-khai": "5", dong: bad })).rowNo).toBeNull();
    }
  });
});

describe("filingPrefill", () => {
  it("a row of a commune's compensation plan: a complaint to the commune, about the row", () => {
    expect(filingPrefill(source(), vi)).toEqual({
      disclosureId: "7",
      planRowNo: "4",
      planRowFor: "7",
      kind: "complaint",
      category: "compensation",
      commune: "xuan-hong",
      projectLevel: "commune",
      // Never the plot: a published place would tie the case to a row of the public table.
      place: "",
      title: "Khiếu nại về Phương án bồi thường đường trục xã (phiên bản 2)",
      complainedDecision: "Phương án bồi thường đường trục xã (phiên bản 2)",
      complainedBody: "UBND xã Xuân Hồng",
    });
  });

  it("a district plan goes to the district's triage; a merged commune's to 'unknown'", () => {
    const district = filingPrefill(source({ unit: { id: "huyen-xuan-truong", name: "UBND huyện Xuân Trường", level: "district", selectable: false } }), vi);
    expect(district).toMatchObject({ commune: "unknown", projectLevel: "district", complainedBody: "UBND huyện Xuân Trường" });
    const merged = filingPrefill(source({ unit: { id: "old", name: "Xuân Cũ", level: "commune", selectable: false } }), vi);
    expect(merged).toMatchObject({ commune: "unknown", projectLevel: "commune" });
  });

  it("other kinds of disclosure are reported on, the resident chooses the kind", () => {
    const works = filingPrefill(source({ disclosure: { id: 3, typeCode: "construction_work", title: "Nhà văn hóa xóm 2", version: 1 }, row: null }), vi);
    expect(works).toMatchObject({ category: "construction", planRowNo: "", place: "", title: "Phản ánh về Nhà văn hóa xóm 2 (phiên bản 1)" });
    expect(works.kind).toBeUndefined();
    expect(
      filingPrefill(source({ disclosure: { id: 3, typeCode: "investment_project", title: "Dự án X", version: 1 }, row: null }), vi).category,
    ).toBeUndefined();
  });

  it("a long title is shortened to fit, and the English form reads in English", () => {
    const long = filingPrefill(source({ disclosure: { id: 7, typeCode: "compensation_plan", title: "Phương án ".repeat(60), version: 2 } }), vi);
    expect(long.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(long.title).toMatch(/…\s?\(phiên bản 2\)$/);
    expect(long.complainedDecision!.length).toBeLessThanOrEqual(LIMITS.complainedDecision);
    expect(filingPrefill(source(), translator("en"))).toMatchObject({ title: "Complaint about Phương án bồi thường đường trục xã (version 2)" });
  });
});

describe("the form's disclosure fields", () => {
  const ref: Parameters<typeof parseFiling>[1] = {
    categoryCodes: ["land", "compensation"],
    communeIds: ["xuan-hong"],
    hamletCommune: new Map(),
    requiredFields: () => [],
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
    commune: "xuan-hong",
    place: "Thửa 12",
    title: "Về phương án",
    description: "Nội dung.",
    requestedOutcome: "Đề nghị xem lại.",
    fullName: "Trần Văn Bình",
    phone: "0912345678",
    address: "Xóm 2",
    dataConsent: "on",
    truthConfirmed: "on",
    idempotencyKey: "abcdefghijklmnop",
  };
  const errorsOf = (over: Record<string, string>) => {
    const r = parseFiling({ ...valid, ...over }, ref);
    return r.success ? {} : r.errors;
  };

  it("empty or absent means none; positive integers are kept", () => {
    expect(parse(valid)).toMatchObject({ disclosureId: null, planRowNo: null });
    expect(parse({ ...valid, disclosureId: "", planRowNo: "" })).toMatchObject({ disclosureId: null, planRowNo: null });
    expect(parse({ ...valid, disclosureId: "12", planRowNo: "3" })).toMatchObject({ disclosureId: 12, planRowNo: 3 });
  });

  it("anything else is refused with a message for the field", () => {
    for (const bad of ["0", "-1", "1.5", "abc", "12 OR 1=1"]) {
      expect(errorsOf({ disclosureId: bad }).disclosureId).toBe("error.chooseDisclosure");
      expect(errorsOf({ disclosureId: "12", planRowNo: bad }).planRowNo).toBe("error.planRow");
    }
    expect(errorsOf({ planRowNo: "3" }).planRowNo).toBe("error.planRow");
  });
});

describe("a pre-filled row belongs to its plan", () => {
  it("is dropped when the resident picks another plan before sending", () => {
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      return readFilingForm(f);
    };
    expect(form({ disclosureId: "5", planRowNo: "3", planRowFor: "5" }).planRowNo).toBe("3");
    expect(form({ disclosureId: "6", planRowNo: "3", planRowFor: "5" }).planRowNo).toBeUndefined();
    expect(form({ disclosureId: "", planRowNo: "3", planRowFor: "5" }).planRowNo).toBeUndefined();
  });
});
