// Who filed, for those allowed to see it (every view is audited); a denouncer's identity is marked confidential.
import { DateText } from "~/components/case-parts";
import { isIsoDate } from "~/domain/dates";
import { useT } from "~/i18n/use-t";
import type { StaffCaseData } from "./types";
import { translateMessage } from "~/i18n";

export function ContactSection({ contact }: { contact: StaffCaseData["contact"] }) {
  const t = useT();
  const view = { contact };
  return (
    <section aria-labelledby="contact">
      <h2 id="contact">{t("staffCase.contact")}</h2>
      {view.contact ? (
        <>
          {view.contact.confidential ? <p className="notice notice--warning">{t("staffCase.contact.confidential")}</p> : null}
          <dl className="summary-list">
            <div>
              <dt>{t("file.fullName")}</dt>
              <dd>{view.contact.fullName}</dd>
            </div>
            <div>
              <dt>{t("file.phone")}</dt>
              <dd>
                <a href={`tel:${view.contact.phone.replace(/\s/g, "")}`}>{view.contact.phone}</a>
              </dd>
            </div>
            {view.contact.email ? (
              <div>
                <dt>{t("file.email")}</dt>
                <dd>{view.contact.email}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("file.address")}</dt>
              <dd>{view.contact.address}</dd>
            </div>
            {view.contact.idNumber ? (
              <div>
                <dt>{t("staffCase.idNumber")}</dt>
                <dd>{view.contact.idNumber}</dd>
              </div>
            ) : null}
            {Object.entries(view.contact.details).map(([field, value]) => (
              <div key={field}>
                <dt>{translateMessage(t, `file.${field}`)}</dt>
                <dd>{isIsoDate(String(value)) ? <DateText date={String(value)} /> : String(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p>{t("staffCase.contact.hidden")}</p>
      )}
    </section>
  );
}
