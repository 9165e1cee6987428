import { ScureBase32Plugin } from "otplib";
import { describe, expect, it } from "vitest";
import { newTotpSecret, otpauthUri, totpCode, totpStep, verifyTotp } from "~/services/staff/totp.server";

// RFC 6238 appendix B test vectors (SHA-1, secret "12345678901234567890"), last 6 digits.
const SECRET = new ScureBase32Plugin().encode(new TextEncoder().encode("12345678901234567890"));

describe("TOTP (RFC 6238, through otplib)", () => {
  it("matches the RFC test vectors", async () => {
    expect(SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    const at = async (seconds: number) => totpCode(SECRET, totpStep(seconds * 1000));
    expect(await at(59)).toBe("287082");
    expect(await at(1111111109)).toBe("081804");
    expect(await at(1111111111)).toBe("050471");
    expect(await at(1234567890)).toBe("005924");
    expect(await at(2000000000)).toBe("279037");
    expect(await at(20000000000)).toBe("353130");
  });

  it("verifies the RFC vectors at their moments and returns the absolute time step", async () => {
    expect(await verifyTotp(SECRET, "287082", 59_000)).toBe(1);
    expect(await verifyTotp(SECRET, "081804", 1111111109_000)).toBe(37037036);
    expect(await verifyTotp(SECRET, "005924", 1234567890_000)).toBe(41152263);
  });

  it("accepts the current code and one step of drift either way, and nothing else", async () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    expect(step).toBe(56666666);
    expect(await verifyTotp(SECRET, await totpCode(SECRET, step), now)).toBe(step);
    expect(await verifyTotp(SECRET, await totpCode(SECRET, step - 1), now)).toBe(step - 1);
    expect(await verifyTotp(SECRET, await totpCode(SECRET, step + 1), now)).toBe(step + 1);
    expect(await verifyTotp(SECRET, await totpCode(SECRET, step - 2), now)).toBeNull();
    expect(await verifyTotp(SECRET, await totpCode(SECRET, step + 2), now)).toBeNull();
    // At the very start and end of a step the window is still exactly one step either side.
    const start = step * 30_000;
    expect(await verifyTotp(SECRET, await totpCode(SECRET, step - 1), start)).toBe(step - 1);
    expect(await verifyTotp(SECRET, await totpCode(SECRET, step - 2), start)).toBeNull();
    expect(await verifyTotp(SECRET, await totpCode(SECRET, step + 2), start + 29_999)).toBeNull();
  });

  it("treats a malformed code as wrong, and forgives spaces", async () => {
    const now = 1_700_000_000_000;
    const code = await totpCode(SECRET, totpStep(now));
    expect(await verifyTotp(SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(totpStep(now));
    expect(await verifyTotp(SECRET, "12345", now)).toBeNull();
    expect(await verifyTotp(SECRET, "1234567", now)).toBeNull();
    expect(await verifyTotp(SECRET, "abcdef", now)).toBeNull();
    expect(await verifyTotp(SECRET, "", now)).toBeNull();
  });

  it("new secrets are 160 bits of base32, and work", async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(secret).not.toBe(newTotpSecret());
    const now = Date.now();
    expect(await verifyTotp(secret, await totpCode(secret, totpStep(now)), now)).toBe(totpStep(now));
  });

  it("the otpauth URI names the issuer and the account", () => {
    const uri = otpauthUri("GEZDGNBVGY3TQOJQ", "a@b.vn");
    expect(uri.startsWith("otpauth://totp/")).toBe(true);
    expect(uri).toContain("secret=GEZDGNBVGY3TQOJQ");
    expect(uri).toContain("issuer=D%C3%A2n%20Bi%E1%BA%BFt");
    expect(uri).toContain("a%40b.vn");
  });
});
