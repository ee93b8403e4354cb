import type { AppointmentChannel, AppointmentStatus } from "@/generated/prisma/enums";
import type { AgendaRuleValues } from "./agenda-defaults";

export const channelLabels: Record<AppointmentChannel, string> = {
  IN_PRESENZA: "In presenza",
  TELEFONICO: "Telefonico",
  VIDEOCHIAMATA: "Videochiamata",
};

export const appointmentStatusLabels: Record<AppointmentStatus, string> = {
  PRENOTATO: "Prenotato",
  ANNULLATO_CONTRIBUENTE: "Annullato dal contribuente",
  ANNULLATO_SEDE: "Annullato dalla sede",
  SVOLTO: "Svolto",
  NON_PRESENTATO: "Non presentato",
};

export const weekdayLabels: Record<number, string> = {
  1: "Lunedì",
  2: "Martedì",
  3: "Mercoledì",
  4: "Giovedì",
  5: "Venerdì",
  6: "Sabato",
  7: "Domenica",
};

/** "09:30" from minutes after midnight. */
export function minutesLabel(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The booking rules' fields as their forms show them: the office's rules and the administrators' defaults. */
export const agendaRuleFields: { name: keyof AgendaRuleValues; label: string; hint: string }[] = [
  { name: "slotMinutes", label: "Durata di un appuntamento (minuti)", hint: "Da 10 a 240 minuti." },
  { name: "places", label: "Posti per orario", hint: "Quanti operatori ricevono contemporaneamente." },
  {
    name: "minLeadWorkingDays",
    label: "Preavviso minimo (giorni lavorativi)",
    hint: "Ad esempio 2: oggi si prenota dal secondo giorno lavorativo.",
  },
  { name: "maxDaysAhead", label: "Prenotabile fino a (giorni da oggi)", hint: "Ad esempio 30." },
  { name: "cancelCutoffHours", label: "Termine per annullare o spostare (ore prima)", hint: "Ad esempio 24." },
  { name: "maxReschedules", label: "Spostamenti ammessi per appuntamento", hint: "0 se non sono ammessi." },
];
