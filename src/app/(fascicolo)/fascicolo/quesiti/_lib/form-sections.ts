import type { QuesitoForm } from "./flash";

/** An action form's section on the quesito's page, where its refusal is shown; apart from paths.ts, which is server-only. */
export function formSectionId(form: QuesitoForm): string {
  return `modulo-${form}`;
}
