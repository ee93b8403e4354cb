"use server";

import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { contactFieldLabels } from "@/server/contacts/contact-rules";
import { confirmContactChange } from "@/server/contacts/confirm-contact-change";
import { requestContactVerification } from "@/server/contacts/request-contact-verification";
import { updateContacts, type UpdateContactsResult } from "@/server/contacts/update-contacts";
import type { ContributorActor } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import { codeForm, CONTACTS_PATH, contactsForm, redirectWithFlash, verificationForm, type ContactsForm, type Flash } from "./_lib/flash";

function run<Result>(
  form: ContactsForm,
  values: Record<string, string>,
  service: (actor: ContributorActor) => Promise<Result>,
  success: (result: Result) => Pick<Flash, "message">,
): Promise<never> {
  return runFormAction({
    actor: () => requireContributor(CONTACTS_PATH),
    page: CONTACTS_PATH,
    // Each new address gets a message, and codes may be guessed: both are counted.
    rateLimit: "contacts",
    form,
    values,
    service,
    success,
    flash: { redirectWithFlash },
    location: (token, { flash }) => flashLocation(CONTACTS_PATH, token, flash.tone === "success" ? OUTCOME_NOTICE_ID : form),
  });
}

function savedMessage({ applied, pending }: UpdateContactsResult): string {
  if (applied === 0 && pending.length === 0) return "Nessuna modifica da salvare: i contatti sono quelli già in uso.";
  const sent = pending.map(({ field, address }) => `${contactFieldLabels[field].toLowerCase()} ${address}`).join(", ");
  if (pending.length === 0) return "Contatti aggiornati: valgono per le comunicazioni inviate da ora.";
  return `Contatti salvati. Abbiamo inviato un codice di verifica a: ${sent}. Inseriscilo entro 10 minuti qui sotto: il nuovo recapito sarà usato solo dopo la conferma.`;
}

export async function updateContactsAction(formData: FormData): Promise<void> {
  const {
    gestione = "",
    email = "",
    pec = "",
    mobile = "",
    landline = "",
    fax = "",
    preferredChannel = "",
    holderNotices = "",
  } = textFields(formData);
  const input = { gestione, email, pec, mobile, landline, fax, preferredChannel, holderNotices };
  await run(
    contactsForm(gestione),
    input,
    (actor) => updateContacts(actor, input),
    (result) => ({ message: savedMessage(result) }),
  );
}

export async function confirmContactChangeAction(formData: FormData): Promise<void> {
  const { changeId = "", code = "" } = textFields(formData);
  await run(
    codeForm(changeId),
    { code },
    (actor) => confirmContactChange(actor, { changeId, code }),
    ({ field, inForce }) => ({
      message: inForce
        ? `Codice corretto: il nuovo recapito (${contactFieldLabels[field].toLowerCase()}) è attivo per le comunicazioni inviate da ora.`
        : `Codice corretto: il nuovo recapito (${contactFieldLabels[field].toLowerCase()}) è verificato. Sarà in uso quando la tua Smart-Task di variazione contatti sarà accolta.`,
    }),
  );
}

/** A delegate's new e-mail, PEC or mobile: a code is sent to each (decision 0037). */
export async function requestContactVerificationAction(formData: FormData): Promise<void> {
  const { gestione = "", email = "", pec = "", mobile = "" } = textFields(formData);
  const input = { gestione, email, pec, mobile };
  await run(
    verificationForm(gestione),
    input,
    (actor) => requestContactVerification(actor, input),
    (pending) => ({
      message: `Abbiamo inviato un codice di verifica a: ${pending.map(({ address }) => address).join(", ")}. Inseriscilo entro 10 minuti qui sotto, poi chiedi la variazione con la Smart-Task.`,
    }),
  );
}
