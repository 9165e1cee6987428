import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { vnDate } from "~/domain/dates";
import { useT } from "~/i18n/use-t";
import { homeFigures } from "~/services/transparency/statistics.server";
import { latestDisclosures } from "~/services/disclosures/reading.server";
import { reference, selectableCommunes } from "~/services/reference/reference.server";
import { guard } from "~/http";
import { nextSessions } from "~/services/reception/schedule.server";
import { DateText } from "~/components/case-parts";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.home.full", { description: (t) => t("meta.home.description") });

export const loader = guard(async () => {
  const figures = await homeFigures();
  return json({
    figures: { ...figures, communes: selectableCommunes(await reference(), vnDate(new Date())).length },
    disclosures: await latestDisclosures(3),
    sessions: await nextSessions(),
  });
});

export default function Home() {
  const { figures, disclosures, sessions } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
        <div className="actions">
          <Link to="/gui-phan-anh" className="button button--primary">
            {t("home.file")}
          </Link>
          <Link to="/tra-cuu" className="button">
            {t("home.lookup")}
          </Link>
        </div>
      </section>
      <section aria-labelledby="how">
        <h2 id="how">{t("home.how")}</h2>
        <ol className="steps">
          <li>{t("home.how.1")}</li>
          <li>{t("home.how.2")}</li>
          <li>{t("home.how.3")}</li>
        </ol>
      </section>
      <section aria-labelledby="latest-disclosures">
        <h2 id="latest-disclosures">{t("home.disclosures")}</h2>
        {disclosures.length ? (
          <ul className="plain-list">
            {disclosures.map((d) => (
              <li key={d.slug}>
                <Link to={`/cong-khai/${d.slug}`}>{d.title}</Link>
                <span className="hint">
                  {" "}
                  — {t(`dtype.${d.typeCode}`)} · {d.communeName} · {t(d.statusLabel)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("disclosure.empty")}</p>
        )}
        <p>
          <Link to="/cong-khai">{t("home.disclosures.all")}</Link>
        </p>
      </section>
      <section aria-labelledby="next-receptions">
        <h2 id="next-receptions">{t("reception.home")}</h2>
        {sessions.length ? (
          <ul className="plain-list">
            {sessions.map((s) => (
              <li key={s.id}>
                <DateText date={s.date} /> {t("reception.timeRange", s.startTime, s.endTime)} — {s.communeName}: {s.receiverName} (
                {t(`reception.role.${s.receiverRole}`)})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("reception.none")}</p>
        )}
        <p>
          <Link to="/tiep-cong-dan">{t("reception.home.all")}</Link>
        </p>
      </section>
      <section aria-labelledby="figures">
        <h2 id="figures">{t("home.figures")}</h2>
        <dl className="figures">
          {(
            [
              ["home.figures.received", figures.received],
              ["home.figures.open", figures.open],
              ["home.figures.answered", figures.answered],
              ["home.figures.communes", figures.communes],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>{value.toLocaleString("vi-VN")}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
