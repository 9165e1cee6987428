// End to end in real Chromium: a commune leader publishes a compensation plan with its plot table and consults
// residents; a subscriber is mailed (real in-process SMTP); households see only their own row.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { describeViolations, newAxePage, newPage, seriousViolations } from "../support/browser";
import { signInPage, usePortal } from "../support/portal-fixture";

const COMMUNE = "Xuân Hồng";
const LEADER = "lanhdao.xuan-hong@demo.dan-biet.vn";
const OFFICIAL = "canbo.xuan-hong@demo.dan-biet.vn";
const SUBSCRIBER = "thu.pham@example.vn";

const fixture = usePortal({ smtp: true, browser: true, demo: true });

const plan = {
  title: "Dự thảo phương án bồi thường, hỗ trợ dự án mở rộng đường trục xã đoạn xóm 3 – xóm 4",
  summary: "Thu hồi 870 m² đất của 3 hộ để mở rộng đường trục xã. Mời bà con góp ý trước khi UBND xã trình phê duyệt.",
  body: "Căn cứ Luật Đất đai 2024, UBND xã Xuân Hồng niêm yết dự thảo phương án bồi thường, hỗ trợ, tái định cư tại trụ sở UBND xã và nhà văn hóa xóm 3.",
  keyFigures: "Tổng kinh phí: 348.000.000 đồng\nSố hộ bị thu hồi đất: 3",
};

const HEADER =
  "STT,Chủ sử dụng đất,Địa chỉ,Số thửa,Số tờ bản đồ,Loại đất,Diện tích thu hồi (m²),Đơn giá (đồng/m²),Bồi thường đất (đồng),Bồi thường tài sản (đồng),Hỗ trợ (đồng),Tổng cộng (đồng),Tái định cư";
// Tổng cộng = bồi thường đất + bồi thường tài sản + hỗ trợ on every row.
const households = [
  {
    name: "Nguyễn Văn An",
    row: "1,Nguyễn Văn An,Xóm 3 xã Xuân Hồng,215,12,Đất trồng lúa,300,60000,18000000,2500000,5400000,25900000,Không",
    plot: "215",
    total: /25[.\s\u00a0]?900[.\s\u00a0]?000/,
  },
  {
    name: "Trần Thị Bình",
    row: "2,Trần Thị Bình,Xóm 3 xã Xuân Hồng,216,12,Đất trồng lúa,450,60000,27000000,0,8100000,35100000,Không",
    plot: "216",
    total: /35[.\s\u00a0]?100[.\s\u00a0]?000/,
  },
  {
    name: "Lê Văn Cường",
    row: "3,Lê Văn Cường,Xóm 4 xã Xuân Hồng,318,14,Đất ở nông thôn,120,1500000,180000000,95000000,12000000,287000000,Giao 1 lô đất tái định cư tại khu Đồng Cống",
    plot: "318",
    total: /287[.\s\u00a0]?000[.\s\u00a0]?000/,
  },
];
const validCsv = Buffer.from([HEADER, ...households.map((h) => h.row)].join("\r\n") + "\r\n", "utf8");
// Row 2 recovers a negative area: the whole file must be refused.
const badCsv = Buffer.from(
  [HEADER, households[0].row, "2,Trần Thị Bình,Xóm 3 xã Xuân Hồng,216,12,Đất trồng lúa,-450,60000,27000000,0,8100000,35100000,Không", households[2].row].join(
    "\r\n",
  ) + "\r\n",
  "utf8",
);

const HOUR = 3_600_000;
/** A Vietnam wall-clock time as a datetime-local value (Vietnam has no daylight saving: UTC+7 all year). */
const vnLocal = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 16);
const vnToday = (plusDays = 0) => new Date(Date.now() + 7 * HOUR + plusDays * 24 * HOUR).toISOString().slice(0, 10);

/** Signs in from the sign-in page, going on to the disclosures page. */
function signIn(page: Page, email: string) {
  return signInPage(page, fixture.portal, email, undefined, { open: "/can-bo/dang-nhap?next=/can-bo/cong-khai", heading: "Nội dung công khai", exact: true });
}

/** A <details> panel on the staff page, opened (clicking the summary of an open panel would close it). */
async function openPanel(page: Page, title: string): Promise<Locator> {
  const panel = page.locator("details", { has: page.locator(`summary:text-is("${title}")`) });
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator("summary").click();
  return panel;
}

/** The rows of a table as header → cell text. */
function readTable(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((el) => {
    const text = (c: Element) => (c.textContent ?? "").replace(/\s+/g, " ").trim();
    const headerRow = el.querySelector("thead tr") ?? el.querySelector("tr");
    const headers = [...(headerRow?.children ?? [])].map(text);
    const bodyRows = [...el.querySelectorAll("tbody tr")].filter((tr) => tr !== headerRow);
    return bodyRows.map((tr) => Object.fromEntries([...tr.children].map((cell, i) => [headers[i] ?? String(i), text(cell)])));
  });
}

/** The cell under the column whose header matches. */
function cell(row: Record<string, string>, header: RegExp): string {
  const key = Object.keys(row).find((k) => header.test(k));
  if (!key) throw new Error(`No column ${header} among: ${Object.keys(row).join(" | ")}`);
  return row[key];
}

/** The row that has `value` as one of its cells. */
function rowWith(rows: Record<string, string>[], value: string): Record<string, string> {
  const row = rows.find((r) => Object.values(r).includes(value));
  if (!row) throw new Error(`No row with "${value}" among:\n${rows.map((r) => Object.values(r).join(" | ")).join("\n")}`);
  return row;
}

/**
 * Waits until the staff page shows the disclosure's new status. The address changes a moment before the page is
 * re-rendered, so waiting for the URL alone would read the old page.
 */
async function statusShown(page: Page, status: string) {
  await page.locator("main strong").getByText(status, { exact: true }).waitFor();
}

async function expectNoSeriousViolations(page: Page, what: string) {
  expect(describeViolations(await seriousViolations(page)), what).toBe("");
}

describe("a commune consults residents on a compensation plan", () => {
  it("a leader publishes the plan with its plot table and consults; a resident comments, an official replies, the summary is published", async () => {
    const { browser, smtp, portal } = fixture;
    // 1. A subscriber asks for mail about Xuân Hồng and confirms the address from the mail.
    const subscriber = await newPage(browser);
    await subscriber.goto(`${portal.url}/cong-khai`);
    await subscriber.getByLabel(/^Thư điện tử/).fill(SUBSCRIBER);
    await subscriber.getByLabel(/^Của đơn vị/).selectOption({ label: COMMUNE });
    await subscriber.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await subscriber.getByRole("status").filter({ hasText: "Hãy mở thư chúng tôi vừa gửi" }).waitFor();
    const confirmMail = await smtp.waitForMail((m) => m.to.includes(SUBSCRIBER) && m.subject === "Dân Biết: xác nhận nhận thư công khai");
    expect(confirmMail.text).toContain(COMMUNE);
    const confirmLink = /https?:\/\/\S+\/cong-khai\/dang-ky\/\S+/.exec(confirmMail.text)?.[0];
    expect(confirmLink, confirmMail.text).toBeTruthy();
    await subscriber.goto(confirmLink!);
    await subscriber.getByRole("status").filter({ hasText: "Đã xác nhận. Bạn sẽ nhận thư khi có nội dung công khai mới." }).waitFor();

    // 2. The leader drafts the plan and imports its plot table; a file with a bad row imports nothing.
    const leader = await newPage(browser);
    await signIn(leader, LEADER);
    const draft = await openPanel(leader, "Soạn nội dung mới");
    await draft.getByLabel(/^Loại nội dung/).selectOption({ label: "Phương án bồi thường, hỗ trợ, tái định cư" });
    await draft.getByLabel(/^Đơn vị/).selectOption({ label: COMMUNE });
    await draft.getByLabel(/^Tiêu đề/).fill(plan.title);
    await draft.getByLabel(/^Tóm tắt/).fill(plan.summary);
    await draft.getByLabel(/^Nội dung/).fill(plan.body);
    await draft.getByLabel(/^Số liệu chính/).fill(plan.keyFigures);
    await draft.getByRole("button", { name: "Lưu bản nháp" }).click();
    await leader.waitForURL(/\/can-bo\/cong-khai\/\d+$/);
    await leader.getByRole("heading", { name: plan.title }).waitFor();
    expect(await leader.locator("main").innerText()).toContain("Bản nháp");
    const staffUrl = leader.url();

    const importPlan = async (csv: Buffer) => {
      const panel = await openPanel(leader, "Bảng thửa đất bị thu hồi");
      await panel.getByLabel(/^Tệp CSV của bảng/).setInputFiles({ name: "phuong-an-boi-thuong.csv", mimeType: "text/csv", buffer: csv });
      await panel.getByRole("button", { name: "Nhập bảng" }).click();
    };
    const householdCodeTable = leader.getByRole("table").filter({ has: leader.getByRole("columnheader", { name: /^Mã hộ/ }) });

    await importPlan(badCsv);
    // Line 3 of the file (the header is line 1) is the row with the negative area.
    await leader
      .getByText(/Dòng 3\b.*diện tích/i)
      .first()
      .waitFor();
    expect(await leader.locator("main").innerText()).not.toContain("Đã nhập");
    expect(await householdCodeTable.count(), "a refused file leaves no table").toBe(0);

    await importPlan(validCsv);
    await leader.getByText("Đã nhập 3 dòng.").waitFor();
    const staffRows = await readTable(householdCodeTable);
    expect(staffRows).toHaveLength(3);
    const codes = households.map((h) => cell(rowWith(staffRows, h.name), /^Mã hộ/));
    expect(
      codes.every((c) => c.length >= 6),
      codes.join(", "),
    ).toBe(true);
    expect(new Set(codes).size, "each household has its own code").toBe(3);
    const anCode = codes[0];

    // 3. It is published for the suggested 30 days, then consultation opens from now to the posting's last day (the
    //    legal minimum is 30 days).
    const publishPanel = await openPanel(leader, "Công khai");
    expect(await publishPanel.getByLabel(/^Từ ngày/).inputValue()).toBe(vnToday());
    expect(await publishPanel.getByLabel(/^Đến ngày/).inputValue()).toBe(vnToday(29));
    await publishPanel.getByRole("button", { name: "Công khai", exact: true }).click();
    await leader.waitForURL(/da-luu=publish/);
    await statusShown(leader, "Đang niêm yết");

    const consultation = await openPanel(leader, "Mở lấy ý kiến");
    const startOfToday = Date.parse(`${vnToday()}T00:00:00+07:00`);
    await consultation.getByLabel(/^Bắt đầu nhận ý kiến/).fill(vnLocal(Math.max(Date.now() - 5 * 60_000, startOfToday)));
    await consultation.getByLabel(/^Kết thúc nhận ý kiến/).fill(`${vnToday(29)}T17:00`);
    await consultation.getByRole("button", { name: "Mở lấy ý kiến" }).click();
    await leader.waitForURL(/da-luu=open-consultation/);
    await statusShown(leader, "Đang lấy ý kiến");
    const publicHref = await leader.getByRole("link", { name: /^Trang công khai/ }).getAttribute("href");
    const slug = /^\/cong-khai\/([^/?#]+)$/.exec(publicHref ?? "")?.[1];
    expect(slug, String(publicHref)).toBeTruthy();

    // 4. The subscriber's mail names the plan and links to its public page.
    const planMail = await smtp.waitForMail((m) => m.to.includes(SUBSCRIBER) && m.subject.includes(plan.title));
    expect(planMail.subject).toContain(COMMUNE);
    expect(planMail.text).toContain(`${portal.url}/cong-khai/${slug}`);

    // 5. The public table shows the plots but not the households' names.
    await subscriber.goto(`${portal.url}/cong-khai/${slug}`);
    await subscriber.getByRole("heading", { name: plan.title }).waitFor();
    const publicTable = subscriber.getByRole("table", { name: "Bảng bồi thường, hỗ trợ, tái định cư" });
    const publicRows = await readTable(publicTable);
    expect(publicRows).toHaveLength(3);
    for (const h of households) rowWith(publicRows, h.plot);
    const publicText = await subscriber.locator("main").innerText();
    for (const h of households) expect(publicText, "household names are masked on the public page").not.toContain(h.name);
    for (const code of codes) expect(publicText, "household codes are private").not.toContain(code);

    // A household looks up its own row with its code and can complain about exactly that row.
    const household = await newPage(browser);
    await household.goto(`${portal.url}/cong-khai/${slug}/ho-gia-dinh`);
    await household.getByLabel(/^Mã hộ gia đình/).fill(anCode);
    await household.getByRole("button", { name: "Xem", exact: true }).click();
    await household.getByText(households[0].name).first().waitFor();
    const ownRow = await household.locator("main").innerText();
    expect(ownRow).toMatch(households[0].total);
    expect(ownRow, "only the household's own row").not.toContain(households[1].name);
    expect(ownRow, "only the household's own row").not.toContain(households[2].name);
    await household.getByRole("link", { name: "Khiếu nại về dòng này" }).click();
    await household.waitForURL((url) => url.pathname === "/gui-phan-anh");
    expect(await household.getByRole("radio", { name: /^Khiếu nại/ }).isChecked(), "the complaint form opens with the kind chosen").toBe(true);

    // 6. A resident without JavaScript comments, keeping the name private; neither name nor phone is shown.
    const comment = "Đề nghị xã xem lại đơn giá đất lúa 60.000 đồng/m², thấp hơn giá thị trường trong vùng.";
    const resident = await newPage(browser, { javaScriptEnabled: false });
    await resident.goto(`${portal.url}/cong-khai/${slug}`);
    await resident.getByLabel(/^Ý kiến/).fill(comment);
    await resident.getByLabel(/^Họ và tên/).fill("Phạm Thị Hoa");
    await resident.getByLabel(/^Số điện thoại/).fill("0987 654 321");
    expect(await resident.getByLabel(/^Cho phép hiện họ tên của tôi/).isChecked()).toBe(false);
    await resident.getByRole("button", { name: "Gửi ý kiến" }).click();
    await resident.getByRole("status").filter({ hasText: "Đã nhận ý kiến của bạn" }).waitFor();
    const withComment = await resident.locator("main").innerText();
    expect(withComment).toContain(comment);
    expect(withComment).toContain("Người dân (không công khai tên)");
    for (const secret of ["Phạm Thị Hoa", "0987 654 321", "0987654321"]) expect(withComment).not.toContain(secret);

    // 7. An official of the commune replies on the staff page; the reply is public.
    const reply = "UBND xã ghi nhận. Đơn giá theo bảng giá đất của tỉnh năm 2026; xã sẽ đề nghị huyện xem xét điều chỉnh.";
    const official = await newPage(browser);
    await signIn(official, OFFICIAL);
    await official.getByRole("link", { name: plan.title }).click();
    await official.getByRole("heading", { name: plan.title }).waitFor();
    const staffComment = official.getByRole("listitem").filter({ hasText: comment });
    expect(await staffComment.innerText(), "staff see who wrote, to contact them").toContain("Phạm Thị Hoa");
    await staffComment.getByLabel(/^Trả lời/).fill(reply);
    await staffComment.getByRole("button", { name: "Trả lời" }).click();
    await official.waitForURL(/da-luu=reply/);
    await staffComment.getByText(reply).waitFor();
    await resident.reload();
    const withReply = await resident.locator("main").innerText();
    expect(withReply).toContain("Cơ quan trả lời");
    expect(withReply).toContain(reply);

    // The page mid-consultation (table, comment, reply and the comment form) passes axe.
    const auditor = await newAxePage(browser);
    await auditor.goto(`${portal.url}/cong-khai/${slug}`);
    await expectNoSeriousViolations(auditor, "disclosure page with the table, a comment, a reply and the comment form");

    // 8. The leader closes the consultation early, with its reason and summary; the public sees both and can no
    //    longer comment.

    const summaryOfComments = "Nhận được 1 ý kiến về đơn giá đất lúa. UBND xã tiếp thu, đề nghị huyện xem xét điều chỉnh đơn giá trước khi phê duyệt.";
    await leader.goto(staffUrl);
    const closing = await openPanel(leader, "Kết thúc lấy ý kiến và công bố tổng hợp");
    await closing.getByLabel(/^Tổng hợp ý kiến, việc tiếp thu và giải trình/).fill(summaryOfComments);
    await closing.getByLabel(/^Lý do kết thúc sớm/).fill("Huyện yêu cầu trình phương án sớm để kịp giải ngân");
    await closing.getByRole("button", { name: "Kết thúc lấy ý kiến và công bố tổng hợp" }).click();
    await leader.waitForURL(/da-luu=close-consultation/);
    await statusShown(leader, "Đã hết lấy ý kiến");

    await resident.reload();
    await resident.getByRole("heading", { name: "Tổng hợp ý kiến và việc tiếp thu, giải trình" }).waitFor();
    const closed = await resident.locator("main").innerText();
    expect(closed).toContain(summaryOfComments);
    expect(closed).toContain("Lý do: Huyện yêu cầu trình phương án sớm để kịp giải ngân");
    expect(closed).toContain("Đã nhận 1 ý kiến trong thời gian lấy ý kiến.");
    expect(closed).toContain("Đã hết thời gian góp ý.");
    expect(closed).toContain(reply);
    expect(await resident.getByRole("button", { name: "Gửi ý kiến" }).count()).toBe(0);
    expect(await resident.getByLabel(/^Ý kiến/).count()).toBe(0);

    // 9. axe-core finds nothing serious on the disclosure pages.
    await auditor.goto(`${portal.url}/cong-khai`);
    await auditor.getByRole("link", { name: plan.title }).waitFor();
    await expectNoSeriousViolations(auditor, "/cong-khai with the plan listed");
    await auditor.goto(`${portal.url}/cong-khai/${slug}`);
    await expectNoSeriousViolations(auditor, "disclosure page after the consultation closed");
    await auditor.goto(`${portal.url}/cong-khai/${slug}/ho-gia-dinh`);
    await expectNoSeriousViolations(auditor, "household page, empty");
    await auditor.getByLabel(/^Mã hộ gia đình/).fill(codes[1]);
    await auditor.getByRole("button", { name: "Xem", exact: true }).click();
    await auditor.getByText(households[1].name).first().waitFor();
    await expectNoSeriousViolations(auditor, "household page showing its row");
  }, 90_000);
});
