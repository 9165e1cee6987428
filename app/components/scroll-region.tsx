// A table or chart wider than a phone: a named region that keyboard users can focus and scroll (WCAG 2.1.1; axe's
// scrollable-region-focusable), with a hint on narrow screens that more lies to the side.
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

export function ScrollRegion({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="scroll-region">
      <p className="scroll-hint">{t("table.scrollHint")}</p>
      <div className="table-wrap" role="region" tabIndex={0} aria-label={labelledBy ? undefined : label} aria-labelledby={labelledBy}>
        {children}
      </div>
    </div>
  );
}
