import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateText } from "~/components/case-parts";
import { FilterSelect } from "~/components/form";
import { forwardHeaders, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { publicSchedule } from "~/services/reception/schedule.server";

export const meta = pageMeta("title.reception");
export const headers = forwardHeaders;

/** Every unit's coming sessions and weekly schedule; nothing about who booked. */
export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const unit = new URL(request.url).searchParams.get("xa")?.slice(0, 60) || undefined;
  return json(await publicSchedule(unit));
});

export default function ReceptionSchedule() {
  const { unit, units, sessions, rules } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("reception.title")}</h1>
      <p className="lead">{t("reception.intro")}</p>
      <p className="hint">{t("reception.duty")}</p>
      <Form method="get" className="filter-form">
        <FilterSelect name="xa" id="r-xa" label={t("reception.unit")} value={unit ?? undefined} options={units.map((u) => [u.id, u.name])} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t("inbox.apply")}
          </button>
        </div>
      </Form>
      <h2>{t("reception.upcoming")}</h2>
      {sessions.length === 0 ? (
        <p>{t("reception.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="cases">
            <thead>
              <tr>
                <th scope="col">{t("reception.date")}</th>
                <th scope="col">{t("reception.unit")}</th>
                <th scope="col">{t("reception.receiver")}</th>
                <th scope="col">{t("reception.place")}</th>
                <th scope="col">{t("reception.places")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <DateText date={s.date} />
                    <br />
                    {t("reception.timeRange", s.startTime, s.endTime)}
                  </th>
                  <td>{s.communeName}</td>
                  <td>
                    {s.receiverName}
                    <br />
                    <span className="hint">{t(`reception.role.${s.receiverRole}`)}</span>
                  </td>
                  <td>{s.mode === "online" ? t("reception.mode.online") : s.place}</td>
                  <td>
                    {s.status === "cancelled" ? (
                      s.cancelReason ? (
                        t("reception.cancelledBecause", s.cancelReason)
                      ) : (
                        t("reception.sessionStatus.cancelled")
                      )
                    ) : s.placesLeft > 0 ? (
                      <Link to={`/tiep-cong-dan/phien/${s.id}`}>
                        {t("reception.book")} ({s.placesLeft})
                      </Link>
                    ) : (
                      t("reception.full")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("reception.weekly")}</h2>
      {rules.length === 0 ? (
        <p>{t("reception.noWeekly")}</p>
      ) : (
        <ul>
          {rules.map((r) => (
            <li key={r.id}>
              <strong>{r.communeName}</strong>: {t(`reception.weekday.${r.weekday}` as "reception.weekday.1")},{" "}
              {t("reception.timeRange", r.startTime, r.endTime)} — {r.receiverName} ({t(`reception.role.${r.receiverRole}`)}),{" "}
              {r.mode === "online" ? t("reception.mode.online") : r.place}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t("reception.online.note")}</p>
    </>
  );
}
