"use server";

import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { addAgendaClosure } from "@/server/agenda/add-agenda-closure";
import { addAgendaWindow } from "@/server/agenda/add-agenda-window";
import { recordAppointmentOutcome } from "@/server/agenda/record-appointment-outcome";
import { removeAgendaWindow } from "@/server/agenda/remove-agenda-window";
import { updateAgendaSettings } from "@/server/agenda/update-agenda-settings";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import {
  AVAILABILITY_PATH,
  OFFICE_AGENDA_PATH,
  outcomeForm,
  redirectWithFlash,
  windowForm,
  type Flash,
  type OfficeAgendaForm,
} from "./_lib/flash";

function run<Result>(
  page: string,
  search: string,
  form: OfficeAgendaForm,
  values: Record<string, string>,
  service: (actor: OperatorActor) => Promise<Result>,
  success: (result: Result) => Pick<Flash, "message">,
): Promise<never> {
  return runFormAction({
    actor: () => requireOperator(page),
    page,
    form,
    values,
    service,
    success,
    flash: { redirectWithFlash },
    location: (token, { flash }) => flashLocation(page, token, flash.tone === "success" ? OUTCOME_NOTICE_ID : form, search),
  });
}

const outcomeMessages = {
  SVOLTO: "Esito registrato: appuntamento svolto.",
  NON_PRESENTATO: "Esito registrato: contribuente non presentato.",
  ANNULLATO_SEDE: "Appuntamento annullato: il contribuente riceverà il motivo.",
} as Record<string, string>;

export async function recordOutcomeAction(formData: FormData): Promise<void> {
  const { appointmentId = "", outcome = "", reason = "", giorno = "", vista = "" } = textFields(formData);
  const search = new URLSearchParams({ ...(giorno ? { giorno } : {}), ...(vista ? { vista } : {}) }).toString();
  await run(
    OFFICE_AGENDA_PATH,
    search,
    outcomeForm(appointmentId),
    { outcome, reason },
    (actor) => recordAppointmentOutcome(actor, { appointmentId, outcome, reason }),
    () => ({ message: outcomeMessages[outcome] ?? "Esito registrato." }),
  );
}

export async function updateAgendaSettingsAction(formData: FormData): Promise<void> {
  const {
    slotMinutes = "",
    places = "",
    minLeadWorkingDays = "",
    maxDaysAhead = "",
    cancelCutoffHours = "",
    maxReschedules = "",
    address = "",
    videoLink = "",
  } = textFields(formData);
  const values = { slotMinutes, places, minLeadWorkingDays, maxDaysAhead, cancelCutoffHours, maxReschedules, address, videoLink };
  await run(
    AVAILABILITY_PATH,
    "",
    "regole",
    values,
    (actor) => updateAgendaSettings(actor, values),
    () => ({ message: "Regole dell'agenda salvate." }),
  );
}

export async function addAgendaWindowAction(formData: FormData): Promise<void> {
  const { channel = "", weekday = "", start = "", end = "" } = textFields(formData);
  const values = { channel, weekday, start, end };
  await run(
    AVAILABILITY_PATH,
    "",
    "nuova-fascia",
    values,
    (actor) => addAgendaWindow(actor, values),
    () => ({ message: "Fascia oraria aggiunta." }),
  );
}

export async function removeAgendaWindowAction(formData: FormData): Promise<void> {
  const { windowId = "" } = textFields(formData);
  await run(
    AVAILABILITY_PATH,
    "",
    windowForm(windowId),
    {},
    (actor) => removeAgendaWindow(actor, { windowId }),
    () => ({
      message: "Fascia oraria rimossa: gli appuntamenti già prenotati restano.",
    }),
  );
}

export async function addAgendaClosureAction(formData: FormData): Promise<void> {
  const { day = "", reason = "", confirmed = "" } = textFields(formData);
  const values = { day, reason, confirmed };
  await run(
    AVAILABILITY_PATH,
    "",
    "chiusura",
    values,
    (actor) => addAgendaClosure(actor, values),
    ({ cancelled }) => ({
      message:
        cancelled === 0
          ? "Chiusura registrata."
          : `Chiusura registrata: ${cancelled === 1 ? "1 appuntamento annullato" : `${cancelled} appuntamenti annullati`}, ogni contribuente riceverà il motivo.`,
    }),
  );
}
