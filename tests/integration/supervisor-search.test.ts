// The inbox search as each role may use it, against a real SQLite file: handling staff find a case by the
// filer's name, phone or e-mail; a supervisor finds it by its content only and reads its title redacted; cases
// filed before the redacted search key existed get it at start-up.
import "../support/database";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { DISTRICT_ID } from "../../db/data/reference";
import { foldForSearch } from "~/domain/text";
import { fileCase } from "~/services/cases/filing.server";
import { listCases } from "~/services/cases/inbox.server";
import { refreshMissingSearchTexts } from "~/services/cases/search-text.server";
import { staffCaseView } from "~/services/cases/staff-view.server";
import { read, transaction } from "~/services/platform/database.server";
import { filingFields, filingInput, staffAccount } from "../support/factories";

const COMMUNE = "xuan-phong";
const filer = { fullName: "Trần Thị Hoa", phone: "0935 246 810", email: "hoa.tran@example.vn" };

async function fileHoa(title: string) {
  return fileCase(
    await filingInput(
      filingFields({
        ...filer,
        commune: COMMUNE,
        title: `${title} của Trần Thị Hoa`,
        description: `Tôi là Trần Thị Hoa, gọi 0935246810. Cống thoát nước xóm 4 tắc đã lâu (${title}).`,
      }),
    ),
    [],
    { language: "vi" },
  );
}

const codes = async (user: Awaited<ReturnType<typeof staffAccount>>, q: string) => (await listCases(user, { q })).rows.map((r) => r.code);

describe("searching the inbox for a filer", () => {
  it("handling staff find the case by the filer's name, phone or e-mail; a supervisor does not", async () => {
    const filed = await fileHoa("Cống tắc A");
    const official = await staffAccount("commune_official", COMMUNE);
    const supervisor = await staffAccount("supervisor", DISTRICT_ID);
    for (const q of ["Trần Thị Hoa", "tran thi hoa", "0935 246 810", "0935246810", "hoa.tran@example.vn"]) {
      expect(await codes(official, q), `official's search for “${q}”`).toContain(filed.code);
      expect(await codes(supervisor, q), `supervisor's search for “${q}”`).not.toContain(filed.code);
    }
    expect(await codes(supervisor, "cong thoat nuoc")).toContain(filed.code);
  });

  it("a supervisor reads the list and the case redacted", async () => {
    const filed = await fileHoa("Cống tắc B");
    const supervisor = await staffAccount("supervisor", DISTRICT_ID);
    const row = (await listCases(supervisor, { q: "cong tac b" })).rows.find((r) => r.code === filed.code)!;
    expect(row.title).toBe("Cống tắc B của […]");
    const view = JSON.stringify(await staffCaseView(supervisor, filed.code, "t"));
    for (const secret of ["Trần Thị Hoa", "0935246810", "0935 246 810", "Thửa đất số 123"]) expect(view).not.toContain(secret);
    const official = await staffAccount("commune_official", COMMUNE);
    expect((await staffCaseView(official, filed.code, "t")).case.description).toContain("Trần Thị Hoa");
  });

  it("a case filed before the redacted key gets both keys at start-up", async () => {
    const filed = await fileHoa("Cống tắc C");
    // As the old code stored it: text only, and no redacted key.
    await transaction((tx) =>
      tx
        .update(t.cases)
        .set({ searchText: foldForSearch(`${filed.code} Cống tắc C của Trần Thị Hoa`), publicSearchText: null })
        .where(eq(t.cases.id, filed.caseId)),
    );
    expect(await refreshMissingSearchTexts()).toBeGreaterThanOrEqual(1);
    const row = (await read().select().from(t.cases).where(eq(t.cases.id, filed.caseId)))[0];
    expect(row.publicSearchText).not.toContain("tran thi hoa");
    expect(row.searchText).toContain("0935246810");
    const supervisor = await staffAccount("supervisor", DISTRICT_ID);
    expect(await codes(supervisor, "cong tac c")).toContain(filed.code);
    expect(await codes(supervisor, "tran thi hoa")).not.toContain(filed.code);
  });
});
