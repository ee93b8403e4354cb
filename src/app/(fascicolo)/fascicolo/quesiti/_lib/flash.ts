import "server-only";
import { textFields } from "@/app/_lib/form-data";
import { loadFormDraft } from "@/app/_lib/form-draft";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";
import { isUuid } from "@/lib/form-fields";
import type { OperatorActor } from "@/server/identity/actor";
import type { TransitionAction } from "@/server/workflow/lifecycle";
import { QUESITO_ID_FIELD } from "./form-sections";

/** The outcome of the quesito pages' forms across their redirect (src/app/_lib/form-flash.ts). */

export const quesitoForms = [
  "presa",
  "riassegna-operatore",
  "riassegna-sede",
  "stato",
  "integrazione",
  "nota",
  "chiusura",
  "risposta",
] as const;
export type QuesitoForm = (typeof quesitoForms)[number];

/** The forms on the reassignment's own page (decision 0053); the others are on the quesito's page. */
export const reassignmentForms = ["riassegna-operatore", "riassegna-sede"] as const satisfies readonly QuesitoForm[];
export type ReassignmentForm = (typeof reassignmentForms)[number];
export type QuesitoPageForm = Exclude<QuesitoForm, ReassignmentForm>;

export function isReassignmentForm(form: QuesitoForm): form is ReassignmentForm {
  return (reassignmentForms as readonly QuesitoForm[]).includes(form);
}

/** The forms on the quesito's own page. */
export const quesitoPageForms = quesitoForms.filter((form): form is QuesitoPageForm => !isReassignmentForm(form));

/** The lifecycle action behind each form: the form is on the page only while the action is allowed. */
export const formActions: Record<QuesitoForm, TransitionAction> = {
  presa: "PRESA_IN_CARICO",
  "riassegna-operatore": "RIASSEGNATA",
  "riassegna-sede": "RIASSEGNATA",
  stato: "STATO_MODIFICATO",
  integrazione: "RICHIESTA_INTEGRAZIONE",
  nota: "NOTA_INTERNA",
  chiusura: "CHIUSA",
  risposta: "RISPOSTA",
};

export const FLASH_COOKIE = "cb.fascicolo.esito";
export type Flash = FormFlash<QuesitoForm>;

export const { flashCookie, readFlash, pageFlash, redirectWithFlash } = formFlashFamily<QuesitoForm>({
  cookieName: FLASH_COOKIE,
  path: "/fascicolo/quesiti",
  isForm: (value): value is QuesitoForm => (quesitoForms as readonly string[]).includes(value),
});

/**
 * The quesito a posted action form names; empty when the field is missing or
 * cannot name one (not a uuid: any length, any characters), so that nothing
 * typed there reaches the redirect's address. The services find no quesito
 * for an empty id and refuse it as not found.
 */
export function formQuesitoId(formData: FormData): string {
  const value = formData.get(QUESITO_ID_FIELD);
  return typeof value === "string" && isUuid(value) ? value : "";
}

/** The text fields of a posted form, without the hidden version and quesito. */
export function typedValues(entries: Iterable<[string, FormDataEntryValue]>): Record<string, string> {
  const { expectedVersion: _version, [QUESITO_ID_FIELD]: _quesitoId, ...values } = textFields(entries);
  return values;
}

/** The draft scope of a refused form of the quesito page (all but the reply, which has its own). */
export const actionDraftScope = (quesitoId: string) => ({ purpose: "AZIONE_QUESITO" as const, quesitoId });

/**
 * The flash of a refused form with what was typed, read back from the draft
 * it names: a long note or comment comes back whole (decision 0022). A draft
 * gone meanwhile gives the form back empty, with the refusal's message.
 */
export async function withDraftValues(operator: OperatorActor, quesitoId: string, flash: Flash | null): Promise<Flash | null> {
  if (!flash?.draftId) return flash;
  const { draftId: _draftId, ...shown } = flash;
  const { draft } = await loadFormDraft(operator, flash.draftId, actionDraftScope(quesitoId));
  return { ...shown, values: draft?.values ?? {} };
}
