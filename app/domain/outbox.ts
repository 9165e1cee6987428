// Which mails an administrator must look at: dead ones (refused for good, or out of attempts) and ones that have
// been retried long enough that the person is probably not getting them.

/** From this many failed attempts a pending mail counts as "long retrying" (about 7 minutes of backoff, then more). */
export const LONG_RETRY_ATTEMPTS = 4;

export type MailTrouble = "dead" | "retrying";

export function mailTrouble(row: { status: string; attempts: number }): MailTrouble | null {
  if (row.status === "dead") return "dead";
  if ((row.status === "pending" || row.status === "sending") && row.attempts >= LONG_RETRY_ATTEMPTS) return "retrying";
  return null;
}
