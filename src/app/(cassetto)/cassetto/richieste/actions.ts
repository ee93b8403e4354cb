"use server";

import { textFields } from "@/app/_lib/form-data";
import { flashLocation } from "@/app/_lib/form-flash";
import { runFormAction } from "@/app/_lib/http/form-action";
import type { ContributorActor } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import { requestListSearch, requestListViewKeys, type RequestListViewKey } from "@/server/requests/schemas";
import { deleteRequestFilter } from "@/server/saved-filters/delete-request-filter";
import { saveRequestFilter } from "@/server/saved-filters/save-request-filter";
import {
  DELETE_FILTER_FORM,
  redirectWithFlash,
  REQUESTS_PATH,
  SAVE_FILTER_FORM,
  SAVED_FILTERS_ANCHOR,
  type RequestListForm,
} from "./_lib/flash";

/** The list's filters and order, posted in the form's hidden fields. */
function postedView(fields: Record<string, string>): Partial<Record<RequestListViewKey, string>> {
  return Object.fromEntries(requestListViewKeys.flatMap((key) => (fields[key] ? [[key, fields[key]]] : [])));
}

/**
 * Every form of the request list through the one form runner, back to the
 * list (PRG) with the filters the service names, or else those posted. A
 * refused save is shown at its form with the name typed; anything else above
 * the saved filters.
 */
function run(
  form: RequestListForm,
  fields: Record<string, string>,
  service: (actor: ContributorActor, view: Partial<Record<RequestListViewKey, string>>) => Promise<{ message: string; view?: string }>,
): Promise<never> {
  const view = postedView(fields);
  return runFormAction({
    actor: () => requireContributor(REQUESTS_PATH),
    page: REQUESTS_PATH,
    form,
    values: form === SAVE_FILTER_FORM ? { name: fields.name ?? "" } : {},
    service: (actor) => service(actor, view),
    success: ({ message }) => ({ message }),
    flash: { redirectWithFlash },
    location: (token, { flash, result }) =>
      flashLocation(
        REQUESTS_PATH,
        token,
        flash.tone === "danger" && form === SAVE_FILTER_FORM ? SAVE_FILTER_FORM : SAVED_FILTERS_ANCHOR,
        result?.view ?? requestListSearch(view),
      ),
  });
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
