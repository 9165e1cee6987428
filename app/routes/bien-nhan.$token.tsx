import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { DateTimeText, DeadlineRows } from "~/components/case-parts";
import { CsrfField } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import { receiptView } from "~/services/cases/filing.server";
import { csrfToken, type RequestContext } from "~/services/platform/request.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.receipt", { noindex: true });

export const loader = guard(async ({ request, params, context }: LoaderFunctionArgs) => {
  const receipt = await receiptView(params.token ?? "");
  if (!receipt) throw new Response("Not found", { status: 404 });
  const { id: _id, email, ...shown } = receipt;
  return json(
    { ...shown, emailSentTo: email, receiptToken: params.token ?? "", csrf: csrfToken(request, context as RequestContext) },
    // The link is a secret: never cached by a shared cache, never leaked in a Referer.
    { headers: { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } },
  );
});

export const headers = forwardHeaders;

export default function Receipt() {
  const r = useLoaderData<typeof loader>();
  const t = useT();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <article className="receipt">
      <div className="panel panel--success">
        <h1>{t("receipt.title")}</h1>
        <p className="receipt-code">
          {t("receipt.code")}: <strong>{r.code}</strong>
        </p>
      </div>
      <p>{t("receipt.intro")}</p>
      {r.deadline && (r.deadline.stage === "process" || r.deadline.stage === "accept") ? <p className="hint">{t("receipt.dueOn.hint")}</p> : null}
      <dl className="summary-list">
        <div>
          <dt>{t("receipt.code")}</dt>
          <dd className="mono">{r.code}</dd>
        </div>
        <div>
          <dt>{t("receipt.accessKey")}</dt>
          <dd className="mono">{r.accessKey ?? t("receipt.accessKeyUnavailable")}</dd>
        </div>
        <div>
          <dt>{t("receipt.kind")}</dt>
          <dd>{t(`kind.${r.kindCode}`)}</dd>
        </div>
        <div>
          <dt>{t("receipt.category")}</dt>
          <dd>{t(`category.${r.categoryCode}`)}</dd>
        </div>
        <div>
          <dt>{t("receipt.commune")}</dt>
          <dd>
            {r.communeName}
            <span className="hint-inline">{t(`routing.${r.routingReason}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("receipt.receivedAt")}</dt>
          <dd>
            <DateTimeText instant={r.receivedAt} />
          </dd>
        </div>
        <DeadlineRows deadline={r.deadline} />
      </dl>
      {r.filingLimitPassedOn ? <p className="notice notice--warning">{t("receipt.filingLimitPassed", formatDate(r.filingLimitPassedOn))}</p> : null}
      {r.emailSentTo ? <p>{t("receipt.emailSent", r.emailSentTo)}</p> : null}
      <div className="actions no-print">
        {canPrint ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t("receipt.print")}
          </button>
        ) : null}
        <Form method="post" action="/tra-cuu">
          <CsrfField />
          <input type="hidden" name="receiptToken" value={r.receiptToken} />
          <button type="submit" className="button button--primary">
            {t("receipt.follow")}
          </button>
        </Form>
      </div>
      <p className="no-print">
        <Link to={`/ho-so/${r.code}`}>{t("receipt.publicPage")}</Link>
      </p>
    </article>
  );
}
