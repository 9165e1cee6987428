// The full timeline of a case for officials: public and internal events, who did what, the files of each step.
import { DateTimeText } from "~/components/case-parts";
import { useT } from "~/i18n/use-t";
import { translateMessage } from "~/i18n";
import type { StaffCaseData } from "./types";

export function StaffTimeline({ events }: { events: StaffCaseData["events"] }) {
  const t = useT();
  const view = { events };
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t("staffCase.timeline")}</h2>
      <ol className="timeline">
        {view.events.map((e) => (
          <li key={e.id} className={e.visibility === "internal" ? "timeline--internal" : undefined}>
            <p className="timeline-head">
              <strong>{t(`event.${e.type}`)}</strong>
              {e.visibility === "internal" ? <span className="tag">{t("staffCase.internal")}</span> : null} — <DateTimeText instant={e.createdAt} />
              {e.actorName ? ` — ${t("staffCase.by", e.actorName)}` : ""}
            </p>
            {e.body ? <p className="prewrap">{e.body}</p> : null}
            {e.meta && typeof e.meta === "object" && "signedBy" in e.meta ? <p>{t("staffCase.signedBy", String(e.meta.signedBy))}</p> : null}
            {e.meta && typeof e.meta === "object" && "reason" in e.meta ? <p>{translateMessage(t, `refusal.${String(e.meta.reason)}`)}</p> : null}
            {e.attachments.length ? (
              <ul className="files">
                {e.attachments.map((f) => (
                  <li key={f.id}>
                    <a href={`/tep/${f.id}`}>{f.displayName}</a> ({Math.max(1, Math.round(f.sizeBytes / 1024))} KB)
                    {f.latitude !== null && f.longitude !== null ? (
                      <span className="hint-inline">{t("staffCase.location.gps", f.latitude.toFixed(5), f.longitude.toFixed(5))}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
