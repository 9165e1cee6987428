import type { LoaderFunctionArgs } from "@remix-run/node";
import { atomFeed } from "~/domain/atom";
import { publicUrl } from "~/services/platform/config.server";
import { feedEntries } from "~/services/disclosures/reading.server";
import { communeName, reference } from "~/services/reference/reference.server";
import { guard } from "~/http";

/** Atom feed of disclosures: the whole district, or one unit with ?xa=<unit id>. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const unit = new URL(request.url).searchParams.get("xa")?.slice(0, 60) || null;
  const ref = await reference();
  if (unit && !ref.communes.some((c) => c.id === unit)) throw new Response("Not found", { status: 404 });
  const entries = await feedEntries(unit);
  const base = publicUrl();
  const self = `${base}/cong-khai/tin.atom${unit ? `?xa=${unit}` : ""}`;
  const xml = atomFeed({
    id: self,
    title: `Dân Biết — Công khai: ${unit ? communeName(ref, unit) : "huyện Xuân Trường"}`,
    link: `${base}/cong-khai${unit ? `?xa=${unit}` : ""}`,
    self,
    updated: entries[0]?.publishedAt ?? new Date(0).toISOString(),
    entries: entries.map((e) => ({
      id: `${base}/cong-khai/${e.slug}`,
      title: `${e.communeName}: ${e.title}`,
      summary: e.summary,
      link: `${base}/cong-khai/${e.slug}`,
      updated: e.publishedAt ?? new Date(0).toISOString(),
    })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
});
