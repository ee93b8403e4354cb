import { z } from "zod";
import { blankToUndefined, cursor, optionalIsoDay, refineDayRanges, searchTerm } from "@/lib/form-fields";

/**
 * Inputs of the contributor's file (F23): the search that finds a person and
 * the timeline's filters, GET parameters with Italian names as they appear
 * in the address bar.
 */

export const CONTRIBUTOR_SEARCH_MAX_LENGTH = 80;
/** Below this, a part of a name or of a protocol matches too much (and has no trigram to look up). */
export const CONTRIBUTOR_SEARCH_MIN_LENGTH = 3;
/** The search shows at most this many people; more means the term should be narrowed. */
export const CONTRIBUTOR_RESULTS_MAX = 20;
export const TIMELINE_PAGE_SIZE = 20;

export const contributorSearchSchema = z.object({
  /** Codice fiscale, matricola, name (any part) or protocol number (any part). */
  cerca: searchTerm(
    CONTRIBUTOR_SEARCH_MAX_LENGTH,
    `La ricerca può contenere al massimo ${CONTRIBUTOR_SEARCH_MAX_LENGTH} caratteri: scrivere un codice fiscale, una matricola, un nome o un numero di protocollo.`,
  ).refine((value) => value === undefined || value.length >= CONTRIBUTOR_SEARCH_MIN_LENGTH, {
    message: `Scrivere almeno ${CONTRIBUTOR_SEARCH_MIN_LENGTH} caratteri: un codice fiscale, una matricola, un nome o un numero di protocollo.`,
  }),
});

export type ContributorSearch = z.infer<typeof contributorSearchSchema>;

/** A codice fiscale as it may appear in the file's address: 16 characters, or 11 digits (provisional). */
export const contributorCodiceFiscale = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^(?:[A-Z0-9]{16}|\d{11})$/));

// ───────────────────────────── timeline ─────────────────────────────

/**
 * The kinds of the timeline. Each is read by its own source in
 * timeline-sources.ts; a new kind (the smart tasks' outcomes) is a new value
 * here and a new source there.
 */
export const timelineKinds = ["richieste", "messaggi", "appuntamenti", "contatti", "deleghe", "notifiche"] as const;
export type TimelineKind = (typeof timelineKinds)[number];
export const timelineKindLabels: Record<TimelineKind, string> = {
  richieste: "Richieste e comunicazioni",
  messaggi: "Messaggi",
  appuntamenti: "Appuntamenti",
  contatti: "Modifiche dei contatti",
  deleghe: "Deleghe",
  notifiche: "Notifiche",
};

const isoDay = optionalIsoDay();

/** The timeline's GET parameters, each parsed on its own: a refused one is left out and the rest applies. */
export const timelineFilterFields = z.object({
  /** One or more kinds (repeated parameter, checkboxes); none: every kind. */
  tipo: z.preprocess(
    (value) => (Array.isArray(value) ? value : value === undefined || value === "" ? undefined : [value]),
    z.array(z.enum(timelineKinds, { message: "Scegliere i tipi tra quelli proposti." })).optional(),
  ),
  posizione: z.preprocess(blankToUndefined, z.uuid("Scegliere una posizione tra quelle proposte.").optional()),
  dal: isoDay,
  al: isoDay,
  /** Keyset cursor of the next page; a damaged one shows the first page. */
  dopo: z.preprocess(blankToUndefined, cursor.optional()).catch(undefined),
});

/** The parameters together: the period's order besides each field. */
export const timelineFiltersSchema = timelineFilterFields.superRefine((filters, context) =>
  refineDayRanges(filters, [["dal", "al"]], context),
);

export type TimelineFilters = z.infer<typeof timelineFiltersSchema>;
