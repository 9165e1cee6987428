// Pieces shared by the receipt, the resident's case page and the public case page.
import { formatDate, formatDateTime } from "~/domain/dates";
import { disclosureLinkLabel } from "~/domain/disclosure-link";
import type { CaseEventType, CaseStatus } from "~/domain/case-workflow";
import type { CaseStage } from "~/domain/deadlines";
import type { Countdown } from "~/domain/countdown";
import { CountdownText } from "./countdown";
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

/** The deadline in force (deadlines.deadlineInForce) as every view shows it. */
export interface DeadlineData {
  stage: CaseStage;
  owedBy: "unit" | "resident";
  dueOn: string;
  pausedSince: string | null;
  pausedDays: number;
  extensionDays: number;
  extensions: number;
  /** Working days left or overdue while the unit's clock runs (domain/countdown.ts); absent on staff views. */
  countdown?: Countdown | null;
  /** The clock stands still because a complaint's handling is suspended, not for the resident's information. */
  suspended?: boolean;
}

/** Stages whose due date is the one to accept, refuse or pass the case on (named as the receipt names it). */
const FIRST_STAGES: ReadonlySet<string> = new Set(["process", "accept"]);

/** Two rows of a summary list: the stage in force, and its due date with its pauses and extensions. */
export function DeadlineRows({ deadline, badge }: { deadline: DeadlineData | null; badge?: React.ReactNode }) {
  const t = useT();
  if (!deadline) {
    return (
      <div>
        <dt>{t("deadline.stage")}</dt>
        <dd>{t("deadline.none")}</dd>
      </div>
    );
  }
  return (
    <>
      <div>
        <dt>{t("deadline.stage")}</dt>
        <dd>{t(`stage.${deadline.stage}`)}</dd>
      </div>
      <div>
        <dt>{t(deadline.owedBy === "resident" ? "deadline.dueOn.resident" : FIRST_STAGES.has(deadline.stage) ? "receipt.dueOn" : "deadline.dueOn")}</dt>
        <dd>
          <strong>
            <DateText date={deadline.dueOn} />
          </strong>
          {deadline.countdown ? (
            <>
              {" "}
              <CountdownText countdown={deadline.countdown} />
            </>
          ) : null}
          {badge}
          {deadline.pausedSince ? (
            <span className="hint-inline">{t(deadline.suspended ? "deadline.suspended" : "deadline.paused", formatDate(deadline.pausedSince))}</span>
          ) : null}
          {!deadline.pausedSince && deadline.pausedDays > 0 ? <span className="hint-inline">{t("deadline.pausedDays", deadline.pausedDays)}</span> : null}
          {deadline.extensionDays > 0 ? <span className="hint-inline">{t("deadline.extended", deadline.extensionDays, deadline.extensions)}</span> : null}
        </dd>
      </div>
    </>
  );
}

export interface CaseSummaryData {
  status: CaseStatus;
  kindCode: CaseKind;
  categoryCode: string;
  communeName: string;
  receivedAt: string;
  deadline: DeadlineData | null;
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
  ];
  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <DeadlineRows deadline={c.deadline} />
    </dl>
  );
}

/** The answer of a case in the public register, as the register shows it. */
export function PublicAnswer({ answer }: { answer: { body: string; createdAt: string } | null }) {
  const t = useT();
  if (!answer) return null;
  return (
    <section aria-labelledby="answer">
      <h2 id="answer">{t("case.answer")}</h2>
      <p className="hint">{t("case.answer.at", formatDateTime(answer.createdAt))}</p>
      <p className="prewrap">{answer.body}</p>
    </section>
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
