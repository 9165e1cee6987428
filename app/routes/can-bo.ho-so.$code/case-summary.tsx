// The case at a glance for an official: status, stage and due date, unit, place, what was asked.
import { DateTimeText, DeadlineRows, StatusBadge } from "~/components/case-parts";
import { formatDate } from "~/domain/dates";
import { disclosureLinkLabel } from "~/domain/disclosure-link";
import { useT } from "~/i18n/use-t";
import type { StaffCaseData } from "./types";
import { translateMessage } from "~/i18n";

export function CaseSummary({ c }: { c: StaffCaseData["case"] }) {
  const t = useT();
  return (
    <>
      {c.filingLimitPassedOn ? <p className="notice notice--warning">{t("staffCase.filingLimitPassed", formatDate(c.filingLimitPassedOn))}</p> : null}
      {c.transferDueOn ? <p className="notice">{t("staffCase.transferDueOn", formatDate(c.transferDueOn))}</p> : null}
      <dl className="summary-list">
        <div>
          <dt>{t("case.status")}</dt>
          <dd>
            <StatusBadge status={c.status} />
          </dd>
        </div>
        <DeadlineRows
          deadline={c.deadline}
          badge={c.urgency && c.urgency !== "on_track" ? <span className={`urgency urgency--${c.urgency}`}>{t(`urgency.${c.urgency}`)}</span> : null}
        />
        <div>
          <dt>{t("case.kind")}</dt>
          <dd>
            {t(`kind.${c.kindCode}`)} — {t(`category.${c.categoryCode}`)}
          </dd>
        </div>
        <div>
          <dt>{t("case.commune")}</dt>
          <dd>
            {c.communeName}
            <span className="hint-inline">{t(`routing.${c.routingReason}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("staffCase.assignee")}</dt>
          <dd>{c.assigneeName ?? t("staffCase.unassigned")}</dd>
        </div>
        <div>
          <dt>{t("staffCase.location")}</dt>
          <dd>
            {c.locationScope === "commune"
              ? c.locationCommuneName
              : c.locationScope === "multiple"
                ? t("staffCase.severalCommunes")
                : t("staffCase.unknownPlace")}
            {c.hamletName ? ` — ${c.hamletName}` : ""} — {c.place}
          </dd>
        </div>
        {c.projectLevel ? (
          <div>
            <dt>{t("staffCase.projectLevel")}</dt>
            <dd>{translateMessage(t, `file.projectLevel.${c.projectLevel}`)}</dd>
          </div>
        ) : null}
        {c.disclosure ? (
          <div>
            <dt>{t("case.relatedDisclosure")}</dt>
            <dd>
              <a href={c.disclosure.href}>{disclosureLinkLabel(t, c.disclosure, c.disclosure.rowNo)}</a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("case.receivedAt")}</dt>
          <dd>
            <DateTimeText instant={c.receivedAt} />
          </dd>
        </div>
        <div>
          <dt>{t("staffCase.publish")}</dt>
          <dd>{c.publishConsent ? t("staffCase.publish.yes") : t("staffCase.publish.no")}</dd>
        </div>
      </dl>

      <section aria-labelledby="content">
        <h2 id="content">{t("case.content")}</h2>
        <p className="prewrap">{c.description}</p>
        <h3>{t("case.requestedOutcome")}</h3>
        <p className="prewrap">{c.requestedOutcome}</p>
      </section>
    </>
  );
}
