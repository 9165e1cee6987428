// The catalogues of the newer contexts, one file each (`<context>.ts` exporting `{ vi, en }` with the same keys).
// Add a context's catalogue here: one import and one spread per language.
import * as answers from "./answers";
import { disclosurePeriods } from "./disclosure-periods";
import { figures } from "./figures";
import { reception } from "./reception";
import * as supervision from "./supervision";

export const contextCatalogues = {
  vi: { ...figures.vi, ...disclosurePeriods.vi, ...answers.vi, ...reception.vi, ...supervision.vi },
  en: { ...figures.en, ...disclosurePeriods.en, ...answers.en, ...reception.en, ...supervision.en },
};
