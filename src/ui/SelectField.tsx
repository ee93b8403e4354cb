import type { ComponentPropsWithoutRef } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { FieldLabel } from "./FieldLabel";
import { controlClasses, fieldAria, fieldGroupClasses } from "./fieldHelpers";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Rendered as `<optgroup>`, e.g. a subject with its sub-subjects. */
export interface SelectOptionGroup {
  label: string;
  options: SelectOption[];
}

interface SelectFieldProps
  extends Omit<
    ComponentPropsWithoutRef<"select">,
    "name" | "id" | "className" | "children" | "aria-describedby" | "aria-invalid"
  > {
  name: string;
  label: string;
  /** Defaults to `name`. */
  id?: string;
  hint?: string;
  error?: string;
  options: (SelectOption | SelectOptionGroup)[];
  /** First option with an empty value, e.g. "Seleziona un oggetto". */
  placeholder?: string;
}

function renderOption(option: SelectOption) {
  return (
    <option key={option.value} value={option.value} disabled={option.disabled}>
      {option.label}
    </option>
  );
}

export function SelectField({
  name,
  label,
  id,
  hint,
  error,
  options,
  placeholder,
  required,
  ...selectProps
}: SelectFieldProps) {
  const aria = fieldAria(name, id, hint, error);
  return (
    <div className={fieldGroupClasses(error)}>
      <FieldLabel htmlFor={aria.id} required={required}>
        {label}
      </FieldLabel>
      {hint ? <FieldHint id={aria.hintId}>{hint}</FieldHint> : null}
      {error ? <FieldError id={aria.errorId}>{error}</FieldError> : null}
      <select
        {...selectProps}
        id={aria.id}
        name={name}
        required={required}
        aria-describedby={aria.describedBy}
        aria-invalid={error ? true : undefined}
        className={`${controlClasses(error)} min-h-12`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((item) =>
          "options" in item ? (
            <optgroup key={`group-${item.label}`} label={item.label}>
              {item.options.map(renderOption)}
            </optgroup>
          ) : (
            renderOption(item)
          ),
        )}
      </select>
    </div>
  );
}
