import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { confirmSubscription } from "~/services/disclosures/subscriptions.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.subscriptionConfirm", { noindex: true });

/** The second step of the double opt-in: following the mailed link confirms the address. */
export const loader = guard(async ({ params }: LoaderFunctionArgs) => {
  return json({ confirmed: await confirmSubscription(params.token ?? "") }, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export default function ConfirmSubscription() {
  const { confirmed } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("disclosure.subscribe")}</h1>
      <p className={confirmed ? "panel panel--success" : "notice notice--warning"} role="status">
        {confirmed ? t("disclosure.subscribe.confirmed") : t("disclosure.subscribe.invalid")}
      </p>
      <p>
        <Link to="/cong-khai">{t("disclosure.title")}</Link>
      </p>
    </>
  );
}
