import { formatFileSize, uploadLimitsHint } from "@/server/attachments/upload-messages";
import { FILES_FIELD } from "@/server/attachments/files-field";
import { KEPT_FILES_FIELD } from "@/server/drafts/schemas";
import { CheckboxField, FileField } from "@/ui";

export type KeptFile = { key: string; fileName: string; size: number };

interface FilesFieldProps {
  /** The file input's id, when a page holds more than one form. */
  id?: string;
  limits: { maxFiles: number; maxBytesPerFile: number };
  error?: string;
  /** The files a corrected form already received; sent again unless unticked. */
  kept: KeptFile[];
}

/** The attachments of a form: the files kept from a draft, then the file input with the gestione's limits. */
export function FilesField({ id, limits, error, kept }: FilesFieldProps) {
  return (
    <>
      {kept.length > 0 ? (
        <fieldset className="mb-6">
          <legend className="font-semibold">I file già caricati sono stati conservati</legend>
          <p className="mb-2 text-neutral-700">Saranno inviati con il modulo: togli la spunta a quelli che non vuoi inviare.</p>
          {kept.map((file) => (
            <CheckboxField
              key={file.key}
              id={`${id ?? KEPT_FILES_FIELD}-${file.key}`}
              name={KEPT_FILES_FIELD}
              value={file.key}
              defaultChecked
              label={`${file.fileName} (${formatFileSize(file.size)})`}
            />
          ))}
        </fieldset>
      ) : null}
      <FileField
        name={FILES_FIELD}
        id={id}
        label={kept.length > 0 ? "Altri allegati" : "Allegati"}
        hint={uploadLimitsHint(limits)}
        error={error}
      />
    </>
  );
}
