import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { FigureTable } from "~/components/figure-table";
import { ReceptionFiguresTable } from "~/components/report-figures";
import { formatDate } from "~/domain/dates";
import { onTimeShare } from "~/domain/figures";
import { readPeriod } from "~/domain/period";
import { useT } from "~/i18n/use-t";
import { defaultPeriod } from "~/domain/period";
import { statistics } from "~/services/transparency/statistics.server";
import { receptionFigures } from "~/services/reception/figures.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.statistics");

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const period = readPeriod(new URL(request.url), defaultPeriod());
  return json({
    period,
    byCommune: await statistics(period, "commune"),
    byCategory: await statistics(period, "category"),
    // Counts and unit names only: nothing here names a person.
    reception: await receptionFigures(period.from, period.to),
  });
});

export default function Statistics() {
  const { period, byCommune, byCategory, reception } = useLoaderData<typeof loader>();
  const t = useT();
  const from = formatDate(period.from);
  const to = formatDate(period.to);
  const query = new URLSearchParams({ tu: period.from, den: period.to });
  return (
    <>
      <h1>{t("stats.title")}</h1>
      <p>{t("stats.intro")}</p>
      <p className="hint">{t("stats.credit.note")}</p>
      {period.invalid ? <p className="notice notice--warning">{t("stats.period.invalid")}</p> : null}
      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="s-from">{t("stats.from")}</label>
          <input id="s-from" name="tu" type="date" defaultValue={period.from} />
        </div>
        <div className="field">
          <label htmlFor="s-to">{t("stats.to")}</label>
          <input id="s-to" name="den" type="date" defaultValue={period.to} />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t("stats.show")}
          </button>
          <a href={`/thong-ke/csv?${query}`} download>
            {t("stats.csv")}
          </a>
        </div>
      </Form>

      <section aria-labelledby="by-commune">
        <h2 id="by-commune">{t("stats.byCommune")}</h2>
        <BarChart
          id="chart-communes"
          title={t("stats.chart.communes", from, to)}
          description={t("stats.chart.communes.desc")}
          series={[
            { name: t("stats.received"), className: "bar-received" },
            { name: t("stats.answered"), className: "bar-answered" },
          ]}
          rows={byCommune.rows
            .filter((r) => r.received > 0 || r.key !== "huyen-xuan-truong")
            .map((r) => ({ label: r.label, values: [r.received, r.answered] }))}
        />
        <FigureTable rows={byCommune.rows} total={byCommune.total} first={t("stats.unit")} label={(r) => r.label} />
      </section>

      <section aria-labelledby="by-category">
        <h2 id="by-category">{t("stats.byCategory")}</h2>
        <BarChart
          id="chart-on-time"
          title={t("stats.chart.onTime", from, to)}
          description={t("stats.chart.onTime.desc")}
          series={[{ name: t("stats.answeredOnTime"), className: "bar-on-time" }]}
          rows={byCategory.rows.map((r) => ({ label: t(`category.${r.key}`), values: [onTimeShare(r.answered, r.answeredOnTime)] }))}
          format={(v) => `${v}%`}
          max={100}
        />
        <FigureTable rows={byCategory.rows} total={byCategory.total} first={t("stats.category")} label={(r) => t(`category.${r.key}`)} />
      </section>

      <section aria-labelledby="reception">
        <h2 id="reception">{t("reception.figures.title")}</h2>
        <p className="hint">{t("reception.figures.intro")}</p>
        <ReceptionFiguresTable figures={reception} />
      </section>
    </>
  );
}
