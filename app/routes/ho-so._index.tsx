import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTimeText } from "~/components/case-parts";
import { vnDate } from "~/domain/dates";
import { Pager, usePageLink } from "~/components/pager";
import { FilterSelect } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { reference, selectableCommunes } from "~/services/reference/reference.server";
import { registerPage } from "~/services/transparency/register.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.register", { description: (t) => t("meta.register.description") });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const text = (k: string, max: number) => (url.searchParams.get(k) ?? "").trim().slice(0, max) || undefined;
  const filters = { q: text("q", 200), commune: text("xa", 60), category: text("linh-vuc", 40), page: Number(url.searchParams.get("trang")) || 1 };
  const ref = await reference();
  return json({
    filters,
    register: await registerPage(filters),
    communes: selectableCommunes(ref, vnDate(new Date())).map((c) => ({ id: c.id, name: c.name })),
    categories: ref.allCategories.map((c) => c.code),
  });
});

export default function Register() {
  const { filters, register, communes, categories } = useLoaderData<typeof loader>();
  const t = useT();
  const pageLink = usePageLink("trang");
  return (
    <>
      <h1>{t("register.title")}</h1>
      <p className="lead">{t("register.intro")}</p>
      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="r-q">{t("register.q")}</label>
          <p className="hint" id="r-q-hint">
            {t("register.q.hint")}
          </p>
          <input id="r-q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="r-q-hint" />
        </div>
        <FilterSelect name="xa" id="r-xa" label={t("file.commune")} value={filters.commune} options={communes.map((c) => [c.id, c.name])} />
        <FilterSelect name="linh-vuc" id="r-lv" label={t("case.category")} value={filters.category} options={categories.map((c) => [c, t(`category.${c}`)])} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t("inbox.apply")}
          </button>
        </div>
      </Form>
      <p role="status">{t("register.count", register.total.toLocaleString("vi-VN"))}</p>
      {register.rows.length === 0 ? <p>{t("register.empty")}</p> : null}
      <ol className="register">
        {register.rows.map((r) => (
          <li key={r.code} className="register-item">
            <article aria-labelledby={`r-${r.code}`}>
              <h2 id={`r-${r.code}`}>{r.title}</h2>
              <p className="hint">
                {t(`kind.${r.kindCode}`)} · {t(`category.${r.categoryCode}`)} · {r.communeName} · {t("case.receivedAt")} <DateTimeText instant={r.receivedAt} />
                {r.answeredAt ? (
                  <>
                    {" "}
                    · {t("register.answeredAt")} <DateTimeText instant={r.answeredAt} />
                  </>
                ) : null}
              </p>
              <h3>{t("register.question")}</h3>
              <p className="prewrap">{r.description}</p>
              <p className="prewrap">{r.requestedOutcome}</p>
              {r.answer ? (
                <>
                  <h3>{t("register.answer")}</h3>
                  <p className="prewrap">{r.answer}</p>
                </>
              ) : null}
              <p>
                <Link to={`/ho-so/${r.code}`}>
                  {t("register.open")} {r.code}
                </Link>
              </p>
            </article>
          </li>
        ))}
      </ol>
      <Pager page={register.page} pages={register.pages} link={pageLink} />
    </>
  );
}
