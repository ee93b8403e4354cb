"use server";

import { runFormAction } from "@/app/_lib/http/form-action";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { addInternalNote } from "@/server/quesiti/add-internal-note";
import { changeQuesitoState } from "@/server/quesiti/change-quesito-state";
import { closeQuesito } from "@/server/quesiti/close-quesito";
import { reassignQuesito } from "@/server/quesiti/reassign-quesito";
import { requestIntegration } from "@/server/quesiti/request-integration";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { actionDraftScope, formQuesitoId, isReassignmentForm, redirectWithFlash, typedValues, type QuesitoForm } from "../_lib/flash";
import { outcomeLocation, quesitoPath, reassignmentPath } from "../_lib/paths";

type Service = (operator: OperatorActor, quesitoId: string, input: unknown) => Promise<unknown>;

/**
 * Every form of the quesito's pages through the one form runner (PRG): a
 * refusal back to the page the form is on, at the form; a success to the
 * quesito, or to the queue when it has left the office. The quesito is the
 * form's hidden `quesitoId` field: the pages' forms post plain actions, not
 * actions bound to the id, whose arguments React serialises into every form
 * of every view (decision 0053); the services check it like any input.
 */
function run(
  formData: FormData,
  form: QuesitoForm,
  service: Service,
  success: { message: string; leavesOffice?: boolean },
): Promise<never> {
  const quesitoId = formQuesitoId(formData);
  const quesitoPage = quesitoPath(quesitoId);
  const page = isReassignmentForm(form) ? reassignmentPath(quesitoId) : quesitoPage;
  return runFormAction({
    actor: () => requireOperator(page),
    page,
    form,
    values: typedValues(formData.entries()),
    draft: actionDraftScope(quesitoId),
    service: (operator) => service(operator, quesitoId, Object.fromEntries(formData)),
    success: () => ({ message: success.message }),
    flash: { redirectWithFlash },
    location: (token, { flash }) =>
      flash.tone === "success"
        ? outcomeLocation(success.leavesOffice ? "/fascicolo/quesiti" : quesitoPage, token, flash)
        : outcomeLocation(page, token, flash),
  });
}

export async function takeAction(formData: FormData): Promise<void> {
  await run(formData, "presa", takeQuesito, { message: "Hai preso in carico il quesito." });
}

export async function reassignToOperatorAction(formData: FormData): Promise<void> {
  await run(formData, "riassegna-operatore", reassignQuesito, { message: "Quesito riassegnato." });
}

export async function reassignToOfficeAction(formData: FormData): Promise<void> {
  await run(formData, "riassegna-sede", reassignQuesito, {
    message: "Quesito trasferito all'altra sede: non è più nella coda di questa sede.",
    leavesOffice: true,
  });
}

export async function changeStateAction(formData: FormData): Promise<void> {
  await run(formData, "stato", changeQuesitoState, { message: "Stato del quesito aggiornato." });
}

export async function requestIntegrationAction(formData: FormData): Promise<void> {
  await run(formData, "integrazione", requestIntegration, {
    message: "Richiesta di integrazione inviata: il contribuente vede il termine, e quello della sede è sospeso.",
  });
}

export async function internalNoteAction(formData: FormData): Promise<void> {
  await run(formData, "nota", addInternalNote, { message: "Nota interna aggiunta." });
}

export async function closeAction(formData: FormData): Promise<void> {
  await run(formData, "chiusura", closeQuesito, { message: "Quesito chiuso: il contribuente vede l'esito." });
}
