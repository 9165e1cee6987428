// The parts of the reception pages: a session's facts (when, who receives, where or the online link).
import type { ReactNode } from "react";
import { DateText } from "./case-parts";
import { useT } from "~/i18n/use-t";

export interface SessionFactsData {
  communeName: string;
  date: string;
  startTime: string;
  endTime: string;
  receiverRole: "chairman" | "deputy" | "officer";
  receiverName: string;
  place: string;
  mode: "in_person" | "online";
  meetingUrl: string | null;
  status: "scheduled" | "cancelled";
  cancelReason: string | null;
}

export function SessionFacts({ s, children }: { s: SessionFactsData; children?: ReactNode }) {
  const t = useT();
  const rows: [string, ReactNode][] = [
    [t("reception.unit"), s.communeName],
    [
      t("reception.date"),
      <>
        <DateText date={s.date} />, {t("reception.timeRange", s.startTime, s.endTime)}
      </>,
    ],
    [t("reception.receiver"), `${s.receiverName} (${t(`reception.role.${s.receiverRole}`)})`],
    [t("reception.mode"), t(`reception.mode.${s.mode}`)],
    s.mode === "online" && s.meetingUrl ? [t("reception.online.link"), <a href={s.meetingUrl}>{s.meetingUrl}</a>] : [t("reception.place"), s.place],
  ];
  if (s.status === "cancelled")
    rows.push([t("reception.status"), s.cancelReason ? t("reception.cancelledBecause", s.cancelReason) : t("reception.sessionStatus.cancelled")]);
  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {children}
    </dl>
  );
}
