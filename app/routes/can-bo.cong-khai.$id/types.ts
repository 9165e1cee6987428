// The shape of the staff disclosure page's data, shared by its parts.
import type { SerializeFrom } from "@remix-run/node";
import type { loader } from "./route";

export type StaffDisclosureData = SerializeFrom<typeof loader>;

/** What every panel needs: the page's data, what was typed in the post that failed and its errors. */
export interface PanelProps {
  data: StaffDisclosureData;
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  /** The intent of the post that failed, if any: its panel opens again. */
  failed: string | undefined;
}
