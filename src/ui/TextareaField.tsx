import type { ComponentPropsWithoutRef } from "react";
import { FieldFrame } from "./FieldFrame";
import { controlClasses } from "./fieldHelpers";

interface TextareaFieldProps
  extends Omit<
    ComponentPropsWithoutRef<"textarea">,
    "name" | "id" | "className" | "children" | "aria-describedby" | "aria-invalid"
  > {
  name: string;
  label: string;
  /** Defaults to `name`. */
  id?: string;
  hint?: string;
  error?: string;
}

export function TextareaField({ name, label, id, hint, error, required, rows = 6, ...textareaProps }: TextareaFieldProps) {
  return (
    <FieldFrame name={name} label={label} id={id} hint={hint} error={error} required={required}>
      {(control) => <textarea {...textareaProps} {...control} rows={rows} className={controlClasses(error)} />}
    </FieldFrame>
  );
}
