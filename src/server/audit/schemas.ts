import { z } from "zod";
import { AuditAction, AuditTargetType } from "@/generated/prisma/enums";
import { codiceFiscaleSchema } from "@/lib/codice-fiscale";
import { blankToUndefined, cursor, optionalIsoDay, refineDayRanges, searchTerm } from "@/lib/form-fields";

export const ACCESS_LOG_PAGE_SIZE = 50;

/** What one access entry says; the actor comes from the session. */
export const accessEntrySchema = z.object({
  action: z.enum(AuditAction),
  targetType: z.enum(AuditTargetType),
  targetId: z.string().min(1).max(64),
  codiceFiscale: z.string().min(1).max(16).optional(),
  page: z.string().min(1).max(2000),
  granted: z.boolean(),
});

export const accessTargetLabels: Record<AuditTargetType, string> = {
  QUESITO: "Quesito",
  CONTRIBUENTE: "Fascicolo del contribuente",
};

export const accessActionLabels: Record<AuditAction, string> = {
  QUESITO_APERTO: "Apertura di un quesito",
  FASCICOLO_CONTRIBUENTE_APERTO: "Apertura del fascicolo di un contribuente",
  FASCICOLO_CONTRIBUENTE_NEGATO: "Fascicolo di un contribuente negato",
};

const optionalCodiceFiscale = z.preprocess(blankToUndefined, codiceFiscaleSchema.optional());

/** The access log's GET parameters (Italian, as in the address bar). */
export const accessLogFiltersSchema = z
  .object({
    /** The operator's codice fiscale. */
    operatore: optionalCodiceFiscale,
    /** The contributor's codice fiscale. */
    contribuente: optionalCodiceFiscale,
    oggetto: z.preprocess(blankToUndefined, z.enum(AuditTargetType, { message: "Scegliere un tipo tra quelli proposti." }).optional()),
    /** The record's identifier, as in its page's address; only with `oggetto`. */
    identificativo: searchTerm(64, "L'identificativo può contenere al massimo 64 caratteri."),
    dal: optionalIsoDay(),
    al: optionalIsoDay(),
    /** Keyset cursors of the next and previous page; a damaged one shows the first page. */
    dopo: z.preprocess(blankToUndefined, cursor.optional()).catch(undefined),
    prima: z.preprocess(blankToUndefined, cursor.optional()).catch(undefined),
  })
  .superRefine((filters, context) => {
    refineDayRanges(filters, [["dal", "al"]], context);
    if (filters.identificativo && !filters.oggetto) {
      context.addIssue({ code: "custom", path: ["oggetto"], message: "Per cercare un identificativo, scegliere anche il tipo." });
    }
  });

export type AccessLogFilters = z.infer<typeof accessLogFiltersSchema>;
