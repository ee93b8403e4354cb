import type { QuesitoForm } from "./flash";

// What the quesito pages' action forms share with the server; paths.ts and flash.ts are server-only.

/** The hidden field of every action form that names its quesito (decision 0053). */
export const QUESITO_ID_FIELD = "quesitoId";

/** An action form's section on the quesito's page, where its refusal is shown. */
export function formSectionId(form: QuesitoForm): string {
  return `modulo-${form}`;
}
