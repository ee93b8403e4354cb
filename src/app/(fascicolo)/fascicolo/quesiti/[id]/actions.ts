"use server";

import { refusedFormFlash } from "@/app/_lib/form-flash";
import { DomainError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { addInternalNote } from "@/server/quesiti/add-internal-note";
import { changeQuesitoState } from "@/server/quesiti/change-quesito-state";
import { closeQuesito } from "@/server/quesiti/close-quesito";
import { reassignQuesito } from "@/server/quesiti/reassign-quesito";
import { takeQuesito } from "@/server/quesiti/take-quesito";
import { redirectWithFlash, typedValues, type Flash, type QuesitoForm } from "../_lib/flash";
import { outcomeLocation, quesitoPath } from "../_lib/paths";

type Service = (operator: OperatorActor, quesitoId: string, input: unknown) => Promise<unknown>;

/**
 * Every form of the quesito page: resolve the operator, call one service,
 * keep the outcome for the page, and redirect (PRG) — to the quesito, or to
 * the queue when it has left the office.
 */
async function run(
  quesitoId: string,
  formData: FormData,
  form: QuesitoForm,
  service: Service,
  success: { message: string; leavesOffice?: boolean },
): Promise<never> {
  const operator = await requireOperator(quesitoPath(quesitoId));
  let flash: Flash;
  let target = quesitoPath(quesitoId);
  try {
    await service(operator, quesitoId, Object.fromEntries(formData));
    flash = { tone: "success", message: success.message };
    if (success.leavesOffice) target = "/fascicolo/quesiti";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    flash = refusedFormFlash(error, form, typedValues(formData.entries()));
  }
  return redirectWithFlash(flash, (token) => outcomeLocation(target, token, flash));
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

export async function internalNoteAction(quesitoId: string, formData: FormData): Promise<void> {
  await run(quesitoId, formData, "nota", addInternalNote, { message: "Nota interna aggiunta." });
}

export async function closeAction(quesitoId: string, formData: FormData): Promise<void> {
  await run(quesitoId, formData, "chiusura", closeQuesito, { message: "Quesito chiuso: il contribuente vede l'esito." });
}
