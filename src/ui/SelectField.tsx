"use client";

import type { ComponentPropsWithoutRef } from "react";
import { FieldFrame } from "./FieldFrame";
import { controlClasses } from "./fieldHelpers";

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

interface SelectFieldProps extends Omit<
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
    <option key={option.value} value={option.value} {...(option.disabled ? { disabled: true } : {})}>
      {option.label}
    </option>
  );
}

/**
 * A client component only for the pages' weight (decision 0048): a server page's payload carries the field's few
 * props instead of its markup a second time beside the HTML. It works without JavaScript all the same.
 */
export function SelectField({ name, label, id, hint, error, options, placeholder, required, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame name={name} label={label} id={id} hint={hint} error={error} required={required}>
      {(control) => (
        <select {...selectProps} {...control} className={`${controlClasses(error)} min-h-12`}>
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
      )}
    </FieldFrame>
  );
}
