// The catalogues of the newer contexts, one file each (`<context>.ts` exporting `{ vi, en }` with the same keys).
// Add a context's catalogue here: one import and one spread per language.

import { figures } from "./figures";

export const contextCatalogues = {
  vi: { ...figures.vi },
  en: { ...figures.en },
};
