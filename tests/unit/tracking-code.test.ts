import { describe, expect, it } from "vitest";
import { checkDigit, formatTrackingCode, isValidTrackingCode, normaliseTrackingCode } from "~/domain/tracking-code";

describe("tracking codes", () => {
  it("look like XT-26-0001234: year, six-digit sequence, check digit", () => {
    const code = formatTrackingCode(2026, 123);
    expect(code).toMatch(/^XT-26-000123\d$/);
    expect(isValidTrackingCode(code)).toBe(true);
    expect(formatTrackingCode(2027, 999_999)).toMatch(/^XT-27-999999\d$/);
  });

  it("catch every single mistyped digit", () => {
    const code = formatTrackingCode(2026, 40_517);
    const digits = code.replace(/\D/g, "");
    for (let i = 0; i < digits.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === digits[i]) continue;
        const typo = digits.slice(0, i) + d + digits.slice(i + 1);
        expect(isValidTrackingCode(`XT-${typo.slice(0, 2)}-${typo.slice(2)}`), typo).toBe(false);
      }
    }
  });

  it("catch swapped neighbouring digits (Luhn), except 0↔9", () => {
    const code = formatTrackingCode(2026, 123_456);
    const digits = code.replace(/\D/g, "");
    for (let i = 0; i < digits.length - 1; i++) {
      const a = digits[i];
      const b = digits[i + 1];
      if (a === b || (a === "0" && b === "9") || (a === "9" && b === "0")) continue;
      const swapped = digits.slice(0, i) + b + a + digits.slice(i + 2);
      expect(isValidTrackingCode(`XT-${swapped.slice(0, 2)}-${swapped.slice(2)}`)).toBe(false);
    }
  });

  it("accept what people type: spaces, lower case, no dashes, full-width digits", () => {
    const code = formatTrackingCode(2026, 77);
    const digits = code.slice(3).replace("-", "");
    for (const typed of [
      code.toLowerCase(),
      `XT ${digits.slice(0, 2)} ${digits.slice(2)}`,
      `xt${digits}`,
      ` ${code} `,
      code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    ]) {
      expect(normaliseTrackingCode(typed), typed).toBe(code);
    }
    expect(normaliseTrackingCode("XT-26-000077")).toBeNull();
    expect(normaliseTrackingCode("AB-26-0000770")).toBeNull();
    expect(normaliseTrackingCode("")).toBeNull();
  });

  it("refuse sequences out of range and compute the Luhn digit", () => {
    expect(() => formatTrackingCode(2026, 0)).toThrow();
    expect(() => formatTrackingCode(2026, 1_000_000)).toThrow();
    expect(checkDigit("7992739871")).toBe(3);
  });
});
