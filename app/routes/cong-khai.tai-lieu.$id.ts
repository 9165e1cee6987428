import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition, readAttachment } from "~/services/cases/attachments.server";
import { publicDocument } from "~/services/disclosures/lifecycle.server";
import { guard } from "~/http";

/** A public document of a published disclosure, always as a download. */
export const loader = guard(async ({ params }: LoaderFunctionArgs) => {
  const id = params.id ?? "";
  const doc = /^[0-9a-f-]{36}$/.test(id) ? await publicDocument(id) : undefined;
  if (!doc) return new Response("Không tìm thấy", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const bytes = await readAttachment(doc.id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": doc.mediaType,
      "Content-Disposition": contentDisposition(doc.displayName),
      "Content-Length": String(bytes.length),
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
