import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateText } from "~/components/case-parts";
import { CsrfField, ErrorSummary, FoldedAction, SelectField, TextArea, TextField, useTranslatedErrors } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { SessionFacts } from "~/components/reception";
import { StaffPage } from "~/components/staff-page";
import { CASE_KINDS } from "~/domain/filing";
import { VISIT_OUTCOMES } from "~/domain/reception";
import { VISITOR_SLOTS } from "~/domain/reception-forms";
import { NO_STORE, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import type { FormValues } from "~/services/platform/forms.server";
import { rejectionInfo } from "~/services/platform/responses.server";
import { submitBookingDecision, submitVisit } from "~/services/reception/forms.server";
import { sessionPage } from "~/services/reception/pages.server";
import { staffHeader } from "~/services/staff/context.server";
import { requireStaff } from "~/services/staff/sessions.server";
import { LogTable } from "~/components/reception-log";

export const meta = pageMeta("title.staff.reception.session", { noindex: true });

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  return json({ staff: await staffHeader(session), page: await sessionPage(session.user, Number(params.id)) }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

/** Two kinds of post: a decision on a booking (intent confirm/move/refuse), or a visit recorded in the log (?ghi). */
export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const visit = new URL(request.url).searchParams.has("ghi");
  const outcome = visit ? await submitVisit(request, session.user, Number(params.id)) : await submitBookingDecision(request, session.user);
  if (outcome.outcome === "logged" || outcome.outcome === "done")
    return json({ form: visit ? "visit" : "booking", done: true, values: {} as FormValues, errors: {} as Record<string, string> });
  if (outcome.outcome === "invalid")
    return json({ form: visit ? "visit" : "booking", done: false, values: outcome.values, errors: outcome.errors }, { status: 400 });
  const { key, init } = rejectionInfo(outcome);
  return json({ form: visit ? "visit" : "booking", done: false, values: outcome.values ?? {}, errors: { form: key } as Record<string, string> }, init);
});

const VISIT_ORDER = [
  "form",
  "bookingId",
  "kind",
  "people",
  ...Array.from({ length: VISITOR_SLOTS }, (_, i) => [`name${i + 1}`, `address${i + 1}`, `idNumber${i + 1}`]).flat(),
  "content",
  "handledBefore",
  "outcome",
  "outcomeBody",
  "outcomeDocument",
  "outcomeReason",
  "caseCode",
  "followUp",
];

export default function StaffReceptionSession() {
  const { staff, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors);
  const values: FormValues = result?.form === "visit" ? (result.values ?? {}) : {};
  const visitErrors = result?.form === "visit" ? errors : {};
  const { session, log, bookings, moveTargets, canManage } = page;
  return (
    <StaffPage staff={staff} title={t("reception.session.title")}>
      {result?.done ? <p role="status">{result.form === "visit" ? t("reception.log.logged") : t("reception.staff.saved")}</p> : null}
      {result?.form === "booking" && !result.done ? <ErrorSummary errors={errors} order={["form", "reason", "toSessionId"]} /> : null}
      <SessionFacts s={session} />
      {canManage ? (
        <section aria-labelledby="bookings">
          <h2 id="bookings">{t("reception.bookings")}</h2>
          {bookings.length === 0 ? (
            <p>{t("reception.bookings.none")}</p>
          ) : (
            <div className="table-wrap">
              <table className="cases">
                <thead>
                  <tr>
                    <th scope="col">{t("reception.booking.code")}</th>
                    <th scope="col">{t("reception.bookings.who")}</th>
                    <th scope="col">{t("reception.bookings.matter")}</th>
                    <th scope="col">{t("reception.booking.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {bookings.map((b) => (
                    <tr key={b.id}>
                      <th scope="row">{b.code}</th>
                      <td>
                        {b.name}
                        <br />
                        {b.phone}
                        {b.email ? (
                          <>
                            <br />
                            {b.email}
                          </>
                        ) : null}
                        <br />
                        {t("reception.booking.people")}: {b.people}
                      </td>
                      <td className="prewrap">
                        {b.matter}
                        {b.caseCode ? (
                          <>
                            <br />
                            <Link to={`/can-bo/ho-so/${b.caseCode}`}>{b.caseCode}</Link>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {t(`reception.booking.status.${b.status}`)}
                        {b.status === "requested" || b.status === "confirmed" ? (
                          <>
                            {b.status === "requested" ? (
                              <Form method="post">
                                <CsrfField />
                                <input type="hidden" name="intent" value="confirm" />
                                <input type="hidden" name="bookingId" value={b.id} />
                                <button type="submit" className="button">
                                  {t("reception.bookings.confirm")}
                                </button>
                              </Form>
                            ) : null}
                            {moveTargets.length ? (
                              <FoldedAction
                                label={t("reception.bookings.move")}
                                submitLabel={t("reception.bookings.moveSubmit")}
                                intent="move"
                                record={{ bookingId: b.id }}
                              >
                                <SelectField id={`move-${b.id}`} name="toSessionId" label={t("reception.bookings.move")} required>
                                  {moveTargets.map((s) => (
                                    <option key={s.id} value={s.id}>
                                      {formatDate(s.date)} {t("reception.timeRange", s.startTime, s.endTime)}
                                    </option>
                                  ))}
                                </SelectField>
                              </FoldedAction>
                            ) : null}
                            <FoldedAction label={t("reception.bookings.refuse")} intent="refuse" record={{ bookingId: b.id }}>
                              <TextField id={`refuse-${b.id}`} name="reason" label={t("reception.bookings.reason")} required maxLength={500} />
                            </FoldedAction>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      <section aria-labelledby="log">
        <h2 id="log">{t("reception.log.title")}</h2>
        {log.length === 0 ? (
          <p>{t("reception.log.empty")}</p>
        ) : (
          <LogTable
            log={log}
            hidden={!page.seesIdentity}
            fileHref={canManage ? (e) => (e.outcome === "new_case" && !e.caseCode ? `/can-bo/tiep-cong-dan/nop-ho-so?luot=${e.id}` : null) : undefined}
          />
        )}
        <p className="no-print">
          <Link to={`/can-bo/tiep-cong-dan/so?xa=${session.communeId}&tu=${session.date}&den=${session.date}`}>{t("reception.log.print")}</Link>
        </p>
      </section>
      {canManage && session.status === "scheduled" ? (
        <section aria-labelledby="add-visit" className="no-print">
          <h2 id="add-visit">{t("reception.log.add")}</h2>
          <ErrorSummary errors={visitErrors} order={VISIT_ORDER} />
          <Form method="post" action="?ghi" noValidate>
            <CsrfField />
            <SelectField name="bookingId" label={t("reception.log.booking")} error={visitErrors.bookingId} defaultValue={values.bookingId}>
              <option value="">{t("reception.log.walkIn")}</option>
              {bookings
                .filter((b) => b.status === "requested" || b.status === "confirmed")
                .map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.code} — {b.name}
                  </option>
                ))}
            </SelectField>
            <SelectField name="kind" label={t("reception.log.kind")} required error={visitErrors.kind} defaultValue={values.kind}>
              {CASE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              name="people"
              label={t("reception.log.people")}
              hint={t("reception.book.people.hint")}
              inputMode="numeric"
              required
              maxLength={6}
              error={visitErrors.people}
              defaultValue={values.people ?? "1"}
            />
            {Array.from({ length: VISITOR_SLOTS }, (_, i) => i + 1).map((n) => (
              <fieldset key={n} className="fieldset">
                <legend>{t("reception.log.person", n)}</legend>
                <TextField
                  name={`name${n}`}
                  label={t("reception.log.name")}
                  required={n === 1}
                  maxLength={100}
                  error={visitErrors[`name${n}`]}
                  defaultValue={values[`name${n}`]}
                />
                <TextField
                  name={`address${n}`}
                  label={t("reception.log.address")}
                  required={n === 1}
                  maxLength={300}
                  error={visitErrors[`address${n}`]}
                  defaultValue={values[`address${n}`]}
                />
                <TextField
                  name={`idNumber${n}`}
                  label={t("reception.log.idNumber")}
                  maxLength={20}
                  inputMode="numeric"
                  error={visitErrors[`idNumber${n}`]}
                  defaultValue={values[`idNumber${n}`]}
                />
              </fieldset>
            ))}
            <TextArea
              name="content"
              label={t("reception.log.content")}
              required
              rows={4}
              maxLength={5000}
              error={visitErrors.content}
              defaultValue={values.content}
            />
            <TextField
              name="handledBefore"
              label={t("reception.log.handledBefore")}
              maxLength={300}
              error={visitErrors.handledBefore}
              defaultValue={values.handledBefore}
            />
            <SelectField name="outcome" label={t("reception.log.outcome")} required error={visitErrors.outcome} defaultValue={values.outcome}>
              {VISIT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`reception.outcome.${o}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              name="outcomeBody"
              label={t("reception.log.outcomeBody")}
              maxLength={300}
              error={visitErrors.outcomeBody}
              defaultValue={values.outcomeBody}
            />
            <TextField
              name="outcomeDocument"
              label={t("reception.log.outcomeDocument")}
              maxLength={100}
              error={visitErrors.outcomeDocument}
              defaultValue={values.outcomeDocument}
            />
            <TextField
              name="outcomeReason"
              label={t("reception.log.outcomeReason")}
              maxLength={500}
              error={visitErrors.outcomeReason}
              defaultValue={values.outcomeReason}
            />
            <TextField name="caseCode" label={t("reception.log.caseCode")} maxLength={20} error={visitErrors.caseCode} defaultValue={values.caseCode} />
            <TextField name="followUp" label={t("reception.log.followUp")} maxLength={500} error={visitErrors.followUp} defaultValue={values.followUp} />
            <button type="submit" className="button button--primary">
              {t("reception.log.save")}
            </button>
          </Form>
        </section>
      ) : null}
      <p className="no-print">
        <Link to="/can-bo/tiep-cong-dan">{t("reception.staff.title")}</Link> · <DateText date={session.date} />
      </p>
    </StaffPage>
  );
}
