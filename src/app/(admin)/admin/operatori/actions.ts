"use server";

import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { createOperator } from "@/server/admin/create-operator";
import { deactivateOperator } from "@/server/admin/deactivate-operator";
import { OPERATORS_PAGE } from "@/server/admin/operator-schemas";
import { reactivateOperator } from "@/server/admin/reactivate-operator";
import { updateOperator } from "@/server/admin/update-operator";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { operatorForm, redirectWithFlash, statusForm, type OperatorsForm } from "./_lib/flash";

type Outcome = { changed?: boolean; codiceFiscale: string };

function run(
  form: OperatorsForm,
  values: Record<string, string>,
  service: (actor: OperatorActor) => Promise<Outcome>,
  message: (outcome: Outcome) => string,
): Promise<never> {
  return runFormAction({
    actor: () => requireOperator(OPERATORS_PAGE),
    page: OPERATORS_PAGE,
    form,
    values,
    service,
    success: (outcome) => ({ message: outcome.changed === false ? "Nessuna modifica da salvare." : message(outcome) }),
    flash: { redirectWithFlash },
    location: (token, { flash }) => flashLocation(OPERATORS_PAGE, token, flash.tone === "success" ? OUTCOME_NOTICE_ID : form),
  });
}

export async function createOperatorAction(formData: FormData): Promise<void> {
  const { codiceFiscale = "", givenName = "", familyName = "", email = "", officeId = "", role = "" } = textFields(formData);
  const values = { codiceFiscale, givenName, familyName, email, officeId, role };
  await run(
    "nuovo-operatore",
    values,
    (actor) => createOperator(actor, values),
    (outcome) => `Operatore ${outcome.codiceFiscale} aggiunto: può accedere al Fascicolo elettronico.`,
  );
}

export async function updateOperatorAction(formData: FormData): Promise<void> {
  const { operatorId = "", expectedVersion = "", officeId = "", role = "" } = textFields(formData);
  await run(
    operatorForm(operatorId),
    { officeId, role },
    (actor) => updateOperator(actor, { operatorId, expectedVersion, officeId, role }),
    (outcome) => `Sede e ruolo di ${outcome.codiceFiscale} salvati: valgono dalla sua prossima richiesta.`,
  );
}

export async function deactivateOperatorAction(formData: FormData): Promise<void> {
  const { operatorId = "", expectedVersion = "" } = textFields(formData);
  await run(
    statusForm(operatorId),
    {},
    (actor) => deactivateOperator(actor, { operatorId, expectedVersion }),
    (outcome) => `Operatore ${outcome.codiceFiscale} disattivato: le sue sessioni sono terminate.`,
  );
}

export async function reactivateOperatorAction(formData: FormData): Promise<void> {
  const { operatorId = "", expectedVersion = "" } = textFields(formData);
  await run(
    statusForm(operatorId),
    {},
    (actor) => reactivateOperator(actor, { operatorId, expectedVersion }),
    (outcome) => `Operatore ${outcome.codiceFiscale} riattivato: può accedere di nuovo.`,
  );
}
