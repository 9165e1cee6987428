// Disclosures and the cases about them, against a real SQLite file: a resident files about a plan (and one of its
// rows), the disclosure page counts the cases across versions without personal data, the case links back.
import "../support/database";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { readPrefillQuery } from "~/domain/disclosure-link";
import { translator } from "~/i18n";
import { fileCase } from "~/services/cases/filing.server";
import { publicCaseView, residentCaseView } from "~/services/cases/views.server";
import { read, transaction } from "~/services/platform/database.server";
import { InvalidError } from "~/domain/errors";
import { prefillFromDisclosure, relatedCases } from "~/services/disclosures/links.server";
import { createDraft, newVersion, publish, withdraw } from "~/services/disclosures/lifecycle.server";
import { publicDisclosure } from "~/services/disclosures/reading.server";
import { submitFiling } from "~/services/cases/forms.server";
import { getRequest } from "~/services/open311/open311.server";
import { csrfTokenFor } from "~/services/platform/request.server";
import { randomToken } from "~/services/platform/secrets.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { staffCaseView } from "~/services/cases/staff-view.server";
import { complaintFields, filingInput, formData, staffAccount } from "../support/factories";

const POSTING = { from: "2026-11-25", to: "2026-12-31" };
/** Published on the first day of its posting period, as the law requires (the suite runs on any date). */
const PUBLISHED = new Date("2026-11-25T00:30:00+07:00");

const planInput = (overrides: Partial<Parameters<typeof createDraft>[1]> = {}) => ({
  typeCode: "compensation_plan" as const,
  communeId: "xuan-hong",
  title: "Phương án bồi thường dự án đường trục xã Xuân Hồng",
  summary: "Dự thảo phương án bồi thường, hỗ trợ cho các hộ có đất bị thu hồi.",
  body: "Căn cứ Luật Đất đai 2024…",
  keyFigures: [],
  ...overrides,
});

/** Rows of the plan's table, written directly (the import belongs to the plan-table feature). */
async function addRows(disclosureId: number, rowNos: number[]) {
  for (const rowNo of rowNos) {
    await transaction((tx) =>
      tx
        .insert(t.planRows)
        .values({
          disclosureId,
          rowNo,
          householdName: `Hộ Nguyễn Văn Thửa ${rowNo}`,
          plotNumber: String(100 + rowNo),
          mapSheet: "12",
          landType: "LUC",
          areaRecovered: 250.5,
          unitPrice: 105_000,
          landCompensation: 26_302_500,
          assetCompensation: 1_000_000,
          support: 2_000_000,
          total: 29_302_500,
          resettlement: "",
          householdCodeHash: randomToken(16),
          householdCodeSealed: "sealed",
        })
        .onConflictDoNothing(),
    );
  }
}

async function publishedPlan(overrides: Partial<Parameters<typeof createDraft>[1]> = {}, rows = [1, 2, 3]) {
  const communeId = overrides.communeId ?? "xuan-hong";
  const leader = await staffAccount(communeId === "huyen-xuan-truong" ? "district_staff" : "commune_leader", communeId);
  const id = await createDraft(leader, planInput(overrides), "t");
  await addRows(id, rows);
  await publish(leader, id, POSTING, "t", PUBLISHED);
  return { id, leader, row: async () => (await read().select().from(t.disclosures).where(eq(t.disclosures.id, id)))[0] };
}

let clientSeq = 0;
/** Posts the filing form as the browser would: the CSRF cookie and its token, a fresh idempotency key. */
async function file(fields: Record<string, string>) {
  const cookie = randomToken(32);
  const request = new Request("http://127.0.0.1/gui-phan-anh", {
    method: "POST",
    headers: { Cookie: `csrf=${cookie}` },
    body: formData({ csrf: csrfTokenFor(cookie), idempotencyKey: randomToken(18), ...fields }),
  });
  return submitFiling(request, { clientIp: `192.0.2.${++clientSeq}` });
}

const caseCount = () => read().$count(t.cases);

async function caseFor(receiptTokenOutcome: Awaited<ReturnType<typeof file>>) {
  expect(receiptTokenOutcome.outcome).toBe("filed");
  return (await read().select().from(t.cases).orderBy(t.cases.id)).at(-1)!;
}

describe("filing about a disclosure", () => {
  it("links the case to the plan and its row", async () => {
    const plan = await publishedPlan();
    const filed = await caseFor(await file(complaintFields({ disclosureId: String(plan.id), planRowNo: "2", planRowFor: String(plan.id) })));
    expect(filed).toMatchObject({ disclosureId: plan.id, planRowNo: 2, communeId: "xuan-hong" });
    const plain = await caseFor(await file(complaintFields({ disclosureId: String(plan.id) })));
    expect(plain).toMatchObject({ disclosureId: plan.id, planRowNo: null });
    const none = await caseFor(await file(complaintFields({ disclosureId: "" })));
    expect(none).toMatchObject({ disclosureId: null, planRowNo: null });
  });

  it("refuses an unknown, draft, withdrawn, superseded or unrelated disclosure and a row not in the plan, storing nothing", async () => {
    const plan = await publishedPlan();
    const draft = await createDraft(plan.leader, planInput(), "t");
    const withdrawn = await publishedPlan();
    await withdraw(withdrawn.leader, withdrawn.id, "Nhập nhầm số liệu.", "t");
    const old = await publishedPlan();
    const next = await newVersion(old.leader, old.id, "t");
    await addRows(next, [1]);
    await publish(old.leader, next, { ...POSTING, versionReason: "Phiên bản mới" }, "t", PUBLISHED);
    const budget = await publishedPlan({ typeCode: "budget", title: "Dự toán ngân sách xã 2027" }, []);

    const refused: [Record<string, string>, string, string][] = [
      [{ disclosureId: "999999" }, "disclosureId", "error.chooseDisclosure"],
      [{ disclosureId: String(draft) }, "disclosureId", "error.chooseDisclosure"],
      [{ disclosureId: String(withdrawn.id) }, "disclosureId", "error.chooseDisclosure"],
      [{ disclosureId: String(old.id) }, "disclosureId", "error.chooseDisclosure"],
      [{ disclosureId: String(budget.id) }, "disclosureId", "error.chooseDisclosure"],
      [{ disclosureId: `${plan.id} OR 1=1` }, "disclosureId", "error.chooseDisclosure"],
      [{ disclosureId: "-3" }, "disclosureId", "error.chooseDisclosure"],
      [{ disclosureId: String(plan.id), planRowNo: "9", planRowFor: String(plan.id) }, "planRowNo", "error.planRow"],
      [{ disclosureId: String(plan.id), planRowNo: "1.5", planRowFor: String(plan.id) }, "planRowNo", "error.planRow"],
      [{ disclosureId: String(next), planRowNo: "8", planRowFor: String(next) }, "planRowNo", "error.planRow"],
      [{ planRowNo: "2" }, "planRowNo", "error.planRow"],
    ];
    for (const [fields, field, message] of refused) {
      const before = await caseCount();
      const outcome = await file(complaintFields(fields));
      expect(outcome.outcome, JSON.stringify(fields)).toBe("invalid");
      if (outcome.outcome !== "invalid") continue;
      expect(outcome.errors[field], JSON.stringify(fields)).toBe(message);
      // What was typed comes back, for the form to show it again.
      expect(outcome.values.title).toBe("Khiếu nại mức bồi thường đất nông nghiệp");
      expect(await caseCount()).toBe(before);
    }
  });

  it("checks the plan again inside the filing transaction (withdrawn after the form was checked)", async () => {
    const plan = await publishedPlan();
    const input = await filingInput(complaintFields({ disclosureId: String(plan.id), planRowNo: "1", planRowFor: String(plan.id) }));
    await withdraw(plan.leader, plan.id, "Rút để sửa đơn giá.", "t");
    const before = { cases: await caseCount(), events: await read().$count(t.caseEvents) };
    await expect(fileCase(input, [], { language: "vi" })).rejects.toBeInstanceOf(InvalidError);
    expect({ cases: await caseCount(), events: await read().$count(t.caseEvents) }).toEqual(before);
  });

  it("tells a wrong plan together with the other problems", async () => {
    const before = await caseCount();
    const outcome = await file(complaintFields({ disclosureId: "999999", title: "" }));
    expect(outcome.outcome).toBe("invalid");
    if (outcome.outcome === "invalid") expect(outcome.errors).toMatchObject({ disclosureId: "error.chooseDisclosure", title: "error.required" });
    expect(await caseCount()).toBe(before);
  });
});

describe("the form pre-filled from a plan's row", () => {
  it("fills in the plan, version, row, complaint and the commune's committee — no personal data", async () => {
    const plan = await publishedPlan();
    const values = (await prefillFromDisclosure(readPrefillQuery(new URLSearchParams(`cong-khai=${plan.id}&dong=2`)), translator("vi")))!;
    expect(values).toEqual({
      disclosureId: String(plan.id),
      planRowNo: "2",
      planRowFor: String(plan.id),
      kind: "complaint",
      category: "compensation",
      commune: "xuan-hong",
      projectLevel: "commune",
      place: "",
      title: "Khiếu nại về Phương án bồi thường dự án đường trục xã Xuân Hồng (phiên bản 1)",
      complainedDecision: "Phương án bồi thường dự án đường trục xã Xuân Hồng (phiên bản 1)",
      complainedBody: "UBND xã Xuân Hồng",
    });
    expect(JSON.stringify(values)).not.toContain("Nguyễn Văn Thửa");

    // The resident adds what only they know, and the complaint is filed linked to the row.
    const filed = await caseFor(
      await file({
        ...values,
        place: "Cánh đồng Mả Vàng, xóm 3",
        description: "Diện tích thu hồi ghi 250,5 m² nhưng thửa của gia đình tôi chỉ bị thu hồi 180 m².",
        requestedOutcome: "Đề nghị đo đạc lại và sửa phương án.",
        decisionKnownOn: "2026-11-26",
        idNumber: "036080001234",
        fullName: "Trần Thị Bình",
        phone: "0912 345 678",
        address: "Xóm 2, xã Xuân Hồng",
        dataConsent: "on",
        truthConfirmed: "on",
      }),
    );
    expect(filed).toMatchObject({ disclosureId: plan.id, planRowNo: 2, communeId: "xuan-hong", kindCode: "complaint", categoryCode: "compensation" });
  });

  it("a district plan goes to the district's triage; an unknown row or a draft is ignored", async () => {
    const plan = await publishedPlan({ communeId: "huyen-xuan-truong", title: "Phương án bồi thường dự án đê hữu sông Hồng" });
    const vi = translator("vi");
    const values = (await prefillFromDisclosure({ disclosureId: plan.id, rowNo: 1 }, vi))!;
    expect(values).toMatchObject({ commune: "unknown", projectLevel: "district", complainedBody: "UBND huyện Xuân Trường" });
    const withoutRow = (await prefillFromDisclosure({ disclosureId: plan.id, rowNo: 77 }, vi))!;
    expect(withoutRow).toMatchObject({ planRowNo: "", place: "", title: "Khiếu nại về Phương án bồi thường dự án đê hữu sông Hồng (phiên bản 1)" });
    expect(
      await prefillFromDisclosure({ disclosureId: await createDraft(plan.leader, planInput({ communeId: "huyen-xuan-truong" }), "t"), rowNo: null }, vi),
    ).toBeNull();
    expect(await prefillFromDisclosure(readPrefillQuery(new URLSearchParams("cong-khai=abc&dong=2")), vi)).toBeNull();

    const filed = await caseFor(await file(complaintFields({ ...values, place: "Đê hữu sông Hồng, đoạn xóm 1", decisionKnownOn: "2026-11-26" })));
    expect(filed).toMatchObject({ disclosureId: plan.id, planRowNo: 1, communeId: "huyen-xuan-truong", routingReason: "compensation-district-project" });
  });
});

describe("the disclosure page", () => {
  it("counts the cases about every version per status, lists their public pages, and names no one", async () => {
    const v1 = await publishedPlan();
    const first = await caseFor(
      await file(
        complaintFields({
          disclosureId: String(v1.id),
          planRowNo: "1",
          planRowFor: String(v1.id),
          publishConsent: "on",
          title: "Đơn giá đất lúa thấp, gọi 0912 345 678",
        }),
      ),
    );
    const second = await caseFor(await file(complaintFields({ disclosureId: String(v1.id), planRowNo: "2", planRowFor: String(v1.id) })));
    const v2 = await newVersion(v1.leader, v1.id, "t");
    await addRows(v2, [1, 2, 3]);
    await publish(v1.leader, v2, { ...POSTING, versionReason: "Phiên bản mới" }, "t", PUBLISHED);
    const third = await caseFor(await file(complaintFields({ disclosureId: String(v2), planRowNo: "3", planRowFor: String(v2) })));
    await performStaffAction(v1.leader, second.code, { action: "accept", note: "" }, "t");
    const elsewhere = await publishedPlan();
    await caseFor(await file(complaintFields({ disclosureId: String(elsewhere.id) })));

    for (const id of [v1.id, v2]) {
      const d = (await publicDisclosure((await read().select().from(t.disclosures).where(eq(t.disclosures.id, id)))[0].slug))!;
      const related = await relatedCases(d);
      expect(related.total).toBe(3);
      expect(related.byStatus).toEqual([
        { status: "received", count: 2 },
        { status: "accepted", count: 1 },
      ]);
      expect(related.latest.map((c) => c.code).sort()).toEqual([first.code, second.code, third.code].sort());
      const published = related.latest.find((c) => c.code === first.code)!;
      expect(published.title).toBe("Đơn giá đất lúa thấp, gọi […]");
      expect(related.latest.find((c) => c.code === second.code)).toEqual({ code: second.code, status: "accepted", categoryCode: "compensation", title: null });
      const text = JSON.stringify(related);
      expect(text).not.toContain("Trần Thị Bình");
      expect(text).not.toContain("0912");
      expect(text).not.toContain("planRow");
    }
    // Only the version in force takes new cases.
    const current = (await read().select().from(t.disclosures).where(eq(t.disclosures.id, v2)))[0];
    expect((await relatedCases(current)).fileHref).toBe(`/gui-phan-anh?cong-khai=${v2}`);
    expect((await relatedCases(await v1.row())).fileHref).toBeNull();
    expect((await v1.row()).status).toBe("superseded");
  });

  it("shows the latest 20 with the total", async () => {
    const plan = await publishedPlan();
    for (let i = 0; i < 21; i++) await caseFor(await file(complaintFields({ disclosureId: String(plan.id) })));
    const related = await relatedCases(await plan.row());
    expect(related.total).toBe(21);
    expect(related.latest).toHaveLength(20);
  });
});

describe("the case links back to its disclosure", () => {
  it("publicly without the row, to the filer and to staff with it; Open311 is unchanged", async () => {
    const plan = await publishedPlan();
    const filed = await caseFor(await file(complaintFields({ disclosureId: String(plan.id), planRowNo: "3", planRowFor: String(plan.id) })));
    const slug = (await plan.row()).slug;
    const link = { title: (await plan.row()).title, version: 1, href: `/cong-khai/${slug}` };
    expect((await publicCaseView(filed.code))!.disclosure).toEqual({ ...link, rowNo: null });
    expect(JSON.stringify(await publicCaseView(filed.code))).not.toMatch(/planRowNo|"rowNo":3/);
    expect((await residentCaseView(filed.id))!.disclosure).toEqual({ ...link, rowNo: 3 });
    expect((await staffCaseView(plan.leader, filed.code, "t")).case.disclosure).toEqual({ ...link, rowNo: 3 });
    const supervisor = await staffAccount("supervisor", "huyen-xuan-truong");
    expect((await staffCaseView(supervisor, filed.code, "t")).case.disclosure).toEqual({ ...link, rowNo: null });

    const open311 = JSON.stringify(await getRequest(filed.code));
    expect(open311).not.toMatch(/disclosure|planRow|cong-khai/i);

    // A case whose disclosure is gone from public view keeps the link for staff await only.
    await transaction((tx) => tx.update(t.disclosures).set({ status: "draft" }).where(eq(t.disclosures.id, plan.id)));
    expect((await publicCaseView(filed.code))!.disclosure).toBeNull();
    expect((await residentCaseView(filed.id))!.disclosure).toBeNull();
    expect((await staffCaseView(plan.leader, filed.code, "t")).case.disclosure).toEqual({ ...link, href: `/can-bo/cong-khai/${plan.id}`, rowNo: 3 });

    const plain = await caseFor(await file(complaintFields()));
    expect((await publicCaseView(plain.code))!.disclosure).toBeNull();
  });
});
