// Pieces shared by the receipt, the resident's case page and the public case page.
import { formatDate, formatDateTime } from "~/domain/dates";
import { disclosureLinkLabel } from "~/domain/disclosure-link";
import type { CaseEventType, CaseStatus } from "~/domain/case-workflow";
import type { CaseKind } from "~/domain/filing";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";

export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return <span className={`status status--${status}`}>{t(`status.${status}`)}</span>;
}

export function DateText({ date }: { date: string }) {
  return <time dateTime={date}>{formatDate(date)}</time>;
}

export function DateTimeText({ instant }: { instant: string }) {
  return <time dateTime={instant}>{formatDateTime(instant)}</time>;
}

export interface TimelineItem {
  id: number;
  type: CaseEventType;
  createdAt: string;
  body?: string | null;
  attachments?: { id: string; displayName: string; sizeBytes: number }[];
}

export function Timeline({ items, attachmentHref }: { items: TimelineItem[]; attachmentHref?: (id: string) => string }) {
  const t = useT();
  return (
    <ol className="timeline">
      {items.map((e) => (
        <li key={e.id}>
          <p className="timeline-head">
            <strong>{t(`event.${e.type}`)}</strong> — <DateTimeText instant={e.createdAt} />
          </p>
          {e.body ? <p className="prewrap">{e.body}</p> : null}
          {attachmentHref && e.attachments?.length ? (
            <ul className="files">
              {e.attachments.map((f) => (
                <li key={f.id}>
                  <a href={attachmentHref(f.id)}>{f.displayName}</a> ({Math.max(1, Math.round(f.sizeBytes / 1024))} KB)
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export interface CaseSummaryData {
  status: CaseStatus;
  kindCode: CaseKind;
  categoryCode: string;
  communeName: string;
  receivedAt: string;
  acceptDueOn: string;
}

/** The facts every view of a case starts with (public page, the filer's page). */
export function CaseSummary({ c }: { c: CaseSummaryData }) {
  const t = useT();
  const rows: [MessageKey, React.ReactNode][] = [
    ["case.status", <StatusBadge key="s" status={c.status} />],
    ["case.kind", t(`kind.${c.kindCode}`)],
    ["case.category", t(`category.${c.categoryCode}`)],
    ["case.commune", c.communeName],
    ["case.receivedAt", <DateTimeText key="r" instant={c.receivedAt} />],
    ["case.dueOn", <DateText key="d" date={c.acceptDueOn} />],
  ];
  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface DisclosureLinkData {
  title: string;
  version: number;
  rowNo: number | null;
  href: string;
}

/** "Liên quan đến: <plan> (phiên bản N, dòng M)", linking to the disclosure the case is about. */
export function RelatedDisclosure({ link }: { link: DisclosureLinkData | null }) {
  const t = useT();
  if (!link) return null;
  return (
    <p className="related-disclosure">
      {t("case.relatedDisclosure")}: <a href={link.href}>{disclosureLinkLabel(t, link, link.rowNo)}</a>
    </p>
  );
}
