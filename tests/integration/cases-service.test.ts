// The case use cases against a real SQLite file: atomic writes, look-up, information requests, public view.
import "../support/database";
import fs from "node:fs";
import path from "node:path";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { isValidTrackingCode } from "~/domain/tracking-code";
import { fileCase, receiptView } from "~/services/cases/filing.server";
import { provideInformation } from "~/services/cases/resident-steps.server";
import { publicCaseView, residentCaseView } from "~/services/cases/views.server";
import { verifyLookup } from "~/services/cases/lookup.server";
import { read, sqliteClient } from "~/services/platform/database.server";
import { randomToken } from "~/services/platform/secrets.server";
import { performStaffAction } from "~/services/cases/handling.server";
import { complaintFields, filingFields, staffAccount, filingInput } from "../support/factories";

/** Builds a FilingInput through the same schema the form uses. */

const count = (table: SQLiteTable) => read().$count(table);

describe("fileCase", () => {
  it("gives a valid tracking code, the legal accept-by date and the commune of the matter", async () => {
    const filed = await fileCase(await filingInput(filingFields()), [], { language: "vi", now: new Date("2026-11-25T03:00:00Z") });
    expect(isValidTrackingCode(filed.code)).toBe(true);
    expect(filed.code).toMatch(/^XT-26-/);
    const receipt = (await receiptView(filed.receiptToken))!;
    expect(receipt.communeName).toBe("Xuân Bắc");
    // Feedback: 10 working days from Wed 25/11/2026 → Wed 9/12/2026.
    expect(receipt.acceptDueOn).toBe("2026-12-09");
    expect(receipt.accessKey).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
  });

  it("numbers cases in sequence within the year", async () => {
    const a = await fileCase(await filingInput(filingFields()), [], { language: "vi" });
    const b = await fileCase(await filingInput(filingFields()), [], { language: "vi" });
    expect(Number(b.code.slice(6, 12))).toBe(Number(a.code.slice(6, 12)) + 1);
  });

  it("writes case, contact, event and mail in one transaction: a failure leaves nothing behind, files included", async () => {
    const before = { cases: await count(t.cases), events: await count(t.caseEvents), outbox: await count(t.outbox), contacts: await count(t.caseContacts) };
    sqliteClient().exec(`CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const file = {
      id: "0f0e0d0c-0b0a-4908-8706-050403020100",
      displayName: "anh.jpg",
      mediaType: "image/jpeg",
      bytes: Buffer.from("not really a photo"),
      sha256: "x",
      latitude: null,
      longitude: null,
    };
    try {
      await expect(fileCase(await filingInput(filingFields({ email: "a@example.vn" })), [file], { language: "vi" })).rejects.toThrow(/disk full/);
    } finally {
      sqliteClient().exec("DROP TRIGGER fail_outbox");
    }
    expect({ cases: await count(t.cases), events: await count(t.caseEvents), outbox: await count(t.outbox), contacts: await count(t.caseContacts) }).toEqual(
      before,
    );
    expect(fs.existsSync(path.join(process.env.UPLOAD_DIR!, "0f", file.id))).toBe(false);
  });

  it("keeps the write-ahead log small after many filings (checkpoints are not starved)", async () => {
    for (let i = 0; i < 1500; i++) await fileCase(await filingInput(filingFields({ title: `Hồ sơ số ${i}` })), [], { language: "vi" });
    const wal = `${process.env.DATABASE_URL}-wal`;
    const size = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
    // SQLite checkpoints at ~1000 pages (4 MB); a starved checkpoint grows by hundreds of MB.
    expect(size).toBeLessThan(16 * 1024 * 1024);
    // 1 500 fsynced transactions take ~30 s on CI's 2 cores: a generous limit, not a timing assertion.
  }, 180_000);
});

describe("look-up", () => {
  it("opens a case with its code and access key, or its code and phone number in any common form", async () => {
    const filed = await fileCase(await filingInput(filingFields({ phone: "0912 345 678" })), [], { language: "vi" });
    const key = (await receiptView(filed.receiptToken))!.accessKey!;
    expect(await verifyLookup({ code: filed.code, accessKey: key })).toBe(filed.caseId);
    expect(await verifyLookup({ code: filed.code.toLowerCase().replace(/-/g, " "), accessKey: key.toLowerCase().replace(/-/g, "") })).toBe(filed.caseId);
    expect(await verifyLookup({ code: filed.code, phone: "+84 912 345 678" })).toBe(filed.caseId);
    expect(await verifyLookup({ receiptToken: filed.receiptToken })).toBe(filed.caseId);
  });

  it("refuses a wrong key, a wrong phone and a code with a typo", async () => {
    const filed = await fileCase(await filingInput(filingFields()), [], { language: "vi" });
    expect(await verifyLookup({ code: filed.code, accessKey: "AAAA-BBBB-CCCC-DDDD" })).toBeNull();
    expect(await verifyLookup({ code: filed.code, phone: "0987654321" })).toBeNull();
    expect(await verifyLookup({ code: filed.code, phone: "" })).toBeNull();
    const typo = filed.code.slice(0, -1) + String((Number(filed.code.slice(-1)) + 1) % 10);
    expect(await verifyLookup({ code: typo, phone: "0912345678" })).toBeNull();
  });
});

describe("information requests", () => {
  it("pauses the case for the resident's answer and returns it to where it was", async () => {
    const filed = await fileCase(await filingInput(filingFields({ email: "info@example.vn" })), [], { language: "vi" });
    const outboxBefore = await count(t.outbox);
    const official = await staffAccount("commune_official", "xuan-bac");
    await performStaffAction(official, filed.code, { action: "request_info", note: "Đề nghị gửi ảnh chụp bức tường." }, "test");
    expect(await count(t.outbox)).toBe(outboxBefore + 1);
    let view = (await residentCaseView(filed.caseId))!;
    expect(view.status).toBe("info_requested");
    expect(view.openInfoRequest?.body).toBe("Đề nghị gửi ảnh chụp bức tường.");

    const key = randomToken(18);
    expect(await provideInformation(filed.caseId, "Tôi gửi kèm ảnh.", [], key)).toEqual({ duplicate: false });
    expect(await provideInformation(filed.caseId, "Tôi gửi kèm ảnh.", [], key)).toEqual({ duplicate: true });
    view = (await residentCaseView(filed.caseId))!;
    expect(view.status).toBe("received");
    expect(view.openInfoRequest).toBeNull();
    expect(view.timeline.map((e) => e.type)).toEqual(["filed", "info_requested", "info_provided"]);
  });

  it("refuses an answer when no information was requested", async () => {
    const filed = await fileCase(await filingInput(filingFields()), [], { language: "vi" });
    await expect(provideInformation(filed.caseId, "Thêm", [], randomToken(18))).rejects.toThrow("error.notWaitingForInfo");
  });
});

describe("public view", () => {
  it("never carries the resident's name, phone, email, address or ID number, nor text without consent", async () => {
    const filed = await fileCase(
      await filingInput(
        complaintFields({ fullName: "Đỗ Thị Riêng", phone: "0977000111", email: "rieng@example.vn", address: "Số 9 ngõ Kín", publishConsent: "" }),
      ),
      [],
      { language: "vi" },
    );
    const view = (await publicCaseView(filed.code))!;
    const json = JSON.stringify(view);
    for (const secret of ["Đỗ Thị Riêng", "0977000111", "rieng@example.vn", "Số 9 ngõ Kín", "036080001234", "Quyết định số 45"]) {
      expect(json).not.toContain(secret);
    }
    expect(view.content).toBeNull();
    expect(view.timeline).toEqual([{ id: expect.any(Number), type: "filed", createdAt: expect.any(String) }]);
  });

  it("shows the content when the resident agreed to publication", async () => {
    const filed = await fileCase(await filingInput(filingFields({ publishConsent: "on", title: "Công khai được" })), [], { language: "vi" });
    expect((await publicCaseView(filed.code))!.content?.title).toBe("Công khai được");
  });
});
