"use server";

import { textFields } from "@/app/_lib/form-data";
import { flashLocation, refusedFormFlash } from "@/app/_lib/form-flash";
import { DomainError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import { deleteRequestFilter } from "@/server/requests/delete-request-filter";
import { saveRequestFilter } from "@/server/requests/save-request-filter";
import { requestListSearch, requestListViewKeys, type RequestListViewKey } from "@/server/requests/schemas";
import {
  DELETE_FILTER_FORM,
  redirectWithFlash,
  REQUESTS_PATH,
  SAVE_FILTER_FORM,
  SAVED_FILTERS_ANCHOR,
  type Flash,
  type RequestListForm,
} from "./_lib/flash";

/** The list's filters and order, posted in the form's hidden fields. */
function postedView(fields: Record<string, string>): Partial<Record<RequestListViewKey, string>> {
  return Object.fromEntries(requestListViewKeys.flatMap((key) => (fields[key] ? [[key, fields[key]]] : [])));
}

/**
 * Every form of the request list: resolve the actor, call one service, keep
 * the outcome for the page, and redirect (PRG) to the list with the filters
 * the service names, or else those posted. A refused save is shown at its
 * form with the name typed; anything else above the saved filters.
 */
async function run(
  form: RequestListForm,
  fields: Record<string, string>,
  service: (actor: ContributorActor, view: Partial<Record<RequestListViewKey, string>>) => Promise<{ message: string; view?: string }>,
): Promise<never> {
  const actor = await requireContributor(REQUESTS_PATH);
  const view = postedView(fields);
  let search = requestListSearch(view);
  let flash: Flash;
  let anchor = SAVED_FILTERS_ANCHOR;
  try {
    const outcome = await service(actor, view);
    flash = { tone: "success", message: outcome.message };
    search = outcome.view ?? search;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    flash = refusedFormFlash(error, form, form === SAVE_FILTER_FORM ? { name: fields.name ?? "" } : {});
    if (form === SAVE_FILTER_FORM) anchor = SAVE_FILTER_FORM;
  }
  return redirectWithFlash(flash, (token) => flashLocation(REQUESTS_PATH, token, anchor, search));
}

export async function saveFilterAction(formData: FormData): Promise<void> {
  const fields = textFields(formData);
  await run(SAVE_FILTER_FORM, fields, async (actor, view) => {
    const saved = await saveRequestFilter(actor, { name: fields.name, query: view });
    return {
      message: saved.replaced
        ? `I filtri salvati come «${saved.name}» sono stati sostituiti con quelli attuali.`
        : `Filtri salvati come «${saved.name}».`,
      view: saved.query,
    };
  });
}

export async function deleteFilterAction(formData: FormData): Promise<void> {
  const fields = textFields(formData);
  await run(DELETE_FILTER_FORM, fields, async (actor) => {
    const deleted = await deleteRequestFilter(actor, { filterId: fields.filterId ?? "" });
    return { message: `Filtro «${deleted.name}» eliminato.` };
  });
}
