import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateText } from "~/components/case-parts";
import { ErrorSummary, SelectField, TextField, useTranslatedErrors, FilterSelect } from "~/components/form";
import { vnDate } from "~/domain/dates";
import { forwardHeaders } from "~/http";
import { Pager, usePageLink } from "~/components/pager";
import { useT } from "~/i18n/use-t";
import { submitSubscription } from "~/services/disclosures/forms.server";
import { disclosureTypes } from "~/services/disclosures/access.server";
import { publicList } from "~/services/disclosures/reading.server";
import { reference, selectableCommunes } from "~/services/reference/reference.server";
import type { RequestContext } from "~/services/platform/request.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { isDisclosureTypeCode } from "~/domain/disclosure";

export const meta = pageMeta("title.disclosures");
export const headers = forwardHeaders;

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const filters = {
    commune: url.searchParams.get("xa")?.slice(0, 60) || undefined,
    type: [url.searchParams.get("loai")].find(isDisclosureTypeCode),
    page: Number(url.searchParams.get("trang")) || 1,
  };
  const ref = await reference();
  return json({
    filters,
    list: await publicList(filters),
    types: (await disclosureTypes()).map((d) => d.code),
    units: [ref.communes.find((c) => c.level === "district")!, ...selectableCommunes(ref, vnDate(new Date()))].map((c) => ({ id: c.id, name: c.name })),
  });
});

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const outcome = await submitSubscription(request, context as RequestContext);
  if (outcome.outcome === "sent") return json({ sent: true, values: {}, errors: {} });
  if (outcome.outcome === "invalid") return json({ sent: false, values: outcome.values, errors: outcome.errors }, { status: 400 });
  return rejectionResponse(outcome, {});
});

export default function Disclosures() {
  const { filters, list, types, units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors = useTranslatedErrors(result && "errors" in result ? (result.errors as Record<string, string>) : undefined);
  const pageLink = usePageLink("trang");
  return (
    <>
      <h1>{t("disclosure.title")}</h1>
      <p className="lead">{t("disclosure.intro")}</p>
      <Form method="get" className="filter-form">
        <FilterSelect name="xa" id="d-xa" label={t("disclosure.unit")} value={filters.commune} options={units.map((u) => [u.id, u.name])} />
        <FilterSelect name="loai" id="d-loai" label={t("disclosure.type")} value={filters.type} options={types.map((code) => [code, t(`dtype.${code}`)])} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t("inbox.apply")}
          </button>
          <a href={`/cong-khai/tin.atom${filters.commune ? `?xa=${filters.commune}` : ""}`}>{t("disclosure.feed")}</a>
        </div>
      </Form>
      {list.rows.length === 0 ? <p>{t("disclosure.empty")}</p> : null}
      <ol className="register">
        {list.rows.map((d) => (
          <li key={d.id} className="register-item">
            <h2>
              <Link to={`/cong-khai/${d.slug}`}>{d.title}</Link>
            </h2>
            <p className="hint">
              {t(`dtype.${d.typeCode}`)} · {d.communeName} · <span className={`status status--d-${d.status}`}>{t(d.statusLabel)}</span>
              {d.postingFrom && d.postingTo ? (
                <>
                  {" "}
                  · {t("disclosure.posting")}: <DateText date={d.postingFrom} /> – <DateText date={d.postingTo} />
                </>
              ) : null}
            </p>
            <p className="prewrap">{d.summary}</p>
          </li>
        ))}
      </ol>
      <Pager page={list.page} pages={list.pages} link={pageLink} />
      <section className="panel" aria-labelledby="subscribe">
        <h2 id="subscribe">{t("disclosure.subscribe")}</h2>
        {result && "sent" in result && result.sent ? (
          <p role="status">{t("disclosure.subscribe.sent")}</p>
        ) : (
          <>
            <ErrorSummary errors={errors} order={["email", "communeId"]} />
            <Form method="post" className="narrow">
              <TextField name="email" type="email" label={t("disclosure.subscribe.email")} required autoComplete="email" error={errors.email} />
              <SelectField name="communeId" label={t("disclosure.subscribe.unit")} error={errors.communeId}>
                <option value="">{t("disclosure.allUnits")}</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </SelectField>
              <button type="submit" className="button">
                {t("disclosure.subscribe.submit")}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}
