// One structured JSON logger (pino) for the server and the app. Log lines carry ids, codes of things and error
// messages — never a name, phone number, e-mail address, token, password or the text of a case.
import pino from "pino";

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

export const logger = pino({
  // Read directly (not through config()) so that importing the logger never throws; config() refuses a bad value
  // at start-up with its own message.
  level: LEVELS.has(process.env.LOG_LEVEL ?? "") ? process.env.LOG_LEVEL! : "info",
  base: { service: "dan-biet" },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Field names that could hold personal data or secrets never reach the output, whoever logs them.
  redact: {
    paths: [
      "email",
      "phone",
      "fullName",
      "password",
      "token",
      "*.email",
      "*.phone",
      "*.fullName",
      "*.password",
      "*.token",
      "headers.cookie",
      "headers.authorization",
    ],
    censor: "[redacted]",
  },
});

// Paths that carry a secret in their last segment: the receipt link, subscription links, password links.
const SECRET_PATHS = /^(\/(?:bien-nhan|cong-khai\/dang-ky|cong-khai\/huy-dang-ky|can-bo\/dat-lai-mat-khau)\/)[^/?#]+/;

/** The path of a request as it may be logged: secrets replaced, the query string dropped (it may hold a phone). */
export function loggablePath(url: string): string {
  const path = url.startsWith("http") ? new URL(url).pathname : url.split("?")[0];
  return path.replace(SECRET_PATHS, "$1[token]");
}

/** The error as it may be logged: its class, message and stack (our own text), nothing from the request. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { err: { type: error.name, message: error.message.slice(0, 500), stack: error.stack } };
  return { err: { message: String(error).slice(0, 500) } };
}
