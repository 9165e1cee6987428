// What every part of the filing form receives.
import type { SerializeFrom } from "@remix-run/node";
import type { FieldSpecs } from "~/domain/form-schema";
import type { FilingValues } from "~/domain/filing";
import type { loader } from "./route";

export interface FilingPartProps {
  data: SerializeFrom<typeof loader>;
  values: FilingValues;
  errors: Record<string, string | undefined>;
  /** The filing schema's rules per field (required, maxLength). */
  fields: FieldSpecs;
}
