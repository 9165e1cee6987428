// End to end in real Chromium: the district's Fatherland Front opens a supervision and recommends, the commune
// answers, and the public page shows the result; axe finds nothing serious on the new pages.
import { describe, expect, it } from "vitest";
import { describeViolations, newPage, seriousViolations } from "../support/browser";
import { signInPage, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ browser: true, demo: true });

describe("the Fatherland Front supervises", () => {
  it("opens a supervision and a recommendation, the commune answers, the public page shows it", async () => {
    const { browser, portal } = fixture;
    const front = await newPage(browser);
    await signInPage(front, portal, "giamsat@demo.dan-biet.vn");
    await front.getByRole("navigation", { name: "Điều hướng cán bộ" }).getByRole("link", { name: "Giám sát" }).click();
    await front.getByRole("heading", { name: "Giám sát và kiến nghị", level: 1 }).waitFor();
    await front.locator("summary", { hasText: "Mở cuộc giám sát mới" }).click();
    expect(describeViolations(await seriousViolations(front)), "/can-bo/giam-sat").toBe("");
    await front.getByLabel(/^Tên cuộc giám sát/).fill("Giám sát niêm yết bồi thường đường trục xã Xuân Hồng");
    await front.getByRole("radio", { name: "Chuyên đề" }).check();
    await front.getByLabel(/^Chuyên đề, ghi chú/).fill("Niêm yết phương án bồi thường đường trục xã");
    await front.getByLabel(/^Giám sát từ ngày/).fill("2026-11-01");
    await front.getByLabel(/^Đến ngày/).fill("2026-11-30");
    await front.getByLabel(/^Thành phần đoàn giám sát/).fill("Đỗ Văn Toàn, Phó Chủ tịch UBMTTQ huyện");
    await front.getByLabel(/^Kết quả giám sát/).fill("Phương án chưa được niêm yết tại nhà văn hóa xóm 2.");
    await front.getByRole("button", { name: "Mở cuộc giám sát" }).click();
    await front.getByRole("heading", { name: /^Giám sát: Giám sát niêm yết bồi thường/ }).waitFor();
    await front.locator("summary", { hasText: "Thêm kiến nghị" }).click();
    await front.getByLabel(/^Đơn vị được kiến nghị/).selectOption({ label: "Xuân Hồng" });
    await front.getByLabel(/^Nội dung kiến nghị/).fill("Niêm yết phương án tại nhà văn hóa xóm 2 trong 5 ngày.");
    await front.getByRole("button", { name: "Gửi kiến nghị" }).click();
    await front.getByRole("heading", { name: "Kiến nghị 1 gửi Xuân Hồng" }).waitFor();
    expect(await front.locator("main").innerText()).toContain("còn ");
    expect(describeViolations(await seriousViolations(front)), "/can-bo/giam-sat/<id>").toBe("");
    const detailPath = new URL(front.url()).pathname;

    const commune = await newPage(browser);
    await signInPage(commune, portal, "lanhdao.xuan-hong@demo.dan-biet.vn");
    await commune.goto(`${portal.url}${detailPath}`);
    await commune.locator("summary", { hasText: "Trả lời kiến nghị" }).click();
    await commune.getByRole("radio", { name: "Tiếp thu một phần" }).check();
    await commune.getByLabel(/^Lý do, giải trình/).fill("Đã niêm yết tại UBND xã; nhà văn hóa xóm 2 đang sửa.");
    await commune.getByLabel(/^Việc đơn vị sẽ làm/).fill("Niêm yết tại xóm 2 khi sửa xong, trước 15/12.");
    await commune.getByRole("button", { name: "Gửi trả lời" }).click();
    await commune.getByText("Trả lời của đơn vị").waitFor();

    // Another commune does not see it.
    const other = await newPage(browser);
    await signInPage(other, portal, "canbo.xuan-bac@demo.dan-biet.vn");
    const refused = await other.goto(`${portal.url}${detailPath}`);
    expect(refused?.status()).toBe(404);

    const visitor = await newPage(browser);
    await visitor.goto(`${portal.url}/giam-sat`);
    await visitor.getByRole("heading", { name: "Kết quả giám sát của Mặt trận Tổ quốc", level: 1 }).waitFor();
    const text = await visitor.locator("main").innerText();
    expect(text).toContain("Giám sát niêm yết bồi thường đường trục xã Xuân Hồng");
    expect(text).toContain("Tiếp thu một phần");
    expect(text).toContain("Niêm yết tại xóm 2 khi sửa xong");
    expect(text).not.toContain("Đỗ Văn Toàn");
    expect(describeViolations(await seriousViolations(visitor)), "/giam-sat").toBe("");
  });
});
