// The disclosure's documents (PDF, images), checked and re-encoded like residents' attachments.
import { IntentForm } from "~/components/intent-form";
import { useT } from "~/i18n/use-t";
import type { PanelProps } from "./types";

export function DocumentsPanel({ data, failed }: PanelProps) {
  const t = useT();
  const { disclosure: d, documents, canManage } = data;
  if (!canManage || d.status === "withdrawn" || d.status === "superseded") return null;
  return (
    <IntentForm
      intent="upload"
      label={t("sd.documents.add")}
      submitLabel={t("sd.documents.upload")}
      open={failed === "upload"}
      multipart
      before={
        <ul className="files">
          {documents.map((doc) => (
            <li key={doc.id}>{doc.displayName}</li>
          ))}
        </ul>
      }
    >
      <div className="field">
        <label htmlFor="docs">{t("file.attachments")}</label>
        <input type="file" id="docs" name="attachments" multiple accept="application/pdf,image/*" />
      </div>
    </IntentForm>
  );
}
