// The catalogues of the newer contexts, one file each (`<context>.ts` exporting `{ vi, en }` with the same keys).
// Add a context's catalogue here: one import and one spread per language.
import * as answers from "./answers";

export const contextCatalogues = {
  vi: { ...answers.vi },
  en: { ...answers.en },
};
