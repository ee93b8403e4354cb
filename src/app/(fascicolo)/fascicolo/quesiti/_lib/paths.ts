import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import type { Flash } from "./flash";
import { formSectionId } from "./form-sections";

/** Addresses of the office's quesito pages and the reply upload, and where a form's outcome is shown on them. */

export function quesitoPath(quesitoId: string): string {
  return `/fascicolo/quesiti/${encodeURIComponent(quesitoId)}`;
}

/** The page with the forms that reassign the quesito to a colleague or transfer it to another office. */
export function reassignmentPath(quesitoId: string): string {
  return `${quesitoPath(quesitoId)}/riassegna`;
}

export function replyUploadPath(quesitoId: string): string {
  return `/api/fascicolo/quesiti/${encodeURIComponent(quesitoId)}/risposta`;
}

/** The notice at the top of a quesito page that shows a form's outcome. */
export { OUTCOME_NOTICE_ID };

/**
 * Where the browser goes after a form (PRG): `page` naming the token of the
 * outcome's cookie, scrolled to the refused form or else to the notice.
 */
export function outcomeLocation(page: string, token: string, flash: Flash): string {
  const anchor = flash.tone === "danger" && flash.form ? formSectionId(flash.form) : OUTCOME_NOTICE_ID;
  return flashLocation(page, token, anchor);
}
