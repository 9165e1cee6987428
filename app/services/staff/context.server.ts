// What every staff page shows about the signed-in person, and the checks shared by staff routes.
import { DISTRICT_ID } from "../../../db/data/reference";
import { canAdmin, worksTriageQueue, type AdminOperation } from "~/domain/permissions";
import { requireStaff, type StaffSession } from "./sessions.server";
import { communeName, reference } from "~/services/reference/reference.server";

export async function staffHeader(session: StaffSession) {
  const { user } = session;
  return {
    fullName: user.fullName,
    role: user.role,
    unitName: communeName(await reference(), user.communeId),
    isAdmin: canAdmin(user, "manage_accounts"),
    canReport: canAdmin(user, "view_reports"),
    /** District accounts see the triage queue: cases routed to the district itself. */
    triageUnitId: worksTriageQueue(user, DISTRICT_ID) ? DISTRICT_ID : null,
  };
}

/** The session, refused with 403 unless the role may perform an administrative operation. */
export async function requireAdminOperation(request: Request, operation: AdminOperation): Promise<StaffSession> {
  const session = await requireStaff(request);
  if (!canAdmin(session.user, operation)) throw new Response("Forbidden", { status: 403 });
  return session;
}

export { NO_STORE } from "~/http";
