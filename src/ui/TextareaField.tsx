import type { ComponentPropsWithoutRef } from "react";
import { CharacterCount } from "./CharacterCount";
import { FieldFrame } from "./FieldFrame";
import { controlClasses } from "./fieldHelpers";

interface TextareaFieldProps extends Omit<
  ComponentPropsWithoutRef<"textarea">,
  "name" | "id" | "className" | "children" | "aria-describedby" | "aria-invalid" | "maxLength"
> {
  name: string;
  label: string;
  /** Defaults to `name`. */
  id?: string;
  hint?: string;
  error?: string;
  /**
   * Most characters the server takes, shown with a live count. Never a
   * `maxlength`: that would cut a pasted text silently; a text over the limit
   * is sent, refused with its count, and comes back whole.
   */
  limit?: number;
}

export function TextareaField({ name, label, id, hint, error, required, rows = 6, limit, ...textareaProps }: TextareaFieldProps) {
  return (
    <FieldFrame name={name} label={label} id={id} hint={hint} error={error} required={required}>
      {(control) => {
        const countId = `${control.id}-conteggio`;
        const describedBy = [control["aria-describedby"], limit ? countId : undefined].filter(Boolean).join(" ") || undefined;
        return (
          <>
            <textarea {...textareaProps} {...control} aria-describedby={describedBy} rows={rows} className={controlClasses(error)} />
            {limit ? <CharacterCount controlId={control.id} id={countId} limit={limit} /> : null}
          </>
        );
      }}
    </FieldFrame>
  );
}
