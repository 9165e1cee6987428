import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateTimeText } from "~/components/case-parts";
import { Checkbox, CsrfField, ErrorSummary, TextArea, TextField, useTranslatedErrors } from "~/components/form";
import { StaffPage } from "~/components/staff-page";
import { GROUP_RULE, isGroup } from "~/domain/reception";
import { NO_STORE, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import type { FormValues } from "~/services/platform/forms.server";
import { rejectionInfo } from "~/services/platform/responses.server";
import { caseReceptionPage } from "~/services/reception/dialogues.server";
import { submitDialogue, submitGroup } from "~/services/reception/forms.server";
import { staffHeader } from "~/services/staff/context.server";
import { requireStaff } from "~/services/staff/sessions.server";

export const meta = pageMeta("title.staff.reception.case", { noindex: true });

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  return json({ staff: await staffHeader(session), page: await caseReceptionPage(session.user, params.code ?? "") }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

/** The group form (?nhom) or a dialogue's schedule and minutes (intent). */
export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const session = await requireStaff(request);
  const group = new URL(request.url).searchParams.has("nhom");
  const code = params.code ?? "";
  const outcome = group ? await submitGroup(request, session.user, code) : await submitDialogue(request, session.user, code);
  const form = group ? "group" : "dialogue";
  if (outcome.outcome === "done") return json({ form, done: true, values: {} as FormValues, errors: {} as Record<string, string | undefined> });
  if (outcome.outcome === "invalid") return json({ form, done: false, values: outcome.values, errors: outcome.errors }, { status: 400 });
  const { key, init } = rejectionInfo(outcome);
  return json({ form, done: false, values: outcome.values ?? {}, errors: { form: key } as Record<string, string | undefined> }, init);
});

export default function CaseReception() {
  const { staff, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors);
  const values: FormValues = result?.values ?? {};
  const groupValues: FormValues =
    result?.form === "group"
      ? values
      : {
          people: page.group ? String(page.group.people) : "",
          coFilers: page.group?.coFilers ?? "",
          ...Object.fromEntries(
            page.representatives.flatMap((r, i) => [
              [`repName${i + 1}`, r.name],
              [`repPhone${i + 1}`, r.phone ?? ""],
              [`repEmail${i + 1}`, r.email ?? ""],
              [`repAddress${i + 1}`, r.address],
            ]),
          ),
        };
  const groupErrors = result?.form === "group" ? errors : {};
  const dialogueErrors = result?.form === "dialogue" ? errors : {};
  return (
    <StaffPage staff={staff} title={t("reception.case.title")}>
      <p>
        <Link to={`/can-bo/ho-so/${page.case.code}`}>{page.case.code}</Link> — {page.case.title} ({t(`kind.${page.case.kind}`)}, {page.case.communeName})
      </p>
      {result?.done ? <p role="status">{t("reception.staff.saved")}</p> : null}
      <section aria-labelledby="group">
        <h2 id="group">{t("reception.group.title")}</h2>
        {page.group && isGroup(page.group.people) ? <p className="notice">{t("reception.group.isGroup", page.group.people)}</p> : null}
        <ErrorSummary errors={groupErrors} order={["form", "people", "coFilers", "repName1"]} />
        <Form method="post" action="?nhom" noValidate>
          <CsrfField />
          <TextField
            name="people"
            label={t("reception.group.people")}
            hint={t("reception.book.people.hint")}
            inputMode="numeric"
            required
            maxLength={6}
            error={groupErrors.people}
            defaultValue={groupValues.people}
          />
          <TextArea
            name="coFilers"
            label={t("reception.group.coFilers")}
            rows={4}
            maxLength={5000}
            error={groupErrors.coFilers}
            defaultValue={groupValues.coFilers}
          />
          {Array.from({ length: GROUP_RULE.maxRepresentatives }, (_, i) => i + 1).map((n) => (
            <fieldset key={n} className="fieldset">
              <legend>{t("reception.group.rep", n)}</legend>
              <TextField
                name={`repName${n}`}
                label={t("reception.log.name")}
                maxLength={100}
                error={groupErrors[`repName${n}`]}
                defaultValue={groupValues[`repName${n}`]}
              />
              <TextField
                name={`repPhone${n}`}
                type="tel"
                label={t("reception.group.repPhone")}
                maxLength={20}
                error={groupErrors[`repPhone${n}`]}
                defaultValue={groupValues[`repPhone${n}`]}
              />
              <TextField
                name={`repEmail${n}`}
                type="email"
                label={t("reception.group.repEmail")}
                maxLength={254}
                error={groupErrors[`repEmail${n}`]}
                defaultValue={groupValues[`repEmail${n}`]}
              />
              <TextField
                name={`repAddress${n}`}
                label={t("reception.log.address")}
                maxLength={300}
                error={groupErrors[`repAddress${n}`]}
                defaultValue={groupValues[`repAddress${n}`]}
              />
            </fieldset>
          ))}
          <button type="submit" className="button button--primary">
            {t("reception.group.save")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="dialogues">
        <h2 id="dialogues">{t("reception.dialogue.title")}</h2>
        <p className="hint">{t("reception.dialogue.notice")}</p>
        <ErrorSummary errors={dialogueErrors} order={["form", "startsAt", "place", "officials", "concerned", "front", "content"]} />
        {page.dialogues.length === 0 ? <p>{t("reception.dialogue.none")}</p> : null}
        {page.dialogues.map((d) => (
          <article key={d.id} className="panel">
            <h3>
              {d.startsAt.slice(8, 10)}/{d.startsAt.slice(5, 7)}/{d.startsAt.slice(0, 4)} {d.startsAt.slice(11)} — {d.place} (
              {t(`reception.dialogue.status.${d.status}`)})
            </h3>
            <ul>
              {d.participants.map((p) => (
                <li key={p.id}>
                  {p.name} — {t(`reception.dialogue.role.${p.role}`)}
                  {p.attended === false
                    ? ` — ${t("reception.dialogue.absent")}${p.absenceReason ? `: ${p.absenceReason}` : ""}${p.absenceValid ? ` (${t("reception.dialogue.valid")})` : ""}`
                    : ""}
                </li>
              ))}
            </ul>
            <p>
              <Link to={`/can-bo/tiep-cong-dan/doi-thoai/${d.id}/giay-moi`}>{t("reception.dialogue.letters")}</Link>
            </p>
            {d.status === "held" ? (
              <>
                {d.heldAt ? <DateTimeText instant={d.heldAt} /> : null}
                <p className="prewrap">{d.content}</p>
                {d.agreed ? (
                  <p className="prewrap">
                    <strong>{t("reception.dialogue.agreed")}:</strong> {d.agreed}
                  </p>
                ) : null}
                {d.disputed ? (
                  <p className="prewrap">
                    <strong>{t("reception.dialogue.disputed")}:</strong> {d.disputed}
                  </p>
                ) : null}
                {d.continuesWithoutFiler ? <p className="notice">{t("reception.dialogue.continues")}</p> : null}
              </>
            ) : d.status === "scheduled" ? (
              <details className="action">
                <summary>{t("reception.dialogue.minutes")}</summary>
                <Form method="post" noValidate>
                  <CsrfField />
                  <input type="hidden" name="intent" value="minutes" />
                  <input type="hidden" name="dialogueId" value={d.id} />
                  {d.participants.map((p, i) => (
                    <fieldset key={p.id} className="fieldset">
                      <legend>
                        {p.name} — {t(`reception.dialogue.role.${p.role}`)}
                      </legend>
                      <input type="hidden" name={`pid${i + 1}`} value={p.id} />
                      <Checkbox name={`present${i + 1}`} label={t("reception.dialogue.present")} />
                      <TextField name={`reason${i + 1}`} label={t("reception.dialogue.reason")} maxLength={300} />
                      <Checkbox name={`valid${i + 1}`} label={t("reception.dialogue.valid")} />
                    </fieldset>
                  ))}
                  <TextArea name="content" label={t("reception.dialogue.content")} required rows={6} maxLength={20000} error={dialogueErrors.content} />
                  <TextArea name="agreed" label={t("reception.dialogue.agreed")} rows={3} maxLength={5000} />
                  <TextArea name="disputed" label={t("reception.dialogue.disputed")} rows={3} maxLength={5000} />
                  <button type="submit" className="button button--primary">
                    {t("reception.dialogue.save")}
                  </button>
                </Form>
              </details>
            ) : null}
          </article>
        ))}
        <details className="action" open={result?.form === "dialogue" && !result.done}>
          <summary>{t("reception.dialogue.schedule")}</summary>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="schedule" />
            <TextField
              name="startsAt"
              type="datetime-local"
              label={t("reception.dialogue.startsAt")}
              required
              error={dialogueErrors.startsAt}
              defaultValue={values.startsAt}
            />
            <TextField name="place" label={t("reception.place")} required maxLength={300} error={dialogueErrors.place} defaultValue={values.place} />
            <TextArea
              name="officials"
              label={t("reception.dialogue.officials")}
              required
              rows={3}
              maxLength={2000}
              error={dialogueErrors.officials}
              defaultValue={values.officials}
            />
            <TextArea
              name="concerned"
              label={t("reception.dialogue.concerned")}
              rows={3}
              maxLength={2000}
              error={dialogueErrors.concerned}
              defaultValue={values.concerned}
            />
            <TextField name="front" label={t("reception.dialogue.front")} maxLength={200} error={dialogueErrors.front} defaultValue={values.front} />
            <button type="submit" className="button button--primary">
              {t("reception.dialogue.schedule")}
            </button>
          </Form>
        </details>
      </section>
    </StaffPage>
  );
}
