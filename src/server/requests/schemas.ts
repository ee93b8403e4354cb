import { z } from "zod";
import { overLimitMessage } from "@/lib/character-count";
import { blankToUndefined, cursor, optionalIsoDay, refineDayRanges, searchTerm, typedText } from "@/lib/form-fields";
import { textSearchTerm } from "@/server/search/schemas";
import { FILES_FIELD } from "@/server/attachments/files-field";
import { uploadMessages } from "@/server/attachments/upload-messages";
import type { FieldErrors } from "@/server/errors/domain-errors";
import { contactFieldsSchema, optionalEmail } from "@/server/contacts/contact-fields";
import type { ContributorState } from "@/server/workflow/states";

/**
 * Inputs of the contributor's side of a request, shared by the forms (limits,
 * hints, maxLength) and the services (the truth). Field names are the forms'
 * control names, so that an error lands next to its field.
 */

export const TEXT_MIN_LENGTH = 20;
export const TEXT_MAX_LENGTH = 4000;
export const MESSAGE_MAX_LENGTH = TEXT_MAX_LENGTH;
/**
 * Text the person must write: trimmed, `missing` when blank, and at most
 * `max` characters, beyond which the message says by how much ("Il testo è
 * troppo lungo: 1.051 caratteri oltre il limite di 4.000.", `tooLong` being
 * its start); control characters are refused (typedText).
 */
export function requiredText(missing: string, max: number, tooLong: string) {
  return typedText({ message: missing })
    .trim()
    .min(1, missing)
    .max(max, {
      error: (issue) => `${tooLong}: ${overLimitMessage(typeof issue.input === "string" ? issue.input.length : max + 1, max)}`,
    });
}

/** A ticked checkbox sends "on" (or its value); an unticked one sends nothing. */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

export const uuidField = (message: string) => z.string({ message }).trim().pipe(z.uuid(message));

/** The text of a request, its first message: between TEXT_MIN_LENGTH and TEXT_MAX_LENGTH characters. */
export const requestText = requiredText("Scrivere il testo della richiesta.", TEXT_MAX_LENGTH, "Il testo è troppo lungo").min(
  TEXT_MIN_LENGTH,
  `Il testo deve contenere almeno ${TEXT_MIN_LENGTH} caratteri.`,
);

/** The contacts of a request: the person's addresses (as in Contatti), an extra e-mail for the notices, and the consents. */
export const contactsSchema = contactFieldsSchema.extend({
  extraEmail: optionalEmail("Indicare un indirizzo e-mail aggiuntivo valido."),
  consentEmail: checkbox,
  consentSms: checkbox,
  consentPec: checkbox,
});

/** The hidden key of a form whose "Invia" is idempotent (createOnce, src/server/db/create-once.ts). */
export const idempotencyKeyField = uuidField("Il modulo è scaduto: ricaricare la pagina e inviarlo di nuovo.");

/** "Nuova richiesta" (F03). */
export const newRequestSchema = contactsSchema.extend({
  positionId: uuidField("Scegliere la posizione contributiva."),
  subjectId: uuidField("Scegliere l'oggetto della richiesta."),
  text: requestText,
  idempotencyKey: idempotencyKeyField,
});

export type ContactsInput = z.infer<typeof contactsSchema>;

/** A contributor's message on an open request (F07). */
export const contributorMessageSchema = z.object({
  text: requiredText("Scrivere il messaggio.", MESSAGE_MAX_LENGTH, "Il messaggio è troppo lungo"),
});

/** The contact rules of a gestione (GestioneSettings). */
export type ContactRules = { label: string; pecRequired: boolean; emailOrPhoneRequired: boolean };

/** What the gestione asks of the contacts and consents, as field messages. */
export function contactRuleErrors(rules: ContactRules, contacts: ContactsInput): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: keyof ContactsInput, message: string) => (errors[field] ??= []).push(message);
  if (rules.emailOrPhoneRequired && !contacts.email && !contacts.mobile && !contacts.landline) {
    add("email", "Indicare almeno un indirizzo e-mail o un numero di telefono.");
  }
  if (rules.pecRequired && !contacts.pec) add("pec", `Per la ${rules.label} la PEC è obbligatoria.`);
  if (contacts.consentEmail && !contacts.email) {
    add("consentEmail", "Per ricevere gli avvisi per e-mail indicare un indirizzo e-mail.");
  }
  if (contacts.consentSms && !contacts.mobile) {
    add("consentSms", "Per ricevere gli avvisi via SMS indicare un numero di cellulare.");
  }
  if (contacts.consentPec && !contacts.pec) {
    add("consentPec", "Per ricevere gli avvisi via PEC indicare un indirizzo PEC.");
  }
  return errors;
}

/**
 * The gestione's file limits over everything a form sends: the files kept
 * from its draft and the new ones (the upload enforces them on the new ones
 * alone while they stream in).
 */
export function fileLimitErrors(
  limits: { maxFiles: number; maxBytesPerFile: number },
  files: { fileName: string; size: number }[],
): FieldErrors {
  const messages = files
    .filter((file) => file.size > limits.maxBytesPerFile)
    .map((file) => uploadMessages.fileTooLarge(file.fileName, limits.maxBytesPerFile));
  if (files.length > limits.maxFiles) messages.unshift(uploadMessages.tooManyFiles(limits.maxFiles));
  return messages.length > 0 ? { [FILES_FIELD]: messages } : {};
}

// ───────────────────────────── request list filters ─────────────────────────────

export const requestSortKeys = ["aggiornamento", "apertura", "protocollo"] as const;
export type RequestSortKey = (typeof requestSortKeys)[number];
export const requestSortLabels: Record<RequestSortKey, string> = {
  aggiornamento: "Ultimo aggiornamento",
  apertura: "Data di apertura",
  protocollo: "Numero di protocollo",
};

/** The states a request can be filtered by (a communication without a quesito has none). */
export const contributorStateFilters = ["aperta", "in_carico", "chiusa"] as const;
export type ContributorStateFilter = (typeof contributorStateFilters)[number];
export const contributorStateOfFilter: Record<ContributorStateFilter, ContributorState> = {
  aperta: "APERTA",
  in_carico: "IN_CARICO",
  chiusa: "CHIUSA",
};

/** Requests the contributor sent, or communications the office started (F09); absent, both. */
export const requestKindFilters = ["richieste", "comunicazioni"] as const;
export type RequestKindFilter = (typeof requestKindFilters)[number];
export const requestKindFilterLabels: Record<RequestKindFilter, string> = {
  richieste: "Richieste inviate",
  comunicazioni: "Comunicazioni ricevute dalla sede",
};

export const REQUEST_PAGE_SIZE = 20;
export const MATRICOLA_FILTER_MAX_LENGTH = 20;
export const CLIENT_FILTER_MAX_LENGTH = 60;

const isoDay = optionalIsoDay();
/** The list's GET parameters: Italian names, as they appear in the address bar. */
export const requestListQuerySchema = z
  .object({
    matricola: searchTerm(
      MATRICOLA_FILTER_MAX_LENGTH,
      `La matricola può contenere al massimo ${MATRICOLA_FILTER_MAX_LENGTH} caratteri.`,
    ).transform((value) => value?.toUpperCase()),
    /** One position by id: two positions of one person may share a matricola (GS professionisti and committenti). */
    posizione: z.preprocess(blankToUndefined, z.uuid("Scegliere una posizione tra quelle proposte.").optional()),
    /** Words to find in the subject, the texts and the file names (decision 0035). */
    testo: textSearchTerm,
    /** An intermediary's client: codice fiscale or part of the name. */
    cliente: searchTerm(CLIENT_FILTER_MAX_LENGTH, `Il cliente può contenere al massimo ${CLIENT_FILTER_MAX_LENGTH} caratteri.`),
    oggetto: z.preprocess(blankToUndefined, z.uuid("Scegliere un oggetto tra quelli proposti.").optional()),
    stato: z.preprocess(
      blankToUndefined,
      z.enum(contributorStateFilters, { message: "Scegliere uno stato tra quelli proposti." }).optional(),
    ),
    tipo: z.preprocess(blankToUndefined, z.enum(requestKindFilters, { message: "Scegliere un tipo tra quelli proposti." }).optional()),
    apertaDal: isoDay,
    apertaAl: isoDay,
    aggiornataDal: isoDay,
    aggiornataAl: isoDay,
    ordina: z.preprocess(blankToUndefined, z.enum(requestSortKeys).catch("aggiornamento").default("aggiornamento")),
    verso: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).catch("desc").default("desc")),
    /** Opaque keyset cursors: the page after / before this row; one the list did not write shows the first page. */
    dopo: z.preprocess(blankToUndefined, cursor.optional()).catch(undefined),
    prima: z.preprocess(blankToUndefined, cursor.optional()).catch(undefined),
  })
  .superRefine(
    (query, context) =>
      refineDayRanges(
        query,
        [
          ["apertaDal", "apertaAl"],
          ["aggiornataDal", "aggiornataAl"],
        ],
        context,
      ),
    // Also when another filter is invalid, so that every mistake is reported at once.
    { when: () => true },
  )
  .transform((query) => (sortsByOpeningInstead(query) ? { ...query, ordina: "apertura" as const } : query));

/**
 * Requests opened in a period and sorted by last activity could have been
 * touched any day since: no index gives them in that order, and a list of a
 * million rows would read every later request to find the page (decision
 * 0029). Filtered by opening date alone, the list is in opening-date order;
 * with a last-activity range too, that range bounds the reading.
 */
function sortsByOpeningInstead(query: {
  ordina: RequestSortKey;
  apertaDal?: string;
  apertaAl?: string;
  aggiornataDal?: string;
  aggiornataAl?: string;
}) {
  return query.ordina === "aggiornamento" && Boolean(query.apertaDal || query.apertaAl) && !query.aggiornataDal && !query.aggiornataAl;
}

/** What the "Ordina per" field says of the rule above. */
export const OPENING_RANGE_SORT_HINT = "Con un periodo di apertura, senza periodo di aggiornamento, l'elenco segue la data di apertura.";

export type RequestListQuery = z.infer<typeof requestListQuerySchema>;

/**
 * The parameters that choose what the list shows and in which order (the
 * paging cursors aside), in the order its addresses write them.
 */
export const requestListViewKeys = [
  "testo",
  "cliente",
  "posizione",
  "matricola",
  "oggetto",
  "stato",
  "tipo",
  "apertaDal",
  "apertaAl",
  "aggiornataDal",
  "aggiornataAl",
  "ordina",
  "verso",
] as const satisfies readonly (keyof RequestListQuery)[];
export type RequestListViewKey = (typeof requestListViewKeys)[number];

/**
 * A view of the list as search parameters, in a fixed key order and without
 * blanks or cursors: the same filters always make the same string.
 */
export function requestListSearch(view: Partial<Record<RequestListViewKey, string>>): string {
  const params = new URLSearchParams();
  for (const key of requestListViewKeys) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}
