// Previous / next links of a paginated list, readable without JavaScript.
import { Link } from "@remix-run/react";
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
