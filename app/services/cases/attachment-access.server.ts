import { eq } from "drizzle-orm";
import { attachments, cases } from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { canOnCase } from "~/domain/permissions";
import { contentDisposition, readAttachment } from "./attachments.server";
import { audit } from "~/services/platform/audit.server";
import { currentSession } from "~/services/staff/sessions.server";
import { read } from "~/services/platform/database.server";
import { hasCaseGrant } from "~/services/platform/request.server";

const NOT_FOUND = () => new Response("Không tìm thấy", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * An attachment, to the filer's browser (after look-up) or to staff allowed to download from that case; always as
 * a download. 404 for unknown ids and forbidden ones alike: existence is not revealed.
 * (nosniff and the other security headers are set on every response by server.mjs.)
 */
export async function serveCaseAttachment(request: Request, id: string, ip: string): Promise<Response> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return NOT_FOUND();
  const file = (
    await read()
      .select({
        caseId: attachments.caseId,
        displayName: attachments.displayName,
        mediaType: attachments.mediaType,
        communeId: cases.communeId,
        firstInstanceCommuneId: cases.firstInstanceCommuneId,
        kindCode: cases.kindCode,
        code: cases.code,
      })
      .from(attachments)
      .innerJoin(cases, eq(cases.id, attachments.caseId))
      .where(eq(attachments.id, id))
  )[0];
  if (!file) return NOT_FOUND();
  const staff = await currentSession(request);
  const staffMay = staff && !staff.pendingSecondFactor && canOnCase(staff.user, "download_attachment", file, DISTRICT_ID);
  if (!staffMay && !(await hasCaseGrant(request, file.caseId))) {
    if (staff) await audit({ userId: staff.user.id, action: "attachment.denied", targetType: "attachment", targetId: id, ip });
    return NOT_FOUND();
  }
  if (staffMay) await audit({ userId: staff.user.id, action: "attachment.download", targetType: "case", targetId: file.code, ip, details: { attachment: id } });
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
