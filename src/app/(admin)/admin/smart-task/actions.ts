"use server";

import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { SMART_TASK_PAGE } from "@/server/admin/smart-task-schemas";
import { updateSmartTaskOpening } from "@/server/admin/update-smart-task-opening";
import { updateSmartTaskPilotGroup } from "@/server/admin/update-smart-task-pilot-group";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { smartTaskKinds } from "@/server/smart-tasks/kinds";
import { kindForm, PILOT_GROUP_FORM, redirectWithFlash, type SmartTaskAdminForm } from "./_lib/flash";

function run<Result extends { changed: boolean }>(
  form: SmartTaskAdminForm,
  values: Record<string, string>,
  service: (actor: OperatorActor) => Promise<Result>,
  message: (result: Result) => string,
): Promise<never> {
  return runFormAction({
    actor: () => requireOperator(SMART_TASK_PAGE),
    page: SMART_TASK_PAGE,
    form,
    values,
    service,
    success: (result) => ({ message: result.changed ? message(result) : "Nessuna modifica da salvare." }),
    flash: { redirectWithFlash },
    location: (token, { flash }) => flashLocation(SMART_TASK_PAGE, token, flash.tone === "success" ? OUTCOME_NOTICE_ID : form),
  });
}

export async function updateSmartTaskOpeningAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    kindForm(values.kind ?? ""),
    values,
    (actor) => updateSmartTaskOpening(actor, values),
    ({ kind }) => `${smartTaskKinds[kind].label}: abilitazione salvata, vale da subito.`,
  );
}

export async function updateSmartTaskPilotGroupAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    PILOT_GROUP_FORM,
    values,
    (actor) => updateSmartTaskPilotGroup(actor, values),
    ({ members }) => `Gruppo pilota salvato: ${members === 1 ? "1 persona" : `${members} persone`}.`,
  );
}
