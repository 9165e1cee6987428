import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DateText, DateTimeText, StatusBadge, Timeline } from "~/components/case-parts";
import { useT } from "~/i18n/use-t";
import { publicCaseView } from "~/services/cases.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Hồ sơ ${data?.view.code ?? ""} — Dân Biết` }];

export async function loader({ params }: LoaderFunctionArgs) {
  const view = publicCaseView(params.code ?? "");
  if (!view) throw new Response("Not found", { status: 404 });
  return json({ view });
}

export default function PublicCase() {
  const { view } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("case.title", view.code)}</h1>
      <p className="hint">{t("case.publicNote")}</p>
      <dl className="summary-list">
        <div>
          <dt>{t("case.status")}</dt>
          <dd>
            <StatusBadge status={view.status} />
          </dd>
        </div>
        <div>
          <dt>{t("case.kind")}</dt>
          <dd>{t(`kind.${view.kindCode}`)}</dd>
        </div>
        <div>
          <dt>{t("case.category")}</dt>
          <dd>{t(`category.${view.categoryCode}`)}</dd>
        </div>
        <div>
          <dt>{t("case.commune")}</dt>
          <dd>{view.communeName}</dd>
        </div>
        <div>
          <dt>{t("case.receivedAt")}</dt>
          <dd>
            <DateTimeText instant={view.receivedAt} />
          </dd>
        </div>
        <div>
          <dt>{t("case.dueOn")}</dt>
          <dd>
            <DateText date={view.acceptDueOn} />
          </dd>
        </div>
      </dl>
      <section aria-labelledby="content">
        <h2 id="content">{t("case.content")}</h2>
        {view.content ? (
          <>
            <h3>{view.content.title}</h3>
            <p className="prewrap">{view.content.description}</p>
            <h3>{t("case.requestedOutcome")}</h3>
            <p className="prewrap">{view.content.requestedOutcome}</p>
          </>
        ) : (
          <p>{t("case.noPublicContent")}</p>
        )}
      </section>
      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("case.timeline")}</h2>
        <Timeline items={view.timeline} />
      </section>
    </>
  );
}
