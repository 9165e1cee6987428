import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffPage } from "~/components/staff-page";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/services/staff/sessions.server";
import { deadlineBoard } from "~/services/cases/inbox.server";
import { NO_STORE, staffHeader } from "~/services/staff/context.server";
import { guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.staff.deadlines", { noindex: true });

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  return json({ staff: await staffHeader(session), board: await deadlineBoard(session.user) }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

export default function DeadlineBoard() {
  const { staff, board } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <StaffPage staff={staff} title={t("board.title")}>
      <p>{t("board.intro")}</p>
      {board.length === 0 ? (
        <p>{t("board.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="cases">
            <thead>
              <tr>
                <th scope="col">{t("board.unit")}</th>
                <th scope="col">{t("board.overdue")}</th>
                <th scope="col">{t("board.dueSoon")}</th>
                <th scope="col">{t("board.open")}</th>
              </tr>
            </thead>
            <tbody>
              {board.map((row) => (
                <tr key={row.communeId} className={row.overdue ? "row--overdue" : row.dueSoon ? "row--due_soon" : undefined}>
                  <th scope="row">{row.communeName}</th>
                  <td>
                    <Link to={`/can-bo?commune=${row.communeId}&due=overdue`}>{row.overdue}</Link>
                  </td>
                  <td>
                    <Link to={`/can-bo?commune=${row.communeId}&due=due_soon`}>{row.dueSoon}</Link>
                  </td>
                  <td>
                    <Link to={`/can-bo?commune=${row.communeId}`}>{row.open}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffPage>
  );
}
