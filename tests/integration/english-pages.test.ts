// On the English side every title and the error pages are English too (every string from the catalogues).
import { describe, expect, it } from "vitest";
import { Client } from "../support/browserless-client";
import { usePortal } from "../support/portal-fixture";

const fixture = usePortal({ db: "readonly" });

async function english(): Promise<Client> {
  const client = new Client(fixture.url);
  await client.get("/ngon-ngu?lang=en&back=%2F");
  return client;
}

const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";

describe("in English", () => {
  it("page titles are English", async () => {
    const client = await english();
    for (const path of ["/", "/gui-phan-anh", "/tra-cuu", "/ho-so", "/thong-ke", "/cong-khai", "/can-bo/dang-nhap"]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      const text = title(res.html);
      expect(text, path).toMatch(/ — Dân Biết$/);
      // No Vietnamese letters with diacritics in the page's own part of the title (the district's name aside).
      expect(text.replace(/ — Dân Biết$/, "").replace(/Xuân Trường/g, ""), `${path}: ${text}`).not.toMatch(
        /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i,
      );
    }
  });

  it("the not-found page is English, with its title", async () => {
    const client = await english();
    const res = await client.get("/khong-co-trang-nay");
    expect(res.status).toBe(404);
    expect(title(res.html)).toBe("Page not found — Dân Biết");
    expect(res.html).toContain('lang="en"');
  });
});
