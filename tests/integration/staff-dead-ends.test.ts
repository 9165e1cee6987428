// An official is never left on "page not found" by their own action, and address parameters never show raw keys.
import { describe, expect, it } from "vitest";
import { hiddenValue, visibleText } from "../support/browserless-client";
import { filingFields } from "../support/factories";
import { fileByForm, signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ demo: true, db: "readonly" });

describe("after an action moves a case away", () => {
  it("transferring lands on the inbox, which says where the case went", async () => {
    const filed = await fileByForm(fixture.portal, filingFields({ commune: "xuan-bac", title: "Chuyển sang xã khác" }));
    const { client } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    const page = await client.get(`/can-bo/ho-so/${filed.code}`);
    expect(page.status).toBe(200);
    const posted = await client.post(
      `/can-bo/ho-so/${filed.code}`,
      new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), action: "transfer", toCommuneId: "xuan-hong", note: "Thửa đất thuộc xã Xuân Hồng." }),
    );
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`/can-bo?da-chuyen=${filed.code}`);
    const inbox = await client.get(posted.location!);
    expect(inbox.status).toBe(200);
    expect(visibleText(inbox.html)).toContain(`Đã chuyển hồ sơ ${filed.code} cho Xuân Hồng.`);
  });

  it("the inbox says nothing about a case that never was this unit's", async () => {
    const elsewhere = await fileByForm(fixture.portal, filingFields({ commune: "xuan-hong", title: "Hồ sơ của xã khác" }));
    const { client } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    const inbox = visibleText((await client.get(`/can-bo?da-chuyen=${elsewhere.code}`)).html);
    expect(inbox).not.toContain(elsewhere.code);
    expect(inbox).not.toContain("Đã chuyển hồ sơ");
  });

  it("a done-message parameter that names no action is ignored, never shown as a key", async () => {
    const filed = await fileByForm(fixture.portal, filingFields({ commune: "xuan-bac", title: "Tham số lạ" }));
    const { client } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    const page = visibleText((await client.get(`/can-bo/ho-so/${filed.code}?da-luu=%3Cb%3Ex`)).html);
    expect(page).not.toMatch(/action\.|<b>x/);
    const resident = visibleText((await filed.client.get(`/tra-cuu/${filed.code}?xong=bogus`)).html);
    expect(resident).not.toContain("case.step.done");
  });

  it("inbox filters in the address that do not parse are named, not silently dropped", async () => {
    const { client } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    const res = await client.get("/can-bo?status=bogus&from=31/12/2026");
    expect(res.status).toBe(200);
    expect(visibleText(res.html)).toContain("Không hiểu một số điều kiện lọc trong địa chỉ nên đã bỏ qua: Tình trạng, Nhận từ ngày.");
  });
});
