import type { ComponentPropsWithoutRef } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { FieldLabel } from "./FieldLabel";
import { controlClasses, fieldAria, fieldGroupClasses } from "./fieldHelpers";

export type TextFieldWidth = "full" | "medium" | "short";

interface TextFieldProps
  extends Omit<
    ComponentPropsWithoutRef<"input">,
    "name" | "id" | "type" | "className" | "children" | "aria-describedby" | "aria-invalid"
  > {
  name: string;
  label: string;
  /** Defaults to `name`. */
  id?: string;
  hint?: string;
  error?: string;
  type?: "text" | "email" | "tel" | "url" | "number" | "date" | "password" | "search";
  /** Width of the control: whole column, about 20 characters, or about 10. */
  width?: TextFieldWidth;
}

const widthClasses: Record<TextFieldWidth, string> = {
  full: "",
  medium: "max-w-80",
  short: "max-w-40",
};

export function TextField({
  name,
  label,
  id,
  hint,
  error,
  type = "text",
  width = "full",
  required,
  ...inputProps
}: TextFieldProps) {
  const aria = fieldAria(name, id, hint, error);
  return (
    <div className={fieldGroupClasses(error)}>
      <FieldLabel htmlFor={aria.id} required={required}>
        {label}
      </FieldLabel>
      {hint ? <FieldHint id={aria.hintId}>{hint}</FieldHint> : null}
      {error ? <FieldError id={aria.errorId}>{error}</FieldError> : null}
      <input
        {...inputProps}
        id={aria.id}
        name={name}
        type={type}
        required={required}
        aria-describedby={aria.describedBy}
        aria-invalid={error ? true : undefined}
        className={`${controlClasses(error)} min-h-12 ${widthClasses[width]}`}
      />
    </div>
  );
}
