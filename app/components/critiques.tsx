// The Fatherland Front's critiques of a draft (phản biện xã hội) and the unit's answers, on the public disclosure page.
import { formatDateTime } from "~/domain/dates";
import { useT } from "~/i18n/use-t";

export interface PublicCritique {
  id: number;
  supervisor: string;
  body: string;
  filedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export function Critiques({ critiques }: { critiques: PublicCritique[] }) {
  const t = useT();
  if (!critiques.length) return null;
  return (
    <section aria-labelledby="critiques">
      <h2 id="critiques">{t("supervision.critique.public.title")}</h2>
      {critiques.map((c) => (
        <div key={c.id} className="panel">
          <p className="hint">{t("supervision.critique.public.by", c.supervisor, formatDateTime(c.filedAt))}</p>
          <p className="prewrap">{c.body}</p>
          <h3>{t("supervision.critique.answer")}</h3>
          {c.answer ? (
            <>
              {c.answeredAt ? <p className="hint">{formatDateTime(c.answeredAt)}</p> : null}
              <p className="prewrap">{c.answer}</p>
            </>
          ) : (
            <p>{t("supervision.critique.public.waiting")}</p>
          )}
        </div>
      ))}
    </section>
  );
}
