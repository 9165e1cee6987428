// What of a case may ever be public. One policy for every public surface (pages, register, Open311, feeds, CSV).

/** Denunciations are never published: their content could identify the denouncer. */
export const PUBLISHABLE_KINDS = ["feedback", "petition", "complaint"] as const;

/** The text of a case is public only when its kind may be published and the filer agreed. */
export function mayPublishContent(row: { kindCode: string; publishConsent: boolean }): boolean {
  return row.publishConsent && (PUBLISHABLE_KINDS as readonly string[]).includes(row.kindCode);
}
