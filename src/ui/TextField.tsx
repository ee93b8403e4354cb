"use client";

import type { ComponentPropsWithoutRef } from "react";
import { FieldFrame } from "./FieldFrame";
import { controlClasses } from "./fieldHelpers";

export type TextFieldWidth = "full" | "medium" | "short";

interface TextFieldProps extends Omit<
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
  medium: " max-w-80",
  short: " max-w-40",
};

/**
 * A client component only for the pages' weight (decision 0048): a server page's payload carries the field's few
 * props instead of its markup a second time beside the HTML. It works without JavaScript all the same.
 */
export function TextField({ name, label, id, hint, error, type = "text", width = "full", required, ...inputProps }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} id={id} hint={hint} error={error} required={required}>
      {(control) => (
        <input {...inputProps} {...control} type={type} className={`${controlClasses(error)} min-h-12${widthClasses[width]}`} />
      )}
    </FieldFrame>
  );
}
