import { ErrorSummary, useTranslatedErrors } from "./form";
import { useT } from "~/i18n/use-t";
import { translateMessage } from "~/i18n";

export interface AdminResult {
  message: string | null;
  params: (string | number)[];
  errors: Record<string, string | undefined> | null;
}

/** The confirmation or the errors after an admin form post. */
export function AdminResultBanner({ result }: { result: AdminResult | undefined }) {
  const t = useT();
  const errors = useTranslatedErrors(result?.errors ?? undefined);
  if (!result) return null;
  if (result.message) {
    return (
      <p className="panel panel--success" role="status">
        {translateMessage(t, result.message, ...result.params)}
      </p>
    );
  }
  return <ErrorSummary errors={errors} order={Object.keys(errors)} />;
}
