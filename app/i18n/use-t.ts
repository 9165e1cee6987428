import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { translator, type Language } from "./index";

interface RootData {
  language: Language;
  csrf: string;
}

export function useRootData(): RootData {
  return (useRouteLoaderData("root") as RootData | undefined) ?? { language: "vi", csrf: "" };
}

/** The translate function for the page's language (from the root loader). */
export function useT() {
  const { language } = useRootData();
  return useMemo(() => translator(language), [language]);
}
