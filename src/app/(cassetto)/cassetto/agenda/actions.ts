"use server";

import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { bookAppointment } from "@/server/agenda/book-appointment";
import { cancelAppointment } from "@/server/agenda/cancel-appointment";
import { rescheduleAppointment } from "@/server/agenda/reschedule-appointment";
import type { ContributorActor } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import { AGENDA_PATH, BOOKING_PATH, redirectWithFlash } from "./_lib/flash";

/** A refused booking goes back to the picker of the same day, the slots shown again with the message. */
function pickerSearch(values: Record<string, string>): string {
  const params = new URLSearchParams();
  if (values.appointmentId) params.set("appuntamento", values.appointmentId);
  else if (values.requestId) params.set("richiesta", values.requestId);
  if (values.channel) params.set("canale", values.channel);
  if (values.day) params.set("giorno", values.day);
  return params.toString();
}

/** Booking and moving share the picker: the same limit, form and way back on a refusal. */
async function submitPicker(
  values: Record<string, string>,
  service: (actor: ContributorActor) => Promise<{ appointmentId: string }>,
  message: string,
): Promise<void> {
  await runFormAction({
    actor: () => requireContributor(BOOKING_PATH),
    page: BOOKING_PATH,
    rateLimit: "submissions",
    form: "prenotazione",
    values,
    service,
    success: () => ({ message }),
    flash: { redirectWithFlash },
    location: (token, { result }) =>
      result
        ? flashLocation(`${AGENDA_PATH}/${result.appointmentId}`, token, OUTCOME_NOTICE_ID)
        : flashLocation(BOOKING_PATH, token, "prenotazione", pickerSearch(values)),
  });
}

export async function bookAppointmentAction(formData: FormData): Promise<void> {
  const { requestId = "", channel = "", startsAt = "", reason = "", phone = "", day = "" } = textFields(formData);
  const values = { requestId, channel, startsAt, reason, phone, day };
  await submitPicker(
    values,
    (actor) => bookAppointment(actor, values),
    "Appuntamento prenotato. Ti abbiamo inviato la conferma con l'appuntamento da aggiungere al calendario.",
  );
}

export async function rescheduleAppointmentAction(formData: FormData): Promise<void> {
  const { appointmentId = "", channel = "", startsAt = "", reason = "", day = "" } = textFields(formData);
  const values = { appointmentId, channel, startsAt, reason, day };
  await submitPicker(
    values,
    (actor) => rescheduleAppointment(actor, values),
    "Appuntamento spostato. Ti abbiamo inviato la conferma con il nuovo orario.",
  );
}

export async function cancelAppointmentAction(formData: FormData): Promise<void> {
  const { appointmentId = "", reason = "" } = textFields(formData);
  const page = `${AGENDA_PATH}/${appointmentId}`;
  await runFormAction({
    actor: () => requireContributor(page),
    page,
    rateLimit: "submissions",
    form: "annullamento",
    values: { reason },
    service: (actor) => cancelAppointment(actor, { appointmentId, reason }),
    success: () => ({ message: "Appuntamento annullato. La sede ne è informata." }),
    flash: { redirectWithFlash },
    location: (token, { flash }) => flashLocation(page, token, flash.tone === "success" ? OUTCOME_NOTICE_ID : "annullamento"),
  });
}
