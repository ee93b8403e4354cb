import type { AppointmentChannel, AppointmentStatus } from "@/generated/prisma/enums";

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
