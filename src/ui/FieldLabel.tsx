import type { ReactNode } from "react";

interface FieldLabelProps {
  htmlFor: string;
  required?: boolean;
  /** Inline label beside a checkbox instead of a block label above the control. */
  inline?: boolean;
  children: ReactNode;
}

export function FieldLabel({ htmlFor, required = false, inline = false, children }: FieldLabelProps) {
  return (
    <label htmlFor={htmlFor} className={inline ? "block" : "block font-semibold"}>
      {children}
      {required ? <span className="font-normal text-neutral-700"> (obbligatorio)</span> : null}
    </label>
  );
}
