// The catalogues of the newer contexts, one file each (`<context>.ts` exporting `{ vi, en }` with the same keys).
// Add a context's catalogue here: one import and one spread per language.
import { disclosurePeriods } from "./disclosure-periods";

export const contextCatalogues = {
  vi: { ...disclosurePeriods.vi },
  en: { ...disclosurePeriods.en },
};
