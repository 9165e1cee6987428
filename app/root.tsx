import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "./nonce";
import { categoryLabels, reference } from "~/services/reference/reference.server";
import { requestLanguage } from "~/services/platform/request.server";
import { useRootData, useT } from "./i18n/use-t";
import { translateMessage } from "./i18n";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico", sizes: "any" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const language = requestLanguage(request);
  // The same for every visitor of a language: nothing here may belong to one person (public pages are cached).
  return json({ language, dataLabels: categoryLabels(await reference(), language) });
}

function Document({ children, title }: { children: ReactNode; title?: string }) {
  const nonce = useNonce();
  const { language } = useRootData();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const { language } = useRootData();
  const location = useLocation();
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">{t("app.name")}</span>
            <span className="brand-district">{t("app.district")}</span>
          </Link>
          <nav aria-label={t("nav.main")} className="site-nav">
            <Link to="/gui-phan-anh">{t("nav.file")}</Link>
            <Link to="/tra-cuu">{t("nav.lookup")}</Link>
            <Link to="/cong-khai">{t("nav.disclosures")}</Link>
            <Link to="/ho-so">{t("nav.register")}</Link>
            <Link to="/thong-ke">{t("nav.statistics")}</Link>
            <Link to="/giam-sat">{t("nav.supervision")}</Link>
            <a href={`/ngon-ngu?lang=${language === "vi" ? "en" : "vi"}&back=${back}`} lang={language === "vi" ? "en" : "vi"}>
              {t("nav.switchLanguage")}
            </a>
          </nav>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("app.motto")}</p>
          <p>{t("footer.privacy")}</p>
          <p>{t("footer.contact")}</p>
        </div>
      </footer>
    </>
  );
}

export default function App() {
  return (
    <Document>
      <Layout>
        <Outlet />
      </Layout>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key =
    status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 || status === 413 ? "badRequest" : status === 503 ? "unavailable" : "errorPage";
  // A refusal carries its message key ("error.x") as its body: say it, in the page's language.
  const detail =
    isRouteErrorResponse(error) && typeof error.data === "string" && /^[a-z]+(\.[A-Za-z]+)+(:.*)?$/.test(error.data) ? translateMessage(t, error.data) : null;
  return (
    <Document title={`${t(`${key}.title` as const)} — ${t("app.name")}`}>
      <Layout>
        <h1>{t(`${key}.title`)}</h1>
        <p>{t(`${key}.body`)}</p>
        {detail && detail !== t(`${key}.body`) ? <p>{detail}</p> : null}
        <p>
          <Link to="/">{t("nav.home")}</Link>
        </p>
      </Layout>
    </Document>
  );
}
