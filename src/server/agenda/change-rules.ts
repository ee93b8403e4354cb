import type { AppointmentStatus } from "@/generated/prisma/enums";
import { formatRomeDateTime } from "@/lib/rome-dates";

type Changeable = { status: AppointmentStatus; startsAt: Date; rescheduleCount: number };
type Limits = { cancelCutoffHours: number; maxReschedules: number } | null;

export const NOT_STANDING = "L'appuntamento non è più prenotato: non può essere modificato.";

/** Why the contributor may no longer cancel or move it (the cut-off passed), or null. */
export function cutoffRefusal(appointment: Changeable, limits: Limits, now: Date, what: "annullarlo" | "spostarlo"): string | null {
  if (appointment.status !== "PRENOTATO") return NOT_STANDING;
  const cutoff = new Date(appointment.startsAt.getTime() - (limits?.cancelCutoffHours ?? 0) * 3_600_000);
  if (now.getTime() >= cutoff.getTime()) {
    return `Non è più possibile ${what}: il termine era il ${formatRomeDateTime(cutoff)}. Per un'urgenza scrivi alla sede dalla pagina della richiesta.`;
  }
  return null;
}

/** Why it may not be moved (cut-off or the cap on reschedules), or null. */
export function rescheduleRefusal(appointment: Changeable, limits: Limits, now: Date): string | null {
  const cutoff = cutoffRefusal(appointment, limits, now, "spostarlo");
  if (cutoff) return cutoff;
  const max = limits?.maxReschedules ?? 0;
  if (max === 0) return "La sede non ammette spostamenti: puoi annullare l'appuntamento e prenotarne un altro.";
  if (appointment.rescheduleCount >= max) {
    return `L'appuntamento è già stato spostato ${max === 1 ? "una volta" : `${max} volte`}, il massimo ammesso dalla sede: puoi annullarlo e prenotarne un altro.`;
  }
  return null;
}
