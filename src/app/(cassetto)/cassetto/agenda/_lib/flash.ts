import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";

/** The outcome of a form of the contributor's agenda, across the redirect that follows it (decision 0007). */

export const AGENDA_PATH = "/cassetto/agenda";
export const BOOKING_PATH = `${AGENDA_PATH}/prenota`;
const AGENDA_FORMS = ["prenotazione", "annullamento"] as const;
export type AgendaForm = (typeof AGENDA_FORMS)[number];
export type Flash = FormFlash<AgendaForm>;

export const { pageFlash, redirectWithFlash } = formFlashFamily<AgendaForm>({
  cookieName: "cb.cassetto.agenda",
  path: AGENDA_PATH,
  isForm: (value): value is AgendaForm => (AGENDA_FORMS as readonly string[]).includes(value),
});

/** The picker's address for a request (or an appointment to move), a channel and a day. */
export function bookingHref(query: { richiesta?: string; appuntamento?: string; canale?: string | null; giorno?: string }): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  return `${BOOKING_PATH}?${params.toString()}`;
}
