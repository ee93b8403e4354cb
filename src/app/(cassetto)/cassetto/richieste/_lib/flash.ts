import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";

/**
 * The outcome of the saved-filter forms of the request list, carried across
 * the redirect that follows every post (decision 0007): an http-only cookie
 * shown only when the address carries its `avviso` token.
 */

export const REQUESTS_PATH = "/cassetto/richieste";
/** "Salva questi filtri": a refusal is shown at it, with the name typed. */
export const SAVE_FILTER_FORM = "salva-filtri";
/** The delete button of each saved filter. */
export const DELETE_FILTER_FORM = "elimina-filtro";
/** Where the saved filters and every other outcome are shown. */
export const SAVED_FILTERS_ANCHOR = "filtri-salvati";
export type RequestListForm = typeof SAVE_FILTER_FORM | typeof DELETE_FILTER_FORM;

export type Flash = FormFlash<RequestListForm>;

export const { flashCookie, readFlash, pageFlash, redirectWithFlash } = formFlashFamily<RequestListForm>({
  cookieName: "cb.cassetto.richieste",
  path: REQUESTS_PATH,
  isForm: (value): value is RequestListForm => value === SAVE_FILTER_FORM || value === DELETE_FILTER_FORM,
});
