import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateText } from "~/components/case-parts";
import { formatDate } from "~/domain/dates";
import { forwardHeaders, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { publicSupervisions } from "~/services/supervision/public.server";

export const meta = pageMeta("supervision.public.title", { description: (t) => t("supervision.public.intro") });
export const headers = forwardHeaders;

export const loader = guard(async () => json({ supervisions: await publicSupervisions() }));

export default function PublicSupervisions() {
  const { supervisions } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("supervision.public.title")}</h1>
      <p className="lead">{t("supervision.public.intro")}</p>
      {supervisions.length === 0 ? <p>{t("supervision.public.empty")}</p> : null}
      {supervisions.map((s) => (
        <section key={s.id} className="panel" aria-labelledby={`sup-${s.id}`}>
          <h2 id={`sup-${s.id}`}>{s.title}</h2>
          <p>
            {s.supervisorUnit} — {t(`supervision.subject.${s.subjectKind}`)}
            {s.caseCount ? ` (${t("supervision.public.cases", s.caseCount)})` : ""}
            {s.disclosure ? (
              <>
                {": "}
                <Link to={`/cong-khai/${s.disclosure.slug}`}>{s.disclosure.title}</Link>
              </>
            ) : null}
            . {t("supervision.field.period")}: <DateText date={s.periodFrom} /> – <DateText date={s.periodTo} />.
          </p>
          {s.subjectText ? <p className="prewrap">{s.subjectText}</p> : null}
          {s.findings ? (
            <>
              <h3>{t("supervision.field.findings")}</h3>
              <p className="prewrap">{s.findings}</p>
            </>
          ) : null}
          {s.recommendations.length ? (
            <>
              <h3>{t("supervision.recs.title")}</h3>
              <ol>
                {s.recommendations.map((r) => (
                  <li key={r.id}>
                    <p>
                      <strong>{r.unitName}</strong>: <span className="prewrap">{r.body}</span>
                    </p>
                    <p>
                      {t("supervision.rec.due")} <DateText date={r.dueOn} />. {t("supervision.public.state")}:{" "}
                      <strong>{t(`supervision.column.${r.column}`)}</strong>
                      {r.late ? ` (${t("supervision.public.late")})` : ""}
                    </p>
                    {r.response ? (
                      <p>
                        {t("supervision.public.answer", r.answeredOn ? formatDate(r.answeredOn) : "")}{" "}
                        <strong>{t(`supervision.response.${r.response}`)}</strong>. <span className="prewrap">{r.responseReasons}</span>
                        {r.responsePlan ? (
                          <>
                            {" "}
                            {t("supervision.field.plan")}: <span className="prewrap">{r.responsePlan}</span>
                          </>
                        ) : null}
                      </p>
                    ) : null}
                    {r.settleNote ? <p className="prewrap">{t("supervision.rec.settleNote", r.settleNote)}</p> : null}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}
