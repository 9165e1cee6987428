// The reception log as a table in the columns of Form 03/TCD (printable); identities replaced for supervisors.
import { DateText } from "./case-parts";
import { useT } from "~/i18n/use-t";

export interface LogRow {
  id: number;
  no: number;
  date: string;
  kind: "feedback" | "petition" | "complaint" | "denunciation";
  people: number;
  visitors: { name: string; address: string; idNumber: string | null; isRepresentative: boolean }[];
  content: string;
  handledBefore: string;
  outcome: "guided" | "new_case" | "added_to_case" | "transferred" | "declined";
  outcomeBody: string | null;
  outcomeDocument: string | null;
  outcomeReason: string | null;
  caseCode: string | null;
  followUp: string;
}

export function LogTable({ log, hidden, fileHref }: { log: LogRow[]; hidden: boolean; fileHref?: (entry: LogRow) => string | null }) {
  const t = useT();
  const cols = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
  const body = (e: LogRow) => [e.outcomeBody, e.outcomeDocument].filter(Boolean).join(", ");
  return (
    <>
      {hidden ? <p className="hint">{t("reception.log.hidden")}</p> : null}
      <div className="table-wrap">
        <table className="cases reception-log">
          <thead>
            <tr>
              {cols.map((n) => (
                <th key={n} scope="col">
                  {t(`reception.log.col${n}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {log.map((e) => (
              <tr key={e.id}>
                <td>{e.no}</td>
                <td>
                  <DateText date={e.date} />
                </td>
                <td>
                  {e.visitors.map((v, i) => (
                    <span key={i}>
                      {v.name}, {v.address}
                      {v.isRepresentative ? ` (${t("reception.log.representative")})` : ""}
                      <br />
                    </span>
                  ))}
                </td>
                <td>
                  {e.visitors
                    .map((v) => v.idNumber ?? "")
                    .filter(Boolean)
                    .join("; ")}
                </td>
                <td className="prewrap">{e.content}</td>
                <td>{t(`kind.${e.kind}`)}</td>
                <td>{e.people}</td>
                <td>{e.handledBefore}</td>
                <td>
                  {e.outcome === "new_case" || e.outcome === "added_to_case" ? "x " : ""}
                  {e.caseCode && fileHref ? <a href={`/can-bo/tiep-cong-dan/ho-so/${e.caseCode}`}>{e.caseCode}</a> : e.caseCode}
                </td>
                <td>{e.outcome === "guided" ? body(e) : ""}</td>
                <td>{e.outcome === "transferred" ? body(e) : ""}</td>
                <td>
                  {e.outcome === "declined" ? `${t("reception.outcome.declined")}: ${e.outcomeReason ?? ""}` : t(`reception.outcome.${e.outcome}`)}
                  {e.followUp ? ` — ${e.followUp}` : ""}
                  {fileHref?.(e) ? (
                    <>
                      <br />
                      <a href={fileHref(e)!} className="no-print">
                        {t("reception.assisted.fromVisit")}
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
