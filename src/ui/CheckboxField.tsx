import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { FieldLabel } from "./FieldLabel";
import { fieldAria, fieldGroupClasses } from "./fieldHelpers";

interface CheckboxFieldProps extends Omit<
  ComponentPropsWithoutRef<"input">,
  "name" | "id" | "type" | "className" | "children" | "aria-describedby" | "aria-invalid"
> {
  name: string;
  /** May hold inline content, e.g. a link to the privacy notice. */
  label: ReactNode;
  /** Defaults to `name`. */
  id?: string;
  hint?: string;
  error?: string;
}

/** One checkbox; the form receives `name=value` ("on" unless `value` is given) only when ticked. */
export function CheckboxField({ name, label, id, hint, error, required, ...inputProps }: CheckboxFieldProps) {
  const aria = fieldAria(name, id, hint, error);
  return (
    <div className={fieldGroupClasses(error)}>
      {error ? <FieldError id={aria.errorId}>{error}</FieldError> : null}
      <div className={error ? "mt-2 flex items-start gap-3" : "flex items-start gap-3"}>
        <input
          {...inputProps}
          id={aria.id}
          name={name}
          type="checkbox"
          required={required}
          aria-describedby={aria.describedBy}
          aria-invalid={error ? true : undefined}
          className="mt-0.5 size-6 shrink-0 accent-primary"
        />
        <div>
          <FieldLabel htmlFor={aria.id} required={required} inline>
            {label}
          </FieldLabel>
          {hint ? <FieldHint id={aria.hintId}>{hint}</FieldHint> : null}
        </div>
      </div>
    </div>
  );
}
