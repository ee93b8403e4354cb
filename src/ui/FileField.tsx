import { FieldFrame } from "./FieldFrame";

interface FileFieldProps {
  name: string;
  label: string;
  /** Defaults to `name`. */
  id?: string;
  hint?: string;
  error?: string;
}

/** A file input taking several files, with its label, hint and error. */
export function FileField({ name, label, id, hint, error }: FileFieldProps) {
  return (
    <FieldFrame name={name} label={label} id={id} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          type="file"
          multiple
          className="mt-2 block w-full rounded-sm border border-neutral-600 bg-white p-2 text-base"
        />
      )}
    </FieldFrame>
  );
}
