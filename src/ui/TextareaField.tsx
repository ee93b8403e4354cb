import type { ComponentPropsWithoutRef } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { FieldLabel } from "./FieldLabel";
import { controlClasses, fieldAria, fieldGroupClasses } from "./fieldHelpers";

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
  const aria = fieldAria(name, id, hint, error);
  return (
    <div className={fieldGroupClasses(error)}>
      <FieldLabel htmlFor={aria.id} required={required}>
        {label}
      </FieldLabel>
      {hint ? <FieldHint id={aria.hintId}>{hint}</FieldHint> : null}
      {error ? <FieldError id={aria.errorId}>{error}</FieldError> : null}
      <textarea
        {...textareaProps}
        id={aria.id}
        name={name}
        rows={rows}
        required={required}
        aria-describedby={aria.describedBy}
        aria-invalid={error ? true : undefined}
        className={controlClasses(error)}
      />
    </div>
  );
}
