// The resident's own case: opened only by a browser that passed the look-up (signed grant cookie).
import { redirect } from "@remix-run/node";
import { caseIdByCode } from "./lookup.server";
import { hasCaseGrant } from "~/services/platform/request.server";

/** The case id, or a redirect to the look-up form with the code filled in (the code alone is not a secret). */
export async function requireResidentCase(request: Request, code: string): Promise<number> {
  const caseId = await caseIdByCode(code);
  if (caseId === null || !(await hasCaseGrant(request, caseId))) {
    throw redirect(`/tra-cuu?ma=${encodeURIComponent(code)}`);
  }
  return caseId;
}
