import { z } from "zod";
import { blankToUndefined, searchTerm } from "@/lib/form-fields";
import { romeIsoDay } from "@/lib/rome-dates";
import { checkbox, idempotencyKeyField, requiredText, TEXT_MAX_LENGTH, uuidField } from "@/server/requests/schemas";

/** Inputs of the office's communications (F22), shared by the forms and the services. */

export const ANSWER_BY_MISSING = "Indicare entro quando è attesa la risposta.";
export const ANSWER_BY_PAST = "La data entro cui rispondere non può essere già passata.";
export const POSITION_SEARCH_MAX_LENGTH = 60;

/**
 * "Nuova comunicazione". `answerBy` (yyyy-mm-dd, a Rome day) is required when
 * an answer is expected, and may not be before today; `now` decides today.
 */
export function newCommunicationSchema(now: Date) {
  return z
    .object({
      positionId: uuidField("Scegliere la posizione contributiva."),
      subjectId: uuidField("Scegliere l'oggetto della comunicazione."),
      text: requiredText("Scrivere il testo della comunicazione.", TEXT_MAX_LENGTH, "Il testo è troppo lungo"),
      answerExpected: checkbox,
      answerBy: z.preprocess(blankToUndefined, z.iso.date({ error: "Indicare una data valida (gg/mm/aaaa)." }).optional()),
      idempotencyKey: idempotencyKeyField,
    })
    .superRefine((value, context) => {
      if (!value.answerExpected) return;
      if (!value.answerBy) context.addIssue({ code: "custom", path: ["answerBy"], message: ANSWER_BY_MISSING });
      else if (value.answerBy < romeIsoDay(now)) context.addIssue({ code: "custom", path: ["answerBy"], message: ANSWER_BY_PAST });
    });
}

export type NewCommunicationInput = z.infer<ReturnType<typeof newCommunicationSchema>>;

/** The position search of Nuova comunicazione: codice fiscale, matricola or name. */
export const positionSearchSchema = z.object({
  q: searchTerm(POSITION_SEARCH_MAX_LENGTH, `Scrivere al massimo ${POSITION_SEARCH_MAX_LENGTH} caratteri.`),
});

/** "Da leggere / lette" of Comunicazioni ricevute (F09). */
export const readFilters = ["da-leggere", "lette"] as const;
export type ReadFilter = (typeof readFilters)[number];
export const readFilterLabels: Record<ReadFilter, string> = { "da-leggere": "Da leggere", lette: "Lette" };
export const COMMUNICATION_PAGE_SIZE = 20;
export const COMMUNICATION_LIST_PATH = "/cassetto/comunicazioni";

/** The list's address: the read filter, one position (by id: a matricola may be shared), and the keyset cursor of the next page. */
export const communicationListQuerySchema = z.object({
  lettura: z.enum(readFilters).optional().catch(undefined),
  posizione: z.uuid().optional().catch(undefined),
  dopo: z.string().max(200).optional().catch(undefined),
});
export type CommunicationListQuery = z.infer<typeof communicationListQuerySchema>;

/** The list's address for a view: `/cassetto/comunicazioni?lettura=…&posizione=…&dopo=…`, the parts given only. */
export function communicationListPath(view: Partial<CommunicationListQuery>): string {
  const search = new URLSearchParams();
  for (const key of ["lettura", "posizione", "dopo"] as const) {
    const value = view[key];
    if (value) search.set(key, value);
  }
  const query = search.toString();
  return query ? `${COMMUNICATION_LIST_PATH}?${query}` : COMMUNICATION_LIST_PATH;
}
