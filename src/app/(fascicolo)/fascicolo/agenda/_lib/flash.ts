import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";

/** The outcome of the office agenda's forms across their redirect (decision 0007). */

export const OFFICE_AGENDA_PATH = "/fascicolo/agenda";
export const AVAILABILITY_PATH = `${OFFICE_AGENDA_PATH}/disponibilita`;

/** `esito-<appointment id>` for an outcome; the availability page's forms by name; `fascia-<id>` to remove a window. */
const FIXED_FORMS = ["regole", "nuova-fascia", "chiusura"] as const;
export type OfficeAgendaForm = (typeof FIXED_FORMS)[number] | `esito-${string}` | `fascia-${string}`;
export type Flash = FormFlash<OfficeAgendaForm>;

export const outcomeForm = (appointmentId: string): OfficeAgendaForm => `esito-${appointmentId}`;
export const windowForm = (windowId: string): OfficeAgendaForm => `fascia-${windowId}`;

export const { pageFlash, redirectWithFlash } = formFlashFamily<OfficeAgendaForm>({
  cookieName: "cb.fascicolo.agenda",
  path: OFFICE_AGENDA_PATH,
  isForm: (value): value is OfficeAgendaForm =>
    (FIXED_FORMS as readonly string[]).includes(value) || value.startsWith("esito-") || value.startsWith("fascia-"),
});
