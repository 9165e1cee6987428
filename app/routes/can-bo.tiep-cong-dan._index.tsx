import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateText } from "~/components/case-parts";
import { CsrfField, ErrorSummary, FilterSelect, FoldedAction, SelectField, TextField, useTranslatedErrors } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { formatDate } from "~/domain/dates";
import { RECEIVER_ROLES, RULE_WEEKDAYS, SESSION_MODES } from "~/domain/reception";
import { NO_STORE, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import type { FormValues } from "~/services/platform/forms.server";
import { rejectionInfo } from "~/services/platform/responses.server";
import { submitSchedule } from "~/services/reception/forms.server";
import { dutyBoard, staffSchedule } from "~/services/reception/schedule.server";
import { groupCases } from "~/services/reception/dialogues.server";
import { staffHeader } from "~/services/staff/context.server";
import { requireStaff } from "~/services/staff/sessions.server";

export const meta = pageMeta("title.staff.reception", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  const unit = new URL(request.url).searchParams.get("xa")?.slice(0, 60) || undefined;
  return json(
    {
      staff: await staffHeader(session),
      schedule: await staffSchedule(session.user, unit),
      board: await dutyBoard(session.user),
      groups: await groupCases(session.user),
    },
    { headers: NO_STORE },
  );
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const outcome = await submitSchedule(request, session.user);
  if (outcome.outcome === "done") return json({ done: true, values: {} as FormValues, errors: {} as Record<string, string> });
  if (outcome.outcome === "invalid") return json({ done: false, values: outcome.values, errors: outcome.errors }, { status: 400 });
  const { key, init } = rejectionInfo(outcome);
  return json({ done: false, values: outcome.values ?? {}, errors: { form: key } as Record<string, string> }, init);
});

function SessionDetailsFields({
  units,
  values,
  errors,
  prefix,
}: {
  units: { id: string; name: string }[];
  values: FormValues;
  errors: Record<string, string | undefined>;
  prefix: string;
}) {
  const t = useT();
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <SelectField id={id("communeId")} name="communeId" label={t("reception.staff.unit")} required error={errors.communeId} defaultValue={values.communeId}>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id={id("startTime")}
        name="startTime"
        type="time"
        label={t("reception.staff.startTime")}
        required
        error={errors.startTime}
        defaultValue={values.startTime ?? "07:30"}
      />
      <TextField
        id={id("endTime")}
        name="endTime"
        type="time"
        label={t("reception.staff.endTime")}
        required
        error={errors.endTime}
        defaultValue={values.endTime ?? "11:00"}
      />
      <SelectField
        id={id("receiverRole")}
        name="receiverRole"
        label={t("reception.staff.receiverRole")}
        required
        error={errors.receiverRole}
        defaultValue={values.receiverRole}
      >
        {RECEIVER_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`reception.role.${r}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={id("receiverName")}
        name="receiverName"
        label={t("reception.staff.receiverName")}
        required
        maxLength={120}
        error={errors.receiverName}
        defaultValue={values.receiverName}
      />
      <TextField id={id("place")} name="place" label={t("reception.place")} required maxLength={300} error={errors.place} defaultValue={values.place} />
      <SelectField id={id("mode")} name="mode" label={t("reception.mode")} required error={errors.mode} defaultValue={values.mode}>
        {SESSION_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`reception.mode.${m}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={id("meetingUrl")}
        name="meetingUrl"
        type="url"
        label={t("reception.staff.meetingUrl")}
        maxLength={500}
        error={errors.meetingUrl}
        defaultValue={values.meetingUrl}
      />
      <TextField
        id={id("capacity")}
        name="capacity"
        inputMode="numeric"
        label={t("reception.staff.capacity")}
        required
        error={errors.capacity}
        defaultValue={values.capacity ?? "10"}
      />
    </>
  );
}

export default function StaffReception() {
  const { staff, schedule, board, groups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors);
  const values: FormValues = result?.values ?? {};
  const intent = values.intent;
  const prefix = intent === "addRule" ? "rule" : intent === "addSession" ? "one" : null;
  const anchors = prefix ? Object.fromEntries(Object.keys(errors).map((k) => [k, `${prefix}-${k}`])) : {};
  return (
    <StaffPage staff={staff} title={t("reception.staff.title")}>
      <p>{t("reception.staff.intro")}</p>
      {result?.done ? <p role="status">{t("reception.staff.saved")}</p> : null}
      <ErrorSummary
        errors={errors}
        order={[
          "form",
          "communeId",
          "weekday",
          "date",
          "validFrom",
          "startTime",
          "endTime",
          "receiverRole",
          "receiverName",
          "place",
          "mode",
          "meetingUrl",
          "capacity",
          "reason",
        ]}
        anchors={anchors}
      />
      {board ? (
        <section aria-labelledby="duty-board">
          <h2 id="duty-board">{t("reception.board.title")}</h2>
          <p>{t("reception.board.intro", formatDate(board.from), formatDate(board.to))}</p>
          {board.rows.length === 0 ? (
            <p>{t("reception.board.ok")}</p>
          ) : (
            <div className="table-wrap">
              <table className="cases">
                <thead>
                  <tr>
                    <th scope="col">{t("reception.unit")}</th>
                    <th scope="col">{t("reception.board.period")}</th>
                    <th scope="col">{t("reception.board.required")}</th>
                    <th scope="col">{t("reception.board.held")}</th>
                    <th scope="col">{t("reception.board.source")}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.rows.flatMap((row) =>
                    row.periods.map((p, i) => (
                      <tr key={`${row.communeId}-${p.from}`} className="row--overdue">
                        {i === 0 ? (
                          <th scope="row" rowSpan={row.periods.length}>
                            <Link to={`?xa=${row.communeId}`}>{row.communeName}</Link>
                          </th>
                        ) : null}
                        <td>
                          <DateText date={p.from} /> – <DateText date={p.to} />
                        </td>
                        <td>{p.required}</td>
                        <td>{p.held}</td>
                        <td>{p.source}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      {groups ? (
        <section aria-labelledby="group-cases">
          <h2 id="group-cases">{t("reception.group.list")}</h2>
          {groups.length === 0 ? (
            <p>{t("reception.group.none")}</p>
          ) : (
            <ul>
              {groups.map((g) => (
                <li key={g.code}>
                  <Link to={`/can-bo/tiep-cong-dan/ho-so/${g.code}`}>{g.code}</Link> — {g.communeName}: {g.title} ({t("reception.group.isGroup", g.people)},{" "}
                  {t(`status.${g.status}`)})
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {schedule.units.length === 0 ? (
        <p>{t("reception.staff.noUnits")}</p>
      ) : (
        <>
          {schedule.units.length > 1 ? (
            <Form method="get" className="filter-form">
              <FilterSelect
                name="xa"
                id="s-xa"
                label={t("reception.staff.unit")}
                value={schedule.unit ?? undefined}
                options={schedule.units.map((u) => [u.id, u.name])}
              />
              <div className="actions">
                <button type="submit" className="button">
                  {t("reception.staff.show")}
                </button>
              </div>
            </Form>
          ) : null}
          <p>
            <Link to="/can-bo/tiep-cong-dan/nop-ho-so">{t("reception.assisted.title")}</Link>
          </p>
          <h2>{t("reception.staff.sessions")}</h2>
          {schedule.sessions.length === 0 ? (
            <p>{t("reception.none")}</p>
          ) : (
            <div className="table-wrap">
              <table className="cases">
                <thead>
                  <tr>
                    <th scope="col">{t("reception.date")}</th>
                    <th scope="col">{t("reception.unit")}</th>
                    <th scope="col">{t("reception.receiver")}</th>
                    <th scope="col">{t("reception.staff.booked")}</th>
                    <th scope="col">{t("reception.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {schedule.sessions.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={`/can-bo/tiep-cong-dan/phien/${s.id}`}>
                          <DateText date={s.date} /> {t("reception.timeRange", s.startTime, s.endTime)}
                        </Link>
                      </th>
                      <td>{s.communeName}</td>
                      <td>
                        {s.receiverName} ({t(`reception.role.${s.receiverRole}`)}) · {t(`reception.mode.${s.mode}`)}
                      </td>
                      <td>
                        {s.booked}/{s.capacity}
                      </td>
                      <td>
                        {s.status === "cancelled" ? (
                          t("reception.sessionStatus.cancelled")
                        ) : s.date >= schedule.today ? (
                          <FoldedAction label={t("reception.staff.cancel")} intent="cancelSession" record={{ sessionId: s.id }}>
                            <TextField id={`reason-${s.id}`} name="reason" label={t("reception.staff.cancelReason")} required maxLength={300} />
                          </FoldedAction>
                        ) : (
                          t("reception.sessionStatus.scheduled")
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{t("reception.staff.rules")}</h2>
          {schedule.rules.length === 0 ? (
            <p>{t("reception.noWeekly")}</p>
          ) : (
            <ul>
              {schedule.rules.map((r) => (
                <li key={r.id}>
                  <strong>{r.communeName}</strong>: {t(`reception.weekday.${r.weekday}` as "reception.weekday.1")},{" "}
                  {t("reception.timeRange", r.startTime, r.endTime)} — {r.receiverName} ({t(`reception.role.${r.receiverRole}`)})
                  <FoldedAction label={t("reception.staff.endRule")} intent="endRule" record={{ ruleId: r.id }}>
                    <TextField id={`last-${r.id}`} name="lastDate" type="date" label={t("reception.staff.lastDate")} required defaultValue={schedule.today} />
                  </FoldedAction>
                </li>
              ))}
            </ul>
          )}
          <details className="action" open={intent === "addRule"}>
            <summary>{t("reception.staff.addRule")}</summary>
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="addRule" />
              <SelectField
                id="rule-weekday"
                name="weekday"
                label={t("reception.staff.weekday")}
                required
                error={intent === "addRule" ? errors.weekday : undefined}
                defaultValue={values.weekday ?? "4"}
              >
                {RULE_WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`reception.weekday.${d}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="rule-validFrom"
                name="validFrom"
                type="date"
                label={t("reception.staff.validFrom")}
                required
                defaultValue={values.validFrom ?? schedule.today}
              />
              <SessionDetailsFields
                units={schedule.units}
                values={intent === "addRule" ? values : {}}
                errors={intent === "addRule" ? errors : {}}
                prefix="rule"
              />
              <button type="submit" className="button button--primary">
                {t("reception.staff.save")}
              </button>
            </Form>
          </details>
          <details className="action" open={intent === "addSession"}>
            <summary>{t("reception.staff.addSession")}</summary>
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="addSession" />
              <TextField
                id="one-date"
                name="date"
                type="date"
                label={t("reception.date")}
                required
                error={intent === "addSession" ? errors.date : undefined}
                defaultValue={values.date}
              />
              <SessionDetailsFields
                units={schedule.units}
                values={intent === "addSession" ? values : {}}
                errors={intent === "addSession" ? errors : {}}
                prefix="one"
              />
              <button type="submit" className="button button--primary">
                {t("reception.staff.save")}
              </button>
            </Form>
          </details>
        </>
      )}
      <p>
        <Link to={`/can-bo/tiep-cong-dan/so${schedule.unit ? `?xa=${schedule.unit}` : ""}`}>{t("reception.log.period")}</Link>
      </p>
    </StaffPage>
  );
}
