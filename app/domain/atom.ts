// An Atom 1.0 feed (RFC 4287) of disclosures, for feed readers and other sites.
function escape(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

export interface AtomEntry {
  id: string;
  title: string;
  summary: string;
  link: string;
  updated: string;
}

export function atomFeed(feed: { id: string; title: string; link: string; self: string; updated: string; entries: AtomEntry[] }): string {
  const entries = feed.entries
    .map(
      (e) =>
        `<entry><id>${escape(e.id)}</id><title>${escape(e.title)}</title><link href="${escape(e.link)}"/><updated>${escape(e.updated)}</updated><summary>${escape(e.summary)}</summary></entry>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi"><id>${escape(feed.id)}</id><title>${escape(feed.title)}</title><link href="${escape(feed.link)}"/><link rel="self" href="${escape(feed.self)}"/><updated>${escape(feed.updated)}</updated><author><name>UBND huyện Xuân Trường</name></author>${entries}</feed>`;
}
