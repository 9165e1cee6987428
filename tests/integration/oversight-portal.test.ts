// The demo portal's oversight, read as people read it through the production build: the public supervision page,
// an escalated case and a case closed on the resident's confirmation; the supervision pages are scoped.
import { describe, expect, it } from "vitest";
import { Client, visibleText } from "../support/browserless-client";
import { signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ demo: true, db: "readonly" });

const codeOf = (title: string) => (fixture.db.prepare("select code from cases where title like ?").get(`${title}%`) as { code: string }).code;

describe("the demo's oversight", () => {
  it("the public supervision page lists the recommendations, one overdue and one settled, without members", async () => {
    const page = await new Client(fixture.url).get("/giam-sat");
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain("Giám sát việc niêm yết phương án bồi thường đường trục xã Xuân Hồng");
    expect(text).toContain("Quá hạn trả lời");
    expect(text).toContain("Đã giải quyết xong");
    expect(text).toContain("Tiếp thu");
    expect(text).not.toContain("Ban Thường trực UBMTTQ huyện");
  });

  it("an escalated case shows the passed deadline, the district's take-over and how late it is", async () => {
    const text = visibleText((await new Client(fixture.url).get(`/ho-so/${codeOf("Công trình xây dựng lấn hành lang kênh tưới")}`)).html);
    expect(text).toContain("Đã quá hạn giải quyết");
    expect(text).toContain("UBND huyện nhận giải quyết thay");
    expect(text).toMatch(/quá hạn \d+ ngày làm việc/);
  });

  it("the demo compensation plan shows the Front's critique, still waiting for the commune's answer", async () => {
    const slug = (
      fixture.db.prepare("select slug from disclosures where type_code = 'compensation_plan' and status = 'consultation_open'").get() as { slug: string }
    ).slug;
    const text = visibleText((await new Client(fixture.url).get(`/cong-khai/${slug}`)).html);
    expect(text).toContain("Phản biện xã hội của Mặt trận Tổ quốc");
    expect(text).toContain("Đơn giá bồi thường đất trồng lúa thấp hơn");
    expect(text).toContain("Đơn vị chưa trả lời ý kiến phản biện.");
  });

  it("a case the resident confirmed says so on the public page", async () => {
    const text = visibleText((await new Client(fixture.url).get(`/ho-so/${codeOf("Đề nghị sửa lối vào khu ruộng xóm 1")}`)).html);
    expect(text).toContain("Đã kết thúc — người dân xác nhận vấn đề đã được giải quyết.");
  });

  it("the staff board is scoped: the district's Front sees Xuân Hồng's overdue recommendation, another commune sees none", async () => {
    const { client: front } = await signInClient(fixture.portal, "giamsat@demo.dan-biet.vn");
    const board = visibleText((await front.get("/can-bo/giam-sat")).html);
    expect(board).toContain("Xuân Hồng");
    const id = (fixture.db.prepare("select id from supervisions where title like 'Giám sát việc niêm yết%'").get() as { id: number }).id;
    const { client: other } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    const list = visibleText((await other.get("/can-bo/giam-sat")).html);
    expect(list).not.toContain("Xuân Hồng");
    expect((await other.get(`/can-bo/giam-sat/${id}`)).status).toBe(404);
    const { client: hong } = await signInClient(fixture.portal, "canbo.xuan-hong@demo.dan-biet.vn");
    expect(visibleText((await hong.get(`/can-bo/giam-sat/${id}`)).html)).toContain("Trả lời kiến nghị");
  });
});
