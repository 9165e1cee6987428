// Tracking codes like XT-26-0001234: district prefix, two-digit year, six-digit yearly sequence and a check digit,
// so that a code read aloud over the phone and typed with one wrong digit is caught before any look-up.

const PREFIX = "XT";
const PATTERN = /^XT-(\d{2})-(\d{6})(\d)$/;

/** Luhn check digit over the digits of year + sequence. */
export function checkDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatTrackingCode(year: number, sequence: number): string {
  if (sequence < 1 || sequence > 999_999) throw new Error(`Sequence out of range: ${sequence}`);
  const yy = String(year % 100).padStart(2, "0");
  const seq = String(sequence).padStart(6, "0");
  return `${PREFIX}-${yy}-${seq}${checkDigit(yy + seq)}`;
}

/** Accepts what people type ("xt 26 0001234", "XT260001234") and returns the canonical code, or null. */
export function normaliseTrackingCode(input: string): string | null {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  const match = /^XT(\d{2})(\d{7})$/.exec(compact);
  if (!match) return null;
  const code = `${PREFIX}-${match[1]}-${match[2]}`;
  return isValidTrackingCode(code) ? code : null;
}

export function isValidTrackingCode(code: string): boolean {
  const match = PATTERN.exec(code);
  if (!match) return false;
  return checkDigit(match[1] + match[2]) === Number(match[3]);
}

export function counterName(year: number): string {
  return `case-seq-${year}`;
}
