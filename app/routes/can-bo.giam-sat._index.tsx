import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateText } from "~/components/case-parts";
import { CsrfField, ErrorSummary, RadioGroup, TextArea, TextField, useTranslatedErrors } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { SUBJECT_KINDS } from "~/domain/supervision";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/services/staff/sessions.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";
import { isSupervisor, recommendationBoard, staffSupervisions } from "~/services/supervision/supervision.server";
import { submitOpenSupervision } from "~/services/supervision/forms.server";
import type { RequestContext } from "~/services/platform/request.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("supervision.staff.title", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  return json(
    {
      staff: await staffHeader(session),
      board: await recommendationBoard(session.user),
      list: await staffSupervisions(session.user),
      mayOpen: isSupervisor(session.user),
    },
    { headers: NO_STORE },
  );
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const outcome = await submitOpenSupervision(request, context as RequestContext, session.user);
  if (outcome.outcome === "done") return redirect(`/can-bo/giam-sat/${outcome.id}`, 303);
  if (outcome.outcome === "invalid") return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
  return rejectionResponse(outcome, {});
});

const FIELDS = ["title", "subjectKind", "caseCodes", "disclosureId", "subjectText", "periodFrom", "periodTo", "members", "findings"];

export default function StaffSupervisions() {
  const { staff, board, list, mayOpen } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result && "errors" in result ? (result.errors as Record<string, string>) : undefined);
  const values = (result && "values" in result ? result.values : {}) as Record<string, string>;
  return (
    <StaffPage staff={staff} title={t("supervision.staff.title")}>
      <p>{t("supervision.staff.intro")}</p>
      <section aria-labelledby="rec-board">
        <h2 id="rec-board">{t("supervision.board.title")}</h2>
        {board.length === 0 ? (
          <p>{t("supervision.board.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="cases">
              <thead>
                <tr>
                  <th scope="col">{t("board.unit")}</th>
                  <th scope="col">{t("supervision.column.overdue")}</th>
                  <th scope="col">{t("supervision.column.open")}</th>
                  <th scope="col">{t("supervision.column.answered")}</th>
                  <th scope="col">{t("supervision.column.settled")}</th>
                  <th scope="col">{t("supervision.column.not_settled")}</th>
                  <th scope="col">{t("supervision.column.late")}</th>
                </tr>
              </thead>
              <tbody>
                {board.map((row) => (
                  <tr key={row.unitId} className={row.overdue ? "row--overdue" : undefined}>
                    <th scope="row">{row.unitName}</th>
                    <td>{row.overdue}</td>
                    <td>{row.open}</td>
                    <td>{row.answered}</td>
                    <td>{row.settled}</td>
                    <td>{row.notSettled}</td>
                    <td>{row.late}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="sup-list">
        <h2 id="sup-list">{t("supervision.list.title")}</h2>
        {list.length === 0 ? (
          <p>{t("supervision.list.empty")}</p>
        ) : (
          <ul className="plain-list">
            {list.map((s) => (
              <li key={s.id}>
                <Link to={`/can-bo/giam-sat/${s.id}`}>{s.title}</Link> — {s.supervisorUnit}, <DateText date={s.periodFrom} /> – <DateText date={s.periodTo} />.{" "}
                {t("supervision.list.counts", s.recommendations, s.overdue)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {mayOpen ? (
        <details className="action" open={!!result}>
          <summary>{t("supervision.open.title")}</summary>
          <ErrorSummary errors={errors} order={FIELDS} />
          <Form method="post" noValidate>
            <CsrfField />
            <TextField name="title" label={t("supervision.field.title")} required error={errors.title} defaultValue={values.title} />
            <RadioGroup
              name="subjectKind"
              legend={t("supervision.field.subjectKind")}
              required
              error={errors.subjectKind}
              value={values.subjectKind}
              choices={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`supervision.subject.${k}`) }))}
            />
            <TextArea
              name="caseCodes"
              label={t("supervision.field.caseCodes")}
              hint={t("supervision.field.caseCodes.hint")}
              rows={2}
              error={errors.caseCodes}
              defaultValue={values.caseCodes}
            />
            <TextField
              name="disclosureId"
              label={t("supervision.field.disclosureId")}
              hint={t("supervision.field.disclosureId.hint")}
              inputMode="numeric"
              error={errors.disclosureId}
              defaultValue={values.disclosureId}
            />
            <TextArea
              name="subjectText"
              label={t("supervision.field.subjectText")}
              hint={t("supervision.field.subjectText.hint")}
              rows={3}
              error={errors.subjectText}
              defaultValue={values.subjectText}
            />
            <TextField
              name="periodFrom"
              type="date"
              label={t("supervision.field.periodFrom")}
              required
              error={errors.periodFrom}
              defaultValue={values.periodFrom}
            />
            <TextField name="periodTo" type="date" label={t("supervision.field.periodTo")} required error={errors.periodTo} defaultValue={values.periodTo} />
            <TextArea
              name="members"
              label={t("supervision.field.members")}
              hint={t("supervision.field.members.hint")}
              required
              rows={3}
              error={errors.members}
              defaultValue={values.members}
            />
            <TextArea name="findings" label={t("supervision.field.findings")} rows={6} error={errors.findings} defaultValue={values.findings} />
            <button type="submit" className="button button--primary">
              {t("supervision.open.submit")}
            </button>
          </Form>
        </details>
      ) : null}
    </StaffPage>
  );
}
