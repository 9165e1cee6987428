import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, otpauthUri, totpCode, verifyTotp } from "~/services/staff/totp.server";

// RFC 6238 appendix B test vectors (SHA-1, secret "12345678901234567890"), last 6 digits.
const SECRET = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC test vectors", () => {
    expect(totpCode(SECRET, Math.floor(59 / 30))).toBe("287082");
    expect(totpCode(SECRET, Math.floor(1111111109 / 30))).toBe("081804");
    expect(totpCode(SECRET, Math.floor(1234567890 / 30))).toBe("005924");
    expect(totpCode(SECRET, Math.floor(2000000000 / 30))).toBe("279037");
  });

  it("accepts the current code and one step of drift, and nothing else", () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(SECRET, totpCode(SECRET, step), now)).toBe(step);
    expect(verifyTotp(SECRET, totpCode(SECRET, step - 1), now)).toBe(step - 1);
    expect(verifyTotp(SECRET, totpCode(SECRET, step - 2), now)).toBeNull();
    expect(verifyTotp(SECRET, "12345", now)).toBeNull();
    expect(verifyTotp(SECRET, "abcdef", now)).toBeNull();
  });

  it("base32 round-trips and the otpauth URI names the issuer", () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(otpauthUri("ABC", "a@b.vn")).toContain("issuer=D%C3%A2n%20Bi%E1%BA%BFt");
  });
});
