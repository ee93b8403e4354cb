import type { OperatorRole } from "@/generated/prisma/enums";
import { roleLabels } from "@/server/identity/actor";
import { smartTaskOpeningLabels } from "./smart-task-schemas";

/** The fields administrative changes record, in the trail's words; others are shown by their name. */
const fieldLabels: Record<string, string> = {
  active: "Attivo",
  cancelCutoffHours: "Termine per annullare o spostare (ore)",
  maxDaysAhead: "Prenotabile fino a (giorni)",
  maxReschedules: "Spostamenti ammessi",
  minLeadWorkingDays: "Preavviso minimo (giorni lavorativi)",
  officesFollowing: "Sedi senza regole proprie aggiornate",
  places: "Posti per orario",
  slotMinutes: "Durata dell'appuntamento (minuti)",
  codiceFiscale: "Codice fiscale",
  codiciFiscali: "Gruppo pilota",
  email: "Email",
  familyName: "Cognome",
  givenName: "Nome",
  label: "Denominazione",
  office: "Sede",
  opening: "Chi può presentarla",
  role: "Ruolo",
};

export type ChangeDetail = { field: string; before: string; after: string };

function readable(field: string, value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "boolean") return value ? "sì" : "no";
  if (field === "role" && typeof value === "string" && value in roleLabels) return roleLabels[value as OperatorRole];
  if (field === "opening" && typeof value === "string" && value in smartTaskOpeningLabels) {
    return smartTaskOpeningLabels[value as keyof typeof smartTaskOpeningLabels];
  }
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.join(", ");
  return typeof value === "string" ? value : JSON.stringify(value);
}

function parsedObject(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { valore: value };
}

/**
 * An entry's values before and after (canonical JSON, decision 0042) as one
 * line per field, before beside after, in words an administrator reads.
 */
export function changeDetails(before: string | null, after: string | null): ChangeDetail[] {
  const was = parsedObject(before);
  const is = parsedObject(after);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])];
  return fields.map((field) => ({
    field: fieldLabels[field] ?? field,
    before: readable(field, was[field]),
    after: readable(field, is[field]),
  }));
}

/** The same, as one line of text for a spreadsheet cell. */
export function changeDetailsText(details: ChangeDetail[]): string {
  return details.map((detail) => `${detail.field}: ${detail.before} → ${detail.after}`).join("; ");
}
