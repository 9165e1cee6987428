import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { translator, type Language } from "./index";

interface RootData {
  language: Language;
  dataLabels: Record<string, string>;
}

export function useRootData(): RootData {
  return (useRouteLoaderData("root") as RootData | undefined) ?? { language: "vi", dataLabels: {} };
}

/** The translate function for the page's language (from the root loader), with labels kept as data. */
export function useT() {
  const { language, dataLabels } = useRootData();
  return useMemo(() => translator(language, dataLabels), [language, dataLabels]);
}
