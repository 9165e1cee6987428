import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { DateText, StatusBadge } from "~/components/case-parts";
import { StaffPage } from "~/components/staff-page";
import { CASE_STATUSES } from "~/domain/case-workflow";
import { readCaseFilters } from "~/domain/case-filters";
import { CASE_KINDS } from "~/domain/filing";
import { CursorPager } from "~/components/pager";
import { FilterSelect } from "~/components/form";
import { ScrollRegion } from "~/components/scroll-region";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n";
import { requireStaff } from "~/services/staff/sessions.server";
import { reference } from "~/services/reference/reference.server";
import { listCases, movedAway } from "~/services/cases/inbox.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";
import { assignableOfficials, unitsInScope } from "~/services/staff/directory.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

/** The label of each filter, to say which one was not understood. */
const FILTER_LABELS: Record<string, MessageKey> = {
  status: "inbox.status",
  kind: "inbox.kind",
  category: "inbox.category",
  commune: "inbox.commune",
  hamlet: "inbox.hamlet",
  assignee: "inbox.assignee",
  due: "inbox.due",
  from: "inbox.from",
  to: "inbox.to",
  q: "inbox.q",
  after: "inbox.pageParam",
  before: "inbox.pageParam",
};

export const meta = pageMeta("title.staff.inbox", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  const filters = readCaseFilters(new URL(request.url));
  const list = await listCases(session.user, filters);
  const ref = await reference();
  const units = await unitsInScope(session.user);
  const movedCode = new URL(request.url).searchParams.get("da-chuyen");
  return json(
    {
      moved: movedCode ? await movedAway(session.user, movedCode) : null,
      staff: await staffHeader(session),
      filters,
      list,
      units,
      hamlets: ref.hamlets.filter((h) => units.some((u) => u.id === h.communeId)),
      categories: ref.categories.map((c) => c.code),
      officials: await assignableOfficials(session.user),
    },
    { headers: NO_STORE },
  );
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export default function Inbox() {
  const { staff, filters, list, units, hamlets, categories, officials, moved } = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const exportParams = new URLSearchParams(location.search);
  exportParams.delete("after");
  exportParams.delete("before");
  return (
    <StaffPage staff={staff} title={t("inbox.title")}>
      {filters.ignored?.length ? (
        <p className="notice notice--warning" role="status">
          {t("inbox.ignoredFilters", filters.ignored.map((name) => t(FILTER_LABELS[name] ?? "inbox.filters")).join(", "))}
        </p>
      ) : null}
      {moved ? (
        <p className="panel panel--success" role="status">
          {t("inbox.movedAway", moved.code, moved.toName)}
        </p>
      ) : null}
      <details className="filters" open={Object.entries(filters).some(([k, v]) => k !== "after" && k !== "before" && v !== undefined)}>
        <summary>{t("inbox.filters")}</summary>
        <Form method="get" className="filter-form">
          <div className="field">
            <label htmlFor="f-q">{t("inbox.q")}</label>
            <p className="hint" id="f-q-hint">
              {t("inbox.q.hint")}
            </p>
            <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="f-q-hint" />
          </div>
          <FilterSelect name="status" label={t("inbox.status")} value={filters.status} options={CASE_STATUSES.map((s) => [s, t(`status.${s}`)])} />
          <FilterSelect name="kind" label={t("inbox.kind")} value={filters.kind} options={CASE_KINDS.map((k) => [k, t(`kind.${k}`)])} />
          <FilterSelect name="category" label={t("inbox.category")} value={filters.category} options={categories.map((c) => [c, t(`category.${c}`)])} />
          {units.length > 1 ? (
            <FilterSelect name="commune" label={t("inbox.commune")} value={filters.commune} options={units.map((u) => [u.id, u.name])} />
          ) : null}
          <FilterSelect
            name="hamlet"
            label={t("inbox.hamlet")}
            value={filters.hamlet?.toString()}
            options={hamlets.map((h) => [String(h.id), `${h.name} – ${units.find((u) => u.id === h.communeId)?.name ?? ""}`])}
          />
          <FilterSelect
            name="assignee"
            label={t("inbox.assignee")}
            value={filters.assignee?.toString()}
            options={[["none", t("inbox.assignee.none")], ...officials.map((o) => [String(o.id), o.fullName] as [string, string])]}
          />
          <FilterSelect
            name="due"
            label={t("inbox.due")}
            value={filters.due}
            options={[
              ["overdue", t("inbox.due.overdue")],
              ["due_soon", t("inbox.due.due_soon")],
            ]}
          />
          <div className="field">
            <label htmlFor="f-from">{t("inbox.from")}</label>
            <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="f-to">{t("inbox.to")}</label>
            <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t("inbox.apply")}
            </button>
            <Link to="/can-bo">{t("inbox.reset")}</Link>
          </div>
        </Form>
      </details>
      <div className="list-head">
        <p role="status">{t(list.moreThanTotal ? "inbox.countMore" : "inbox.count", list.total.toLocaleString("vi-VN"))}</p>
        <a href={`/can-bo/xuat-csv?${exportParams}`} download>
          {t("inbox.export")}
        </a>
      </div>
      {list.rows.length === 0 ? (
        <p>{t("inbox.empty")}</p>
      ) : (
        <ScrollRegion label={t("inbox.title")}>
          <table className="cases inbox-table">
            <thead>
              <tr>
                <th scope="col">{t("inbox.col.code")}</th>
                <th scope="col">{t("inbox.col.title")}</th>
                <th scope="col">{t("inbox.col.kind")}</th>
                <th scope="col">{t("inbox.col.unit")}</th>
                <th scope="col">{t("inbox.col.status")}</th>
                <th scope="col">{t("inbox.col.due")}</th>
                <th scope="col">{t("inbox.col.assignee")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id} className={r.urgency ? `row--${r.urgency}` : undefined}>
                  <td>
                    <Link to={`/can-bo/ho-so/${r.code}`} className="mono-small">
                      {r.code}
                    </Link>
                  </td>
                  <td>{r.title}</td>
                  <td>
                    {t(`kind.${r.kindCode}`)}
                    <br />
                    <span className="hint">{t(`category.${r.categoryCode}`)}</span>
                  </td>
                  <td>{r.communeName}</td>
                  <td>
                    <StatusBadge status={r.status} />
                    {r.awaitingApproval ? <span className="tag">{t("inbox.awaitingApproval")}</span> : null}
                  </td>
                  <td>
                    <DateText date={r.dueOn} />
                    {r.urgency && r.urgency !== "on_track" ? <span className={`urgency urgency--${r.urgency}`}>{t(`urgency.${r.urgency}`)}</span> : null}
                  </td>
                  <td>{r.assigneeName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <CursorPager prev={list.prev} next={list.next} />
    </StaffPage>
  );
}
