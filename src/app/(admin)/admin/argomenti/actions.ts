"use server";

import { flashLocation, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { applySubjectImport } from "@/server/admin/apply-subject-import";
import { createSubject } from "@/server/admin/create-subject";
import { updateSubject } from "@/server/admin/update-subject";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { redirectWithFlash, type SubjectForm } from "./_lib/flash";
import { importPreviewPath, subjectPath, treePath } from "./_lib/paths";

/** Every form of the subject-tree pages through the one form runner, back (PRG) to `page` or to where the result says. */
function run<Result>(
  page: string,
  form: SubjectForm,
  formData: FormData,
  service: (operator: OperatorActor, input: Record<string, string>) => Promise<Result>,
  success: (result: Result) => { message: string; next?: string },
): Promise<never> {
  const { expectedVersion: _version, planHash: _hash, ...values } = textFields(formData);
  return runFormAction({
    actor: () => requireOperator(page),
    page,
    form,
    values,
    service: (operator) => service(operator, textFields(formData)),
    success: (result) => ({ message: success(result).message }),
    flash: { redirectWithFlash },
    location: (token, { flash, result }) =>
      flash.tone === "success" && result !== undefined
        ? flashLocation(success(result).next ?? page, token, OUTCOME_NOTICE_ID)
        : flashLocation(page, token, form),
  });
}

export async function createSubjectAction(gestione: string, formData: FormData): Promise<void> {
  await run(
    treePath(gestione),
    "nuovo",
    formData,
    (operator, input) => createSubject(operator, gestione, input),
    ({ code }) => ({ message: `Oggetto ${code} aggiunto: i nuovi moduli lo propongono da ora.` }),
  );
}

export async function updateSubjectAction(gestione: string, subjectId: string, formData: FormData): Promise<void> {
  await run(
    subjectPath(gestione, subjectId),
    "modifica",
    formData,
    (operator, input) => updateSubject(operator, subjectId, input),
    ({ changed }) => ({
      message: changed ? "Modifiche salvate: valgono per le richieste inviate da ora." : "Nessuna modifica da salvare.",
    }),
  );
}

export async function setSubjectActiveAction(gestione: string, subjectId: string, formData: FormData): Promise<void> {
  await run(
    subjectPath(gestione, subjectId),
    "stato",
    formData,
    (operator, input) => updateSubject(operator, subjectId, input),
    ({ active }) => ({
      message: active
        ? "Oggetto riattivato: i nuovi moduli lo propongono di nuovo."
        : "Oggetto disattivato: i nuovi moduli non lo propongono più; le richieste già inviate lo conservano.",
    }),
  );
}

export async function applyImportAction(gestione: string, importId: string, formData: FormData): Promise<void> {
  await run(
    importPreviewPath(gestione, importId),
    "importazione",
    formData,
    (operator, input) => applySubjectImport(operator, importId, input),
    ({ changed }) => ({ message: `Importazione applicata: ${changed} oggetti modificati.`, next: treePath(gestione) }),
  );
}
