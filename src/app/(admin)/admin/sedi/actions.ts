"use server";

import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { createOffice } from "@/server/admin/create-office";
import { updateAgendaDefaults } from "@/server/admin/update-agenda-defaults";
import { moveCompetence } from "@/server/admin/move-competence";
import { updateGestioneSettings } from "@/server/admin/update-gestione-settings";
import { updateOffice } from "@/server/admin/update-office";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { AGENDA_DEFAULTS_PATH, OFFICES_PATH, SETTINGS_PATH, redirectWithFlash, type AdminOfficesForm, type Flash } from "./_lib/flash";

/** Where a form is (`page`, `form`) and where its success is told (`done`, the form's page unless given). */
type FormPlace = { page: string; form: AdminOfficesForm; done?: string };

/** One action of these pages: the ADMIN's service through runFormAction, back to the form when refused. */
function run<Result>(
  { page, form, done = page }: FormPlace,
  values: Record<string, string>,
  service: (actor: OperatorActor) => Promise<Result>,
  success: (result: Result) => Pick<Flash, "message">,
): Promise<never> {
  const location = (token: string, refused: boolean) =>
    refused ? flashLocation(page, token, form) : flashLocation(done, token, OUTCOME_NOTICE_ID);
  const spec = { page, form, values, service, success, flash: { redirectWithFlash } };
  return runFormAction({
    ...spec,
    actor: () => requireOperator(page),
    location: (token, outcome) => location(token, outcome.flash.tone !== "success"),
  });
}

export async function createOfficeAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    { page: `${OFFICES_PATH}/nuova`, form: "sede-nuova", done: OFFICES_PATH },
    values,
    (actor) => createOffice(actor, values),
    () => ({ message: `Sede ${values.code ?? ""} creata.` }),
  );
}

export async function updateOfficeAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  const officeId = values.officeId ?? "";
  await run(
    { page: `${OFFICES_PATH}/${encodeURIComponent(officeId)}`, form: `sede-${officeId}`, done: OFFICES_PATH },
    values,
    (actor) => updateOffice(actor, values),
    () => ({ message: "Sede aggiornata." }),
  );
}

export async function moveCompetenceAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    { page: OFFICES_PATH, form: "competenza" },
    values,
    (actor) => moveCompetence(actor, values),
    ({ fromOffice, toOffice, movedQuesiti }) => ({
      message: `Competenza spostata da ${fromOffice} a ${toOffice}: ${
        movedQuesiti === 0
          ? "nessun quesito aperto spostato"
          : movedQuesiti === 1
            ? "1 quesito aperto spostato, il contribuente è avvisato"
            : `${movedQuesiti} quesiti aperti spostati, i contribuenti sono avvisati`
      }.`,
    }),
  );
}

export async function updateGestioneSettingsAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    { page: SETTINGS_PATH, form: `gestione-${values.gestione ?? ""}` },
    values,
    (actor) => updateGestioneSettings(actor, values),
    () => ({ message: "Impostazioni salvate: valgono per i moduli aperti da ora." }),
  );
}

export async function updateAgendaDefaultsAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    { page: AGENDA_DEFAULTS_PATH, form: "agenda" },
    values,
    (actor) => updateAgendaDefaults(actor, values),
    ({ offices }) => ({
      message: `Valori predefiniti salvati: valgono per le sedi che aprono l'agenda da ora${
        offices === 0
          ? ""
          : offices === 1
            ? " e per 1 sede che non ha regole proprie"
            : ` e per ${offices} sedi che non hanno regole proprie`
      }.`,
    }),
  );
}
