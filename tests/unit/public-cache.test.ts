import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { isPrivatePath, isPublicPath } from "~/domain/urls";
import { contentSecurityPolicy, hashMarkedScripts } from "~/services/platform/csp.server";
import { publicCacheKey } from "~/services/platform/public-cache.server";

const sha = (text: string) => `sha256-${crypto.createHash("sha256").update(text).digest("base64")}`;

describe("which pages are shared by everyone", () => {
  it("are the public reading pages, never a person's own", () => {
    for (const p of ["/", "/ho-so", "/ho-so/XT-26-0000013", "/cong-khai", "/cong-khai/du-thao-1", "/cong-khai/tin.atom", "/thong-ke"]) {
      expect(isPublicPath(p), p).toBe(true);
      expect(isPrivatePath(p), p).toBe(false);
    }
    for (const p of [
      "/gui-phan-anh",
      "/tra-cuu",
      "/tra-cuu/XT-26-0000013",
      "/can-bo",
      "/cong-khai/du-thao-1/ho-gia-dinh",
      "/cong-khai/tai-lieu/4",
      "/cong-khai/dang-ky/abc",
      "/tep/1",
      "//",
      "/ho-so/a/b",
    ]) {
      expect(isPublicPath(p), p).toBe(false);
    }
  });

  it("are looked up by language and address, and only without a cookie of one person", () => {
    expect(publicCacheKey("GET", "/ho-so?trang=2", undefined)).toBe("vi /ho-so?trang=2");
    expect(publicCacheKey("HEAD", "/", "lang=en; csrf=x")).toBe("en /");
    expect(publicCacheKey("GET", "/", "lang=fr")).toBe("vi /");
    expect(publicCacheKey("POST", "/cong-khai/a", undefined)).toBeNull();
    expect(publicCacheKey("GET", "/gui-phan-anh", undefined)).toBeNull();
    expect(publicCacheKey("GET", "/", "staff=abc.def")).toBeNull();
    expect(publicCacheKey("GET", "/ho-so/XT-26-0000013", "cases=grant")).toBeNull();
    expect(publicCacheKey("GET", "/", "lang=vi; something=else")).toBeNull();
  });
});

describe("inline scripts allowed by hash", () => {
  it("hashes the scripts rendered with the marker, removes the marker, and leaves any other script unhashed", () => {
    const marker = "m4rk3r";
    const html = `<p>x</p><script nonce="${marker}">window.a=1</script><script nonce="${marker}" type="module">import "/b.js"</script><script>alert(1)</script><script nonce="${marker}" src="/c.js"></script>`;
    const { html: out, hashes } = hashMarkedScripts(html, marker);
    expect(hashes).toEqual([sha("window.a=1"), sha('import "/b.js"')]);
    expect(out).not.toContain(marker);
    expect(out).toContain("<script>alert(1)</script>");
    expect(contentSecurityPolicy(hashes)).toContain(`script-src 'self' '${sha("window.a=1")}' '${sha('import "/b.js"')}';`);
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
  });
});
