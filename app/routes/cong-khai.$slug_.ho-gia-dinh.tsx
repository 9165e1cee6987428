import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, ErrorSummary, TextField, useTranslatedErrors } from "~/components/form";
import { PlanRowDetails } from "~/components/plan-table";
import { isInForce } from "~/domain/disclosure";
import { hasPlanTable } from "~/domain/plan-table";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import { submitHouseholdLookup } from "~/services/disclosures/forms.server";
import { publicDisclosure } from "~/services/disclosures/reading.server";
import { csrfToken, type RequestContext } from "~/services/platform/request.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { NO_STORE, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta<{ title: string }>((t, data) => t("title.household", data.title), { noindex: true });
export const headers = forwardHeaders;

export const loader = guard(async ({ request, params, context }: LoaderFunctionArgs) => {
  const disclosure = await publicDisclosure(params.slug ?? "");
  if (!disclosure || !hasPlanTable(disclosure.typeCode)) throw new Response("Not found", { status: 404 });
  return json(
    { slug: disclosure.slug, title: disclosure.title, version: disclosure.version, csrf: csrfToken(request, context as RequestContext) },
    { headers: NO_STORE },
  );
});

export const action = guard(async ({ request, params, context }: ActionFunctionArgs) => {
  const outcome = await submitHouseholdLookup(request, context as RequestContext, params.slug ?? "");
  // The row holds personal data: never cached, never kept by a shared computer's back button.
  const headers = { "Cache-Control": "private, no-store" };
  if (outcome.outcome === "found") return json({ found: outcome.found, values: {}, errors: {} }, { headers });
  if (outcome.outcome === "invalid") return json({ found: null, values: outcome.values, errors: outcome.errors }, { status: 400, headers });
  return rejectionResponse(outcome, {});
});

export default function HouseholdRow() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result?.errors as Record<string, string> | undefined);
  const found = result && "found" in result ? result.found : null;
  // A newer version no longer holds this household's code, or the plan was withdrawn: say so, link no row.
  const inForce = found ? isInForce(found.disclosure.status) : false;
  return (
    <>
      <p className="hint">
        <Link to={`/cong-khai/${d.slug}`}>{d.title}</Link> · {t("disclosure.version", d.version)}
      </p>
      <h1>{t("plan.household.title")}</h1>
      {found ? (
        <section aria-labelledby="your-row">
          <h2 id="your-row">{t("plan.household.yourRow", found.row.rowNo)}</h2>
          <p className="hint">
            {found.disclosure.title} · {t("disclosure.version", found.disclosure.version)} · {t(found.disclosure.statusLabel)}
          </p>
          {inForce ? null : <p className="notice notice--warning">{t("plan.household.outdated")}</p>}
          <PlanRowDetails row={found.row} />
          <p className="hint">{t("plan.household.complain.hint")}</p>
          <p className="actions">
            <Link to={inForce ? `/gui-phan-anh?cong-khai=${found.disclosure.id}&dong=${found.row.rowNo}` : "/gui-phan-anh"} className="button button--primary">
              {t("plan.household.complain")}
            </Link>
            <Link to={`/cong-khai/${d.slug}`} className="button">
              {t("plan.household.back")}
            </Link>
          </p>
        </section>
      ) : (
        <>
          <p className="lead">{t("plan.household.intro")}</p>
          <ErrorSummary errors={errors} order={["form", "code"]} labels={{ code: t("plan.household.code") }} />
          <Form method="post" className="narrow" noValidate>
            <CsrfField />
            <TextField
              name="code"
              label={t("plan.household.code")}
              hint={t("plan.household.code.hint")}
              required
              autoComplete="off"
              spellCheck={false}
              error={errors.code}
              defaultValue={(result?.values as Record<string, string> | undefined)?.code}
            />
            <button type="submit" className="button button--primary">
              {t("plan.household.submit")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
