import { z } from "zod";
import { AppointmentChannel } from "@/generated/prisma/enums";
import { blankToUndefined, typedText } from "@/lib/form-fields";
import { normalizeLandline, normalizeMobile, optionalPhone, PHONE_MAX_LENGTH } from "@/server/contacts/contact-fields";
import { requiredText, uuidField } from "@/server/requests/schemas";

/** Inputs of the agenda, shared by its forms (limits, hints) and its services (the truth). */

export const REASON_MAX_LENGTH = 500;
export { PHONE_MAX_LENGTH };

export const SLOT_NOT_AVAILABLE = "Posto non più disponibile: scegli un altro orario tra quelli liberi.";
export const PHONE_REQUIRED = "Per un appuntamento telefonico indicare il numero a cui essere chiamati.";

const channelField = z.enum(AppointmentChannel, { error: "Scegliere come svolgere l'appuntamento." });
const instantField = z
  .string({ error: "Scegliere un orario tra quelli liberi." })
  .trim()
  .min(1, "Scegliere un orario tra quelli liberi.")
  .transform((value, context) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      context.addIssue({ code: "custom", message: "Scegliere un orario tra quelli liberi." });
      return z.NEVER;
    }
    return date;
  });

const phoneField = optionalPhone(
  (value) => normalizeMobile(value) ?? normalizeLandline(value),
  "Indicare un numero di telefono italiano valido, ad esempio 333 1234567 o 06 12345678.",
);

/** The booking form: the request, the channel, the slot, the reason and a phone for a call. */
export const bookAppointmentSchema = z
  .object({
    requestId: uuidField("Richiesta non valida."),
    channel: channelField,
    startsAt: instantField,
    reason: requiredText("Scrivere il motivo dell'appuntamento.", REASON_MAX_LENGTH, "Il motivo è troppo lungo"),
    phone: phoneField,
  })
  .superRefine((value, context) => {
    if (value.channel === "TELEFONICO" && !value.phone) context.addIssue({ code: "custom", path: ["phone"], message: PHONE_REQUIRED });
  });

/** Moving an appointment: the new slot, and why. */
export const rescheduleAppointmentSchema = z.object({
  appointmentId: uuidField("Appuntamento non valido."),
  startsAt: instantField,
  reason: requiredText("Scrivere il motivo dello spostamento.", REASON_MAX_LENGTH, "Il motivo è troppo lungo"),
});

/** Cancelling: a reason is required, on both sides. */
export const cancelAppointmentSchema = z.object({
  appointmentId: uuidField("Appuntamento non valido."),
  reason: requiredText("Scrivere il motivo dell'annullamento.", REASON_MAX_LENGTH, "Il motivo è troppo lungo"),
});

/** The outcome an operator records; "annullato dalla sede" needs the reason the contributor will read. */
export const appointmentOutcomeSchema = z
  .object({
    appointmentId: uuidField("Appuntamento non valido."),
    outcome: z.enum(["SVOLTO", "NON_PRESENTATO", "ANNULLATO_SEDE"], { error: "Scegliere l'esito dell'appuntamento." }),
    reason: z.preprocess(blankToUndefined, typedText().trim().max(REASON_MAX_LENGTH, "Il motivo è troppo lungo.").optional()),
  })
  .superRefine((value, context) => {
    if (value.outcome === "ANNULLATO_SEDE" && !value.reason) {
      context.addIssue({ code: "custom", path: ["reason"], message: "Scrivere il motivo dell'annullamento: il contribuente lo riceverà." });
    }
  });

const count = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}: indicare un numero.` })
    .int(`${label}: indicare un numero intero.`)
    .min(min, `${label}: almeno ${min}.`)
    .max(max, `${label}: al massimo ${max}.`);

/** The booking rules: an office's, and the defaults an ADMIN sets for offices that have not set theirs (decision 0047). */
export const agendaRulesFields = {
  slotMinutes: count("Durata dell'appuntamento", 10, 240),
  places: count("Posti per orario", 1, 50),
  minLeadWorkingDays: count("Preavviso minimo", 0, 30),
  maxDaysAhead: count("Prenotabile fino a", 1, 180),
  cancelCutoffHours: count("Termine per annullare o spostare", 0, 240),
  maxReschedules: count("Spostamenti ammessi", 0, 10),
};

/** The office's booking rules (a RESPONSABILE's form). */
export const agendaSettingsSchema = z.object({
  ...agendaRulesFields,
  address: z.preprocess(blankToUndefined, typedText().trim().max(300, "L'indirizzo è troppo lungo.").optional()),
  videoLink: z.preprocess(
    blankToUndefined,
    typedText()
      .trim()
      .max(500, "Il collegamento è troppo lungo.")
      .pipe(z.url({ protocol: /^https$/, error: "Indicare un collegamento https valido." }))
      .optional(),
  ),
});

const timeOfDay = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message)
    .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));

/** One weekly opening window of one channel. */
export const agendaWindowSchema = z
  .object({
    channel: channelField,
    weekday: z.coerce
      .number({ error: "Scegliere il giorno della settimana." })
      .int()
      .min(1, "Scegliere il giorno della settimana.")
      .max(7, "Scegliere il giorno della settimana."),
    start: timeOfDay("Indicare l'ora di apertura nel formato hh:mm."),
    end: timeOfDay("Indicare l'ora di chiusura nel formato hh:mm."),
  })
  .refine((value) => value.end > value.start, { path: ["end"], message: "L'ora di chiusura deve seguire quella di apertura." });

/** A day the office closes, with the reason the contributors with bookings receive. */
export const agendaClosureSchema = z.object({
  day: z
    .string({ error: "Indicare il giorno di chiusura." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Indicare il giorno di chiusura (aaaa-mm-gg)."),
  reason: requiredText("Scrivere il motivo della chiusura.", REASON_MAX_LENGTH, "Il motivo è troppo lungo"),
  /** Ticked on the second step, after being told of the appointments that day. */
  confirmed: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
});

export const removeAgendaWindowSchema = z.object({ windowId: uuidField("Fascia oraria non valida.") });
