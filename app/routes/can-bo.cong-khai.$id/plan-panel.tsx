// A compensation plan's table: the CSV import into a draft (every bad row reported with its line and column), the
// table with each household's code, and the codes as CSV to print the notices.
import { Pager } from "~/components/pager";
import { PlanTable } from "~/components/plan-table";
import { IntentForm } from "~/components/intent-form";
import type { PlanProblem } from "~/domain/plan-table";
import { useT } from "~/i18n/use-t";
import { translateMessage } from "~/i18n";
import type { PanelProps } from "./types";

export function PlanPanel({ data, errors, failed, problems, moreProblems }: PanelProps & { problems: PlanProblem[]; moreProblems: number }) {
  const t = useT();
  const { disclosure: d, plan, planHeader, canManage } = data;
  if (!plan) return null;
  const fileError = failed === "import-plan" ? errors.planCsv : undefined;
  const shownProblems = failed === "import-plan" ? problems : [];
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t("plan.staffTitle")}</h2>
      {canManage && d.status === "draft" ? (
        <IntentForm
          intent="import-plan"
          label={t("plan.staffTitle")}
          submitLabel={t("plan.import")}
          open={failed === "import-plan" || plan.rows.length === 0}
          multipart
          before={
            <>
              <p className="hint">{t("plan.import.hint", planHeader)}</p>
              <p>
                <a href="/can-bo/cong-khai/mau-bang.csv" download>
                  {t("plan.import.template")}
                </a>
              </p>
              {shownProblems.length ? (
                <ul className="field-error" id="plan-problems">
                  {shownProblems.map((p, i) => (
                    <li key={i}>{problemText(t, p)}</li>
                  ))}
                  {moreProblems ? <li>{t("plan.problem.more", moreProblems)}</li> : null}
                </ul>
              ) : null}
            </>
          }
        >
          <div className={`field${fileError ? " field--error" : ""}`}>
            <label htmlFor="field-planCsv">{t("plan.import.file")}</label>
            {fileError ? (
              <p className="field-error" id="field-planCsv-error">
                {fileError}
              </p>
            ) : null}
            <input
              type="file"
              id="field-planCsv"
              name="planCsv"
              accept=".csv,text/csv"
              aria-describedby={fileError ? `field-planCsv-error${shownProblems.length ? " plan-problems" : ""}` : undefined}
            />
          </div>
        </IntentForm>
      ) : canManage ? (
        <p className="hint">{t("plan.import.onlyDraft")}</p>
      ) : null}
      {plan.rows.length ? (
        <>
          <p>
            <a href={`/can-bo/cong-khai/${d.id}/ma-ho.csv`}>{t("plan.codes.csv")}</a>
          </p>
          <PlanTable id="plan-caption" caption={t("plan.staffTitle")} rows={plan.rows} totals={plan.totals} withAddress withCodes />
          <Pager page={plan.page} pages={plan.pages} label={t("plan.staffTitle")} link={(p) => `?trang-bang=${p}#plan-title`} />
        </>
      ) : (
        <p>{t("plan.none")}</p>
      )}
    </section>
  );
}

function problemText(t: ReturnType<typeof useT>, p: PlanProblem): string {
  const message = translateMessage(t, p.message);
  if (p.line === null) return t("plan.problem.file", message);
  if (p.field) return t("plan.problem.field", p.line, t(`plan.col.${p.field}`), message);
  return t("plan.problem", p.line, message);
}
