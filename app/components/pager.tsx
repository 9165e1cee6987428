// Previous / next links of a paginated list, readable without JavaScript.
import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function Pager({ page, pages, link, label }: { page: number; pages: number; link: (page: number) => string; label?: string }) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label ?? t("inbox.pagination")} className="pagination">
      {page > 1 ? <Link to={link(page - 1)}>{t("inbox.prev")}</Link> : null}
      <span>{t("inbox.page", page, pages)}</span>
      {page < pages ? <Link to={link(page + 1)}>{t("inbox.next")}</Link> : null}
    </nav>
  );
}

/** The link to page N of the list this address shows: the same filters, only the page parameter changed. */
export function usePageLink(parameter: string): (page: number) => string {
  const location = useLocation();
  return (page: number) => {
    const params = new URLSearchParams(location.search);
    params.set(parameter, String(page));
    return `?${params}`;
  };
}

/** Previous / next links of a list paged by cursors (domain/keyset.ts): no page numbers, each link names its row. */
export function CursorPager({ prev, next, label }: { prev: string | null; next: string | null; label?: string }) {
  const t = useT();
  const location = useLocation();
  if (!prev && !next) return null;
  const link = (direction: "after" | "before", cursor: string) => {
    const params = new URLSearchParams(location.search);
    params.delete("after");
    params.delete("before");
    params.set(direction, cursor);
    return `?${params}`;
  };
  return (
    <nav aria-label={label ?? t("inbox.pagination")} className="pagination">
      {prev ? <Link to={link("before", prev)}>{t("inbox.prev")}</Link> : null}
      {next ? <Link to={link("after", next)}>{t("inbox.next")}</Link> : null}
    </nav>
  );
}
