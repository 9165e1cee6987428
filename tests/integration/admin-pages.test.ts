// The administrators' pages as an administrator uses them: every panel is there, a change made through one of them
// is saved and audited, and nobody else reaches them.
import { describe, expect, it } from "vitest";
import { hiddenValue, visibleText } from "../support/browserless-client";
import { signInClient, usePortal } from "../support/portal-fixture";

const fixture = usePortal({ demo: true, db: "readonly" });

// One sign-in for the file: a TOTP code is accepted once, and two sign-ins in one 30-second step would need two.
let session: Awaited<ReturnType<typeof signInClient>>["client"] | undefined;
async function admin() {
  session ??= (await signInClient(fixture.portal, "quantri@demo.dan-biet.vn", undefined, { totpSecret: fixture.adminTotpSecret })).client;
  return session;
}

describe("the administrators' pages", () => {
  it("show their panels, each a form with its intent", async () => {
    const client = await admin();
    const reference = await client.get("/can-bo/quan-tri/danh-muc");
    expect(reference.status).toBe(200);
    for (const intent of ["add-unit", "merge-unit", "add-hamlet", "save-category", "save-disclosure-type", "delete-template", "add-template"]) {
      expect(reference.html, intent).toContain(`name="intent" value="${intent}"`);
    }
    expect((await client.get("/can-bo/quan-tri/tai-khoan")).status).toBe(200);
    expect((await client.get("/can-bo/quan-tri/ngay-nghi")).status).toBe(200);
  });

  it("add a hamlet through its panel, audited", async () => {
    const client = await admin();
    const page = await client.get("/can-bo/quan-tri/danh-muc");
    const res = await client.post(
      "/can-bo/quan-tri/danh-muc",
      new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), intent: "add-hamlet", communeId: "xuan-phong", name: "Xóm Mới Thử" }),
    );
    expect(res.status).toBe(200);
    expect(visibleText((await client.get("/can-bo/quan-tri/danh-muc")).html)).toContain("Xóm Mới Thử");
    const audit = fixture.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'hamlet.added' AND target_id = 'xuan-phong'").get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it("are refused to an official (403) and to a visitor (sign-in)", async () => {
    const { client } = await signInClient(fixture.portal, "canbo.xuan-bac@demo.dan-biet.vn");
    expect((await client.get("/can-bo/quan-tri/danh-muc")).status).toBe(403);
    const page = await client.get("/can-bo");
    const post = await client.post(
      "/can-bo/quan-tri/danh-muc",
      new URLSearchParams({ csrf: hiddenValue(page.html, "csrf"), intent: "add-hamlet", communeId: "xuan-bac", name: "Không được" }),
    );
    expect(post.status).toBe(403);
    const res = await fetch(`${fixture.url}/can-bo/quan-tri/danh-muc`, { redirect: "manual" });
    expect(res.status).toBe(302);
  });
});
