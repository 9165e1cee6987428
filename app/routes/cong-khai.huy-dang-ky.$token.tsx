import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CsrfField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { unsubscribe } from "~/services/disclosures/subscriptions.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.unsubscribe", { noindex: true });

/** Opening the link shows a button (mail scanners that follow links must not unsubscribe anyone). */
export const loader = guard(async (_: LoaderFunctionArgs) => {
  return json({}, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

/**
 * The button, or a mail program's one-click unsubscribe (RFC 8058: POST "List-Unsubscribe=One-Click"). The token in
 * the address is the authority; the page's CSRF field is not needed for it.
 */
export const action = guard(async ({ params }: ActionFunctionArgs) => {
  const done = await unsubscribe(params.token ?? "");
  return json({ done }, { status: done ? 200 : 404 });
});

export default function Unsubscribe() {
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("disclosure.unsubscribe.title")}</h1>
      {result ? (
        <p className={result.done ? "panel panel--success" : "notice notice--warning"} role="status">
          {result.done ? t("disclosure.unsubscribe.done") : t("disclosure.subscribe.invalid")}
        </p>
      ) : (
        <>
          <p>{t("disclosure.unsubscribe.confirm")}</p>
          <Form method="post">
            <CsrfField />
            <button type="submit" className="button button--primary">
              {t("disclosure.unsubscribe.submit")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
