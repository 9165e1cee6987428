import { eq } from "drizzle-orm";
import { attachments } from "../../db/schema";
import { contentDisposition, readAttachment } from "./attachments.server";
import { db } from "./db.server";
import { hasCaseGrant } from "./request.server";

const NOT_FOUND = () => new Response("Không tìm thấy", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** 404 for unknown ids and for cases this browser may not open alike: existence is not revealed.
 * (nosniff and the other security headers are set on every response by server.mjs.) */
export async function serveCaseAttachment(request: Request, id: string): Promise<Response> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return NOT_FOUND();
  const file = db()
    .select({ caseId: attachments.caseId, displayName: attachments.displayName, mediaType: attachments.mediaType })
    .from(attachments)
    .where(eq(attachments.id, id))
    .all()[0];
  if (!file || !(await hasCaseGrant(request, file.caseId))) return NOT_FOUND();
  const bytes = await readAttachment(id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Disposition": contentDisposition(file.displayName),
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
