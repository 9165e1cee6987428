// The shape of the case page's data, shared by its parts.
import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "./route";

export type StaffCaseData = SerializeFrom<typeof loader>["view"];
