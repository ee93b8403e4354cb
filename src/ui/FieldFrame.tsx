import type { ReactNode } from "react";
import { FieldError } from "./FieldError";
import { FieldHint } from "./FieldHint";
import { FieldLabel } from "./FieldLabel";
import { fieldAria, fieldGroupClasses } from "./fieldHelpers";

/** The attributes that tie a control to its label, hint and error. */
export interface ControlAttributes {
  id: string;
  name: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

interface FieldFrameProps {
  name: string;
  label: string;
  id?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Renders the control with the attributes it must carry. */
  children: (control: ControlAttributes) => ReactNode;
}

/** Label, hint and error around one control: the part every text-like field shares. */
export function FieldFrame({ name, label, id, hint, error, required, children }: FieldFrameProps) {
  const aria = fieldAria(name, id, hint, error);
  return (
    <div className={fieldGroupClasses(error)}>
      <FieldLabel htmlFor={aria.id} required={required}>
        {label}
      </FieldLabel>
      {hint ? <FieldHint id={aria.hintId}>{hint}</FieldHint> : null}
      {error ? <FieldError id={aria.errorId}>{error}</FieldError> : null}
      {/* Only the attributes that apply: an undefined prop still costs its name in the page's RSC payload. */}
      {children({
        id: aria.id,
        name,
        ...(required ? { required } : {}),
        ...(aria.describedBy ? { "aria-describedby": aria.describedBy } : {}),
        ...(error ? { "aria-invalid": true } : {}),
      })}
    </div>
  );
}
