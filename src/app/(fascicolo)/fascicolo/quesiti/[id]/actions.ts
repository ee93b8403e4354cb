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
import { actionDraftScope, redirectWithFlash, typedValues, type QuesitoForm } from "../_lib/flash";
import { outcomeLocation, quesitoPath } from "../_lib/paths";

type Service = (operator: OperatorActor, quesitoId: string, input: unknown) => Promise<unknown>;

/**
 * Every form of the quesito page through the one form runner, back (PRG) to
 * the quesito, or to the queue when it has left the office.
 */
function run(
  quesitoId: string,
  formData: FormData,
  form: QuesitoForm,
  service: Service,
  success: { message: string; leavesOffice?: boolean },
): Promise<never> {
  const page = quesitoPath(quesitoId);
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
      outcomeLocation(flash.tone === "success" && success.leavesOffice ? "/fascicolo/quesiti" : page, token, flash),
  });
}

export async function takeAction(quesitoId: string, formData: FormData): Promise<void> {
  await run(quesitoId, formData, "presa", takeQuesito, { message: "Hai preso in carico il quesito." });
}

export async function reassignToOperatorAction(quesitoId: string, formData: FormData): Promise<void> {
  await run(quesitoId, formData, "riassegna-operatore", reassignQuesito, { message: "Quesito riassegnato." });
}

export async function reassignToOfficeAction(quesitoId: string, formData: FormData): Promise<void> {
  await run(quesitoId, formData, "riassegna-sede", reassignQuesito, {
    message: "Quesito trasferito all'altra sede: non è più nella coda di questa sede.",
    leavesOffice: true,
  });
}

export async function changeStateAction(quesitoId: string, formData: FormData): Promise<void> {
  await run(quesitoId, formData, "stato", changeQuesitoState, { message: "Stato del quesito aggiornato." });
}

export async function requestIntegrationAction(quesitoId: string, formData: FormData): Promise<void> {
  await run(quesitoId, formData, "integrazione", requestIntegration, {
    message: "Richiesta di integrazione inviata: il contribuente vede il termine, e quello della sede è sospeso.",
  });
}

export async function internalNoteAction(quesitoId: string, formData: FormData): Promise<void> {
  await run(quesitoId, formData, "nota", addInternalNote, { message: "Nota interna aggiunta." });
}

export async function closeAction(quesitoId: string, formData: FormData): Promise<void> {
  await run(quesitoId, formData, "chiusura", closeQuesito, { message: "Quesito chiuso: il contribuente vede l'esito." });
}
