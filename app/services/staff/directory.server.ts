// Officials a user may assign cases to or filter by: the handling staff of the units in their scope.
import { and, asc, inArray, isNull } from "drizzle-orm";
import { users } from "../../../db/schema";
import { DISTRICT_ID } from "../../../db/data/reference";
import { caseScope, inScope, type StaffUser } from "~/domain/permissions";
import { reference } from "~/services/reference/reference.server";
import { read } from "~/services/platform/database.server";

export async function assignableOfficials(user: StaffUser) {
  const scope = caseScope(user, DISTRICT_ID);
  return await read()
    .select({ id: users.id, fullName: users.fullName, communeId: users.communeId })
    .from(users)
    .where(
      and(
        inArray(users.role, ["commune_official", "commune_leader", "district_staff"]),
        isNull(users.disabledAt),
        scope.all ? undefined : inArray(users.communeId, [...scope.communeIds]),
      ),
    )
    .orderBy(asc(users.fullName));
}

/** The units whose cases this user may list (for the inbox's unit filter). */
export async function unitsInScope(user: StaffUser): Promise<{ id: string; name: string }[]> {
  const scope = caseScope(user, DISTRICT_ID);
  return (await reference()).communes.filter((c) => inScope(scope, c.id)).map((c) => ({ id: c.id, name: c.name }));
}
