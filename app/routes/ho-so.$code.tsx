import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CaseSummary, PublicAnswer, RelatedDisclosure, Timeline } from "~/components/case-parts";
import { ClosureNote } from "~/components/closure";
import { useT } from "~/i18n/use-t";
import { publicCaseView } from "~/services/cases/views.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta<{ view: { code: string } }>((t, data) => t("title.publicCase", data.view.code));

export const loader = guard(async ({ params }: LoaderFunctionArgs) => {
  const view = await publicCaseView(params.code ?? "");
  if (!view) throw new Response("Not found", { status: 404 });
  return json({ view });
});

export default function PublicCase() {
  const { view } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("case.title", view.code)}</h1>
      <p className="hint">{t("case.publicNote")}</p>
      <CaseSummary c={view} />
      <ClosureNote closure={view.closure} />
      <RelatedDisclosure link={view.disclosure} />
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
          <p>{t(view.withheldBecause === "denunciation" ? "case.denunciationNeverPublic" : "case.noPublicContent")}</p>
        )}
      </section>
      <PublicAnswer answer={view.answer} />
      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("case.timeline")}</h2>
        <Timeline items={view.timeline} />
      </section>
    </>
  );
}
