import { z } from "zod";
import { Esito, Gestione } from "@/generated/prisma/enums";
import { blankToUndefined, cursor, optionalIsoDay, refineDayRanges, searchTerm } from "@/lib/form-fields";
import { parseInput } from "@/server/errors/parse-input";
import { workingStates } from "@/server/workflow/lifecycle";
import { requiredText } from "@/server/requests/schemas";
import { isWholeProtocolNumber } from "@/server/protocol/format-protocol-number";
import { TEXT_SEARCH_MAX_LENGTH } from "@/server/search/schemas";
import { BODY_MAX_LENGTH, COMMENT_MAX_LENGTH, INTEGRATION_DEFAULT_WORKING_DAYS, INTEGRATION_MAX_WORKING_DAYS } from "./limits";

/**
 * Inputs of the office side (Fascicolo), shared by the forms (limits, names)
 * and the services (the truth). The queue's GET parameters have Italian names,
 * as they appear in the address bar; the action forms post English field names.
 */

export const QUEUE_PAGE_SIZE = 25;
export const SEARCH_MAX_LENGTH = TEXT_SEARCH_MAX_LENGTH;

// ───────────────────────────── queue filters ─────────────────────────────

export const queueStateFilters = ["aperti", "nuovo", "in_lavorazione", "in_attesa", "chiuso", "tutti"] as const;
export type QueueStateFilter = (typeof queueStateFilters)[number];
export const queueStateFilterLabels: Record<QueueStateFilter, string> = {
  aperti: "Da lavorare (non chiusi)",
  nuovo: "Nuovi",
  in_lavorazione: "In lavorazione",
  in_attesa: "In attesa del contribuente",
  chiuso: "Chiusi",
  tutti: "Tutti",
};

export const assigneeFilters = ["tutti", "miei", "liberi"] as const;
export type AssigneeFilter = (typeof assigneeFilters)[number];
export const assigneeFilterLabels: Record<AssigneeFilter, string> = {
  tutti: "Tutti gli operatori",
  miei: "Assegnati a me",
  liberi: "Non assegnati",
};

/** Smart-Tasks (F14, decision 0037), handled by the portal and read-only for the office, or the office's own work. */
export const queueKindFilters = ["tutti", "smart_task", "ordinari"] as const;
export type QueueKindFilter = (typeof queueKindFilters)[number];
export const queueKindFilterLabels: Record<QueueKindFilter, string> = {
  tutti: "Tutti i quesiti",
  smart_task: "Smart-Task (trattate dal portale)",
  ordinari: "Escluse le Smart-Task",
};

/** The service level (B4): open quesiti whose clock runs, due within SLA_WARNING_WORKING_DAYS working days or past their due date. */
export const queueDueFilters = ["tutte", "in_scadenza", "scaduti"] as const;
export type QueueDueFilter = (typeof queueDueFilters)[number];
export const queueDueFilterLabels: Record<QueueDueFilter, string> = {
  tutte: "Tutte le scadenze",
  in_scadenza: "In scadenza",
  scaduti: "Scaduti",
};

export const queueOrders = ["pertinenza", "meno_recenti", "piu_recenti", "scadenza"] as const;
export type QueueOrder = (typeof queueOrders)[number];
export const queueOrderLabels: Record<QueueOrder, string> = {
  pertinenza: "Per pertinenza (solo con una ricerca)",
  meno_recenti: "Dal meno recente",
  piu_recenti: "Dal più recente",
  scadenza: "Per scadenza, la più vicina prima (solo quesiti con un termine)",
};

const isoDay = optionalIsoDay();

/** The queue's GET parameters. */
export const queueFiltersSchema = z
  .object({
    stato: z.preprocess(
      blankToUndefined,
      z.enum(queueStateFilters, { message: "Scegliere uno stato tra quelli proposti." }).default("aperti"),
    ),
    gestione: z.preprocess(blankToUndefined, z.enum(Gestione, { message: "Scegliere una gestione tra quelle proposte." }).optional()),
    /** An area (all its subjects) or a single subject. */
    oggetto: z.preprocess(blankToUndefined, z.uuid("Scegliere un oggetto tra quelli proposti.").optional()),
    dal: isoDay,
    al: isoDay,
    assegnazione: z.preprocess(
      blankToUndefined,
      z.enum(assigneeFilters, { message: "Scegliere un'assegnazione tra quelle proposte." }).default("tutti"),
    ),
    scadenza: z.preprocess(
      blankToUndefined,
      z.enum(queueDueFilters, { message: "Scegliere una scadenza tra quelle proposte." }).default("tutte"),
    ),
    tipo: z.preprocess(blankToUndefined, z.enum(queueKindFilters, { message: "Scegliere un tipo tra quelli proposti." }).default("tutti")),
    /** Protocol number (or part of it), codice fiscale of holder or submitter, matricola, or words of the texts (decision 0035). */
    cerca: searchTerm(SEARCH_MAX_LENGTH, `La ricerca può contenere al massimo ${SEARCH_MAX_LENGTH} caratteri.`).transform((value) =>
      value?.toUpperCase(),
    ),
    /** Unset: by relevance with a search (but a whole protocol number, which names one quesito), else oldest first. */
    ordine: z.preprocess(blankToUndefined, z.enum(queueOrders).optional().catch(undefined)),
    /** Keyset cursors of the next and previous page; a damaged one shows the first page. */
    dopo: z.preprocess(blankToUndefined, cursor.optional()).catch(undefined),
    prima: z.preprocess(blankToUndefined, cursor.optional()).catch(undefined),
  })
  .superRefine((filters, context) => refineDayRanges(filters, [["dal", "al"]], context))
  .transform((filters) => ({ ...filters, ordine: queueOrderOf(filters.cerca, filters.ordine) }));

/** Relevance only where a search ranks (decision 0041): the default with one, never without. */
function queueOrderOf(cerca: string | undefined, ordine: QueueOrder | undefined): QueueOrder {
  const ranked = cerca !== undefined && !isWholeProtocolNumber(cerca);
  if (ordine === "pertinenza" || !ordine) return ranked ? "pertinenza" : "meno_recenti";
  return ordine;
}

export type QueueFilters = z.infer<typeof queueFiltersSchema>;

// ───────────────────────────── actions on a quesito ─────────────────────────────

const BROKEN_FORM = "Il modulo non è valido: ricaricare la pagina.";
/** The largest version the database column (int4) holds. */
const MAX_VERSION = 2_147_483_647;

/** The version of the quesito the operator saw, from the form's hidden field (blank is missing, not 0). */
const expectedVersion = z.preprocess(
  blankToUndefined,
  z.coerce.number({ message: BROKEN_FORM }).int(BROKEN_FORM).min(0, BROKEN_FORM).max(MAX_VERSION, BROKEN_FORM),
);

const comment = requiredText("Inserire un commento.", COMMENT_MAX_LENGTH, "Il commento è troppo lungo");

export const takeQuesitoSchema = z.object({ expectedVersion });

export const reassignQuesitoSchema = z
  .object({
    expectedVersion,
    operatorId: z.preprocess(blankToUndefined, z.uuid("Scegliere un operatore tra quelli proposti.").optional()),
    officeId: z.preprocess(blankToUndefined, z.uuid("Scegliere una sede tra quelle proposte.").optional()),
    comment,
  })
  .transform(({ operatorId, officeId, ...rest }, context) => {
    if (operatorId && officeId) {
      context.addIssue({ code: "custom", path: ["officeId"], message: "Scegliere un operatore oppure una sede, non entrambi." });
      return z.NEVER;
    }
    if (operatorId) return { ...rest, to: { operatorId } };
    if (officeId) return { ...rest, to: { officeId } };
    context.addIssue({ code: "custom", path: ["operatorId"], message: "Scegliere l'operatore o la sede a cui riassegnare." });
    return z.NEVER;
  });

export const changeQuesitoStateSchema = z.object({
  expectedVersion,
  toState: z.enum(workingStates, { message: "Scegliere il nuovo stato tra quelli proposti." }),
  comment,
});

export const closeQuesitoSchema = z.object({
  expectedVersion,
  esito: z.enum(Esito, { message: "Scegliere l'esito." }),
  comment,
});

/** The contributor's time to send an integration, in working days (B4): offered by default, and at most. */
const integrationDaysMessage = `Indicare un numero intero di giorni lavorativi da 1 a ${INTEGRATION_MAX_WORKING_DAYS}.`;

export const requestIntegrationSchema = z.object({
  expectedVersion,
  comment: requiredText("Scrivere che cosa si chiede al contribuente.", COMMENT_MAX_LENGTH, "La richiesta è troppo lunga"),
  workingDays: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: integrationDaysMessage })
      .int(integrationDaysMessage)
      .min(1, integrationDaysMessage)
      .max(INTEGRATION_MAX_WORKING_DAYS, integrationDaysMessage)
      .default(INTEGRATION_DEFAULT_WORKING_DAYS),
  ),
});

export const internalNoteSchema = z.object({
  expectedVersion,
  body: requiredText("Scrivere il testo della nota.", BODY_MAX_LENGTH, "La nota è troppo lunga"),
});

export const replySchema = z.object({
  expectedVersion,
  body: requiredText("Scrivere il testo della risposta.", BODY_MAX_LENGTH, "La risposta è troppo lunga"),
  /** Empty: the quesito stays in its state. */
  nextState: z.preprocess(blankToUndefined, z.enum(workingStates, { message: "Scegliere lo stato tra quelli proposti." }).optional()),
});

/**
 * The input as the schema gives it, or ValidationError with a message per
 * field. A bad version is the hidden field's: the form as a whole is broken,
 * so its message is the error's own, shown at the top of the form.
 */
export function parseQuesitoInput<Schema extends z.ZodType>(schema: Schema, input: unknown, message?: string): z.output<Schema> {
  return parseInput(schema, input, (errors) => errors.expectedVersion?.[0] ?? message);
}
