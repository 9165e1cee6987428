// What the public reads about posting and consultation periods, through the running portal as a browser without
// JavaScript posts the staff forms (issue 8): refusals with their message, and the public page's text.
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vnDate } from "~/domain/dates";
import { Client, hiddenValue, visibleText } from "../support/browserless-client";
import { signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ demo: true, db: "readwrite" });

async function signIn(email: string) {
  const { client, res } = await signInClient(fixture.portal, email, undefined, { next: "/can-bo" });
  expect(res.status).toBe(303);
  return client;
}

async function createDraft(client: Client, typeCode: string, title: string): Promise<number> {
  const page = await client.get("/can-bo/cong-khai");
  const res = await client.post(
    "/can-bo/cong-khai",
    new URLSearchParams({
      csrf: hiddenValue(page.html, "csrf"),
      intent: "create",
      typeCode,
      communeId: "xuan-hong",
      title,
      summary: "Tóm tắt.",
      body: "Nội dung.",
      keyFigures: "",
    }),
  );
  expect(res.status).toBe(303);
  return Number(/\/can-bo\/cong-khai\/(\d+)/.exec(res.location!)![1]);
}

async function post(client: Client, id: number, fields: Record<string, string>) {
  const csrf = hiddenValue((await client.get(`/can-bo/cong-khai/${id}`)).html, "csrf");
  return client.post(`/can-bo/cong-khai/${id}`, new URLSearchParams({ csrf, ...fields }));
}

const slugOf = (id: number) => (fixture.db.prepare("select slug from disclosures where id = ?").get(id) as { slug: string }).slug;
const publicText = async (id: number) => {
  const res = await fetch(`${fixture.url}/cong-khai/${slugOf(id)}`);
  expect(res.status).toBe(200);
  return visibleText(await res.text());
};
const today = () => vnDate(new Date());

describe("the posting period", () => {
  it("a period that ended before publication is refused with its message; a re-posted document says so; an expired posting is not 'Đang niêm yết'", async () => {
    const leader = await signIn("lanhdao.xuan-hong@demo.dan-biet.vn");
    const id = await createDraft(leader, "budget", "Quyết toán ngân sách xã năm 2025");
    const expired = await post(leader, id, { intent: "publish", from: "2020-10-01", to: "2020-11-15" });
    expect(expired.status).toBe(400);
    expect(visibleText(expired.html)).toContain("Thời gian niêm yết không được bắt đầu trước ngày công khai trên cổng (hôm nay)");

    const signed = addDays(today(), -3);
    const reposted = await post(leader, id, { intent: "publish", from: signed, to: addDays(signed, 29), reposted: "on", signedOn: signed });
    expect(reposted.status).toBe(303);
    const page = await publicText(id);
    expect(page).toContain("Đang niêm yết");
    expect(page).toContain(`Niêm yết lại văn bản đã ký ngày ${formatDate(signed)}; thời gian niêm yết tính từ ngày ký.`);

    // A posting recorded before these rules, whose period is over, as in the demo that was tried.
    fixture.db.prepare("update disclosures set posting_from = '2020-10-01', posting_to = '2020-11-15' where id = ?").run(id);
    const over = await publicText(id);
    expect(over).toContain("Đã hết thời gian niêm yết");
    expect(over).not.toContain("Đang niêm yết");
  });

  it("a new version is posted again from its publication, and the page says from when to when and why", async () => {
    const leader = await signIn("lanhdao.xuan-hong@demo.dan-biet.vn");
    const v1 = await createDraft(leader, "budget", "Dự toán ngân sách xã năm 2027");
    expect((await post(leader, v1, { intent: "publish", from: today(), to: addDays(today(), 29) })).status).toBe(303);
    const created = await post(leader, v1, { intent: "new-version" });
    const v2 = Number(/\/can-bo\/cong-khai\/(\d+)/.exec(created.location!)![1]);
    const noReason = await post(leader, v2, { intent: "publish", from: today(), to: addDays(today(), 29) });
    expect(noReason.status).toBe(400);
    expect(visibleText(noReason.html)).toContain("Hãy ghi lý do có phiên bản mới");
    const published = await post(leader, v2, { intent: "publish", from: today(), to: addDays(today(), 29), versionReason: "Bổ sung chi sửa trường học" });
    expect(published.status).toBe(303);
    const page = await publicText(v2);
    expect(page).toContain(`Phiên bản 2 niêm yết lại từ ${formatDate(today())} đến ${formatDate(addDays(today(), 29))}. Lý do: Bổ sung chi sửa trường học`);
  });
});

describe("the consultation", () => {
  it("before it opens the page says when it opens, not that it is over; it cannot be opened shorter than the minimum", async () => {
    const leader = await signIn("lanhdao.xuan-hong@demo.dan-biet.vn");
    const id = await createDraft(leader, "investment_project", "Dự án sân thể thao xóm 2");
    const start = addDays(today(), 1);
    expect((await post(leader, id, { intent: "publish", from: start, to: addDays(start, 29) })).status).toBe(303);
    const short = await post(leader, id, { intent: "open-consultation", from: `${start}T07:00`, to: `${start}T17:00` });
    expect(short.status).toBe(400);
    expect(visibleText(short.html)).toContain("Thời gian lấy ý kiến phải ít nhất 30 ngày theo quy định, tính từ lúc mở.");
    expect((await post(leader, id, { intent: "open-consultation", from: `${start}T07:00`, to: `${addDays(start, 29)}T17:00` })).status).toBe(303);
    const page = await publicText(id);
    expect(page).toContain(`Chưa đến thời gian góp ý. Bắt đầu nhận ý kiến lúc ${formatDate(start)} 07:00.`);
    expect(page).not.toContain("Đã hết thời gian góp ý");
    expect(page).toContain(`Thời gian nhận ý kiến: từ ${formatDate(start)} 07:00 đến ${formatDate(addDays(start, 29))} 17:00`);
    const early = await post(leader, id, { intent: "close-consultation", summary: "", reason: "Thử" });
    expect(early.status).toBe(400);
    expect(visibleText(early.html)).toContain("Chưa đến thời gian lấy ý kiến nên chưa thể kết thúc");
  });

  it("closes early only with a reason, shown publicly with the real end and the real count of comments", async () => {
    const leader = await signIn("lanhdao.xuan-hong@demo.dan-biet.vn");
    const id = await createDraft(leader, "investment_project", "Dự án cống thoát nước xóm 3");
    expect((await post(leader, id, { intent: "publish", from: today(), to: addDays(today(), 29) })).status).toBe(303);
    expect((await post(leader, id, { intent: "open-consultation", from: `${today()}T00:00`, to: `${addDays(today(), 29)}T17:00` })).status).toBe(303);
    const noReason = await post(leader, id, { intent: "close-consultation", summary: "" });
    expect(noReason.status).toBe(400);
    expect(visibleText(noReason.html)).toContain("Kết thúc trước thời hạn phải ghi lý do");
    const claimed = await post(leader, id, { intent: "close-consultation", summary: "Đã tiếp thu ý kiến của nhiều hộ dân.", reason: "Dự án tạm dừng" });
    expect(claimed.status).toBe(400);
    expect(visibleText(claimed.html)).toContain("Không nhận được ý kiến nào nên không thể công bố tổng hợp ý kiến");
    expect((await post(leader, id, { intent: "close-consultation", summary: "", reason: "Dự án tạm dừng theo Quyết định 15/QĐ-UBND" })).status).toBe(303);
    const page = await publicText(id);
    expect(page).toMatch(/Đã kết thúc sớm lúc \d\d\/\d\d\/\d{4} \d\d:\d\d \(dự kiến đến [\d/]+ 17:00\)\. Lý do: Dự án tạm dừng theo Quyết định 15\/QĐ-UBND/);
    expect(page).toContain("Không nhận được ý kiến nào trong thời gian lấy ý kiến.");
    expect(page).not.toContain("Đã tiếp thu");
  });
});
