import { z } from "zod";
import { agendaRulesFields } from "@/server/agenda/schemas";
import { expectedVersionField } from "./office-schemas";

/** The agenda's defaults page (decision 0047): the office's booking rules, on the version shown. */

export const AGENDA_DEFAULTS_PAGE = "/admin/agenda";
export const STALE_AGENDA_DEFAULTS =
  "I valori predefiniti dell'agenda sono stati modificati da un altro amministratore: ricaricare la pagina e ripetere la modifica.";
/** The audit entry's target id: there is one set of defaults. */
export const AGENDA_DEFAULTS_TARGET = "predefinite";

export const agendaDefaultsSchema = z.object({ expectedVersion: expectedVersionField, ...agendaRulesFields });
