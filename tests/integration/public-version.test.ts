// The public data version (docs/decisions/015) moves with every committed change to a table whose rows reach a public
// page, in the same transaction, and not with what only staff see.
import "../support/database";
import { describe, expect, it } from "vitest";
import { transaction, sqliteClient } from "~/services/platform/database.server";
import { publicDataVersion } from "~/services/platform/public-cache.server";
import { fileCase } from "~/services/cases/filing.server";
import { residentStep } from "~/services/cases/resident-steps.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { filingFields, filingInput, staffAccount } from "../support/factories";

const PUBLIC_TABLES = [
  "cases",
  "case_events",
  "attachments",
  "case_ratings",
  "answer_ratings",
  "disclosure_types",
  "disclosures",
  "disclosure_documents",
  "disclosure_comments",
  "plan_rows",
  "communes",
  "hamlets",
  "categories",
  "case_kinds",
  "deadline_rules",
  "calendar_days",
  "reception_sessions",
  "disclosure_critiques",
  "supervisions",
  "supervision_recommendations",
  "reception_visits",
  "case_groups",
  "dialogues",
];

const version = () => sqliteClient("writer").prepare("SELECT version FROM public_version").pluck().get() as number;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("the public data version", () => {
  it("has a trigger for every change to every table public pages show", () => {
    const triggers = new Set(sqliteClient("writer").prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
    for (const table of PUBLIC_TABLES)
      for (const op of ["insert", "update", "delete"]) expect(triggers, `${table} ${op}`).toContain(`public_version_${table}_${op}`);
  });

  it("moves when a case is filed, rated, or a holiday is added; not for staff-only rows", async () => {
    let before = version();
    const filed = await fileCase(await filingInput(filingFields()), [], { language: "vi" });
    expect(version()).toBeGreaterThan(before);
    await nextTurn();
    expect(publicDataVersion()).toBe(version());

    before = version();
    await transaction(async (tx) => tx.$client.prepare("INSERT INTO calendar_days (date, kind, name) VALUES ('2031-01-02', 'holiday', 'Thử')").run());
    expect(version()).toBeGreaterThan(before);

    const official = await staffAccount("commune_official", "xuan-bac");
    await performStaffAction(official, filed.code, { action: "accept" }, "t");
    await performStaffAction(official, filed.code, { action: "answer", note: "Trả lời.", signedBy: "Công chức địa chính" }, "t");
    before = version();
    await residentStep(filed.caseId, { step: "rate", score: 4, comment: "" });
    expect(version()).toBeGreaterThan(before);

    before = version();
    await transaction(async (tx) => tx.$client.prepare("INSERT INTO counters (name, value) VALUES ('staff-only-thing', 1)").run());
    expect(version()).toBe(before);
  });
});
