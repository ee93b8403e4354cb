"use server";

import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { createOffice } from "@/server/admin/create-office";
import { moveCompetence } from "@/server/admin/move-competence";
import { updateGestioneSettings } from "@/server/admin/update-gestione-settings";
import { updateOffice } from "@/server/admin/update-office";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { OFFICES_PATH, SETTINGS_PATH, redirectWithFlash, type AdminOfficesForm, type Flash } from "./_lib/flash";

function run<Result>(
  page: string,
  form: AdminOfficesForm,
  values: Record<string, string>,
  service: (actor: OperatorActor) => Promise<Result>,
  success: (result: Result) => Pick<Flash, "message">,
  donePage = page,
): Promise<never> {
  return runFormAction({
    actor: () => requireOperator(page),
    page,
    form,
    values,
    service,
    success,
    flash: { redirectWithFlash },
    location: (token, { flash }) =>
      flash.tone === "success" ? flashLocation(donePage, token, OUTCOME_NOTICE_ID) : flashLocation(page, token, form),
  });
}

export async function createOfficeAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    `${OFFICES_PATH}/nuova`,
    "sede-nuova",
    values,
    (actor) => createOffice(actor, values),
    () => ({ message: `Sede ${values.code ?? ""} creata.` }),
    OFFICES_PATH,
  );
}

export async function updateOfficeAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  const officeId = values.officeId ?? "";
  await run(
    `${OFFICES_PATH}/${encodeURIComponent(officeId)}`,
    `sede-${officeId}`,
    values,
    (actor) => updateOffice(actor, values),
    () => ({ message: "Sede aggiornata." }),
    OFFICES_PATH,
  );
}

export async function moveCompetenceAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    OFFICES_PATH,
    "competenza",
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
    SETTINGS_PATH,
    `gestione-${values.gestione ?? ""}`,
    values,
    (actor) => updateGestioneSettings(actor, values),
    () => ({ message: "Impostazioni salvate: valgono per i moduli aperti da ora." }),
  );
}
