// Photos and documents: up to five, checked by content, photos re-encoded without their hidden data.
import { Checkbox } from "~/components/form";
import { MAX_FILES } from "~/domain/uploads";
import { useT } from "~/i18n/use-t";
import type { FilingPartProps } from "./types";

export function AttachmentsPart({ values, errors }: FilingPartProps) {
  const t = useT();
  return (
    <>
      <fieldset className="group">
        <legend>{t("file.attachments.legend")}</legend>
        <div className={`field${errors.attachments ? " field--error" : ""}`}>
          <label htmlFor="field-attachments">
            {t("file.attachments")} <span className="label-note">{t("file.optional")}</span>
          </label>
          <p className="hint" id="field-attachments-hint">
            {t("file.attachments.hint")}
          </p>
          {errors.attachments ? (
            <p className="field-error" id="field-attachments-error">
              {errors.attachments.split("\n").map((line, i) => (
                <span key={i} className="field-error-line">
                  {line}
                </span>
              ))}
            </p>
          ) : null}
          <input
            type="file"
            id="field-attachments"
            name="attachments"
            multiple
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,application/pdf"
            aria-describedby={`field-attachments-hint${errors.attachments ? " field-attachments-error" : ""}`}
            data-max-files={MAX_FILES}
          />
        </div>
        <Checkbox
          name="keepPhotoLocation"
          label={t("file.keepPhotoLocation")}
          hint={t("file.keepPhotoLocation.hint")}
          checked={values.keepPhotoLocation === "on"}
        />
      </fieldset>
    </>
  );
}
