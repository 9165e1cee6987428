// The filer's identity as the redaction policy needs it: selected beside a case's text only to remove it again.
import * as t from "../../../db/schema";

/** Drizzle columns of case_contacts, nested as `identity` in a select joined on the case. */
export const identityColumns = {
  fullName: t.caseContacts.fullName,
  phone: t.caseContacts.phone,
  email: t.caseContacts.email,
  idNumber: t.caseContacts.idNumber,
};
