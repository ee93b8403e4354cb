import type { QuesitoForm } from "./flash";

/** What the quesito page's action forms share with the server, apart from paths.ts and flash.ts, which are server-only. */

/** The hidden field of every action form that names its quesito (decision 0053). */
export const QUESITO_ID_FIELD = "quesitoId";

/** An action form's section on the quesito's page, where its refusal is shown. */
export function formSectionId(form: QuesitoForm): string {
  return `modulo-${form}`;
}
