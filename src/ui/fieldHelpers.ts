export interface FieldAria {
  id: string;
  hintId: string | undefined;
  errorId: string | undefined;
  /** Value for `aria-describedby`: the error first, then the hint. */
  describedBy: string | undefined;
}

/** Ids tying a field's control to its hint and error message. */
export function fieldAria(name: string, id: string | undefined, hint: string | undefined, error: string | undefined): FieldAria {
  const controlId = id ?? name;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ");
  return { id: controlId, hintId, errorId, describedBy: describedBy || undefined };
}

/** Wrapper of one field; an error adds the red bar on the left. */
export function fieldGroupClasses(error: string | undefined): string {
  return error ? "mb-6 border-l-4 border-danger pl-4" : "mb-6";
}

/** Border and spacing (globals.css: `.control`) shared by text inputs, selects and textareas. */
export function controlClasses(error: string | undefined): string {
  return error ? "control control-error" : "control";
}
