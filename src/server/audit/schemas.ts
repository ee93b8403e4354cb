import { z } from "zod";
import { AuditAction, AuditTargetType } from "@/generated/prisma/enums";
import { codiceFiscaleSchema } from "@/lib/codice-fiscale";
import { blankToUndefined, cursor, optionalIsoDay, refineDayRanges, searchTerm } from "@/lib/form-fields";

export const ACCESS_LOG_PAGE_SIZE = 50;

/** The log holds two kinds of entries: operators' accesses (decision 0032) and administrators' changes (decision 0042). */
export const accessActions = [
  AuditAction.QUESITO_APERTO,
  AuditAction.FASCICOLO_CONTRIBUENTE_APERTO,
  AuditAction.FASCICOLO_CONTRIBUENTE_NEGATO,
] as const;
export const accessTargets = [AuditTargetType.QUESITO, AuditTargetType.CONTRIBUENTE] as const;
export const adminChangeActions = [
  AuditAction.AMMINISTRAZIONE_CREAZIONE,
  AuditAction.AMMINISTRAZIONE_MODIFICA,
  AuditAction.AMMINISTRAZIONE_DISATTIVAZIONE,
  AuditAction.AMMINISTRAZIONE_RIATTIVAZIONE,
  AuditAction.AMMINISTRAZIONE_IMPORTAZIONE,
] as const;
export const adminChangeTargets = [
  AuditTargetType.ARGOMENTO,
  AuditTargetType.SEDE,
  AuditTargetType.IMPOSTAZIONI_GESTIONE,
  AuditTargetType.OPERATORE,
  AuditTargetType.SMART_TASK,
  AuditTargetType.IMPOSTAZIONI_AGENDA,
  AuditTargetType.QUESTIONARIO,
] as const;
export type AccessAction = (typeof accessActions)[number];
export type AccessTarget = (typeof accessTargets)[number];
export type AdminChangeAction = (typeof adminChangeActions)[number];
export type AdminChangeTarget = (typeof adminChangeTargets)[number];

const entryPage = z.string().min(1).max(2000);
const entryTargetId = z.string().min(1).max(64);

/** What one access entry says; the actor comes from the session. */
export const accessEntrySchema = z.object({
  action: z.enum(accessActions),
  targetType: z.enum(accessTargets),
  targetId: entryTargetId,
  codiceFiscale: z.string().min(1).max(16).optional(),
  page: entryPage,
  granted: z.boolean(),
});

/** What one administrative change says, its values aside; the actor comes from the session. */
export const adminChangeSchema = z.object({
  action: z.enum(adminChangeActions),
  targetType: z.enum(adminChangeTargets),
  targetId: entryTargetId,
  page: entryPage,
});

export const auditTargetLabels: Record<AuditTargetType, string> = {
  QUESITO: "Quesito",
  CONTRIBUENTE: "Fascicolo del contribuente",
  ARGOMENTO: "Argomento",
  SEDE: "Sede",
  IMPOSTAZIONI_GESTIONE: "Impostazioni della gestione",
  OPERATORE: "Operatore",
  SMART_TASK: "Smart-Task",
  IMPOSTAZIONI_AGENDA: "Impostazioni predefinite dell'agenda",
  QUESTIONARIO: "Questionario",
};

export const auditActionLabels: Record<AuditAction, string> = {
  QUESITO_APERTO: "Apertura di un quesito",
  FASCICOLO_CONTRIBUENTE_APERTO: "Apertura del fascicolo di un contribuente",
  FASCICOLO_CONTRIBUENTE_NEGATO: "Fascicolo di un contribuente negato",
  AMMINISTRAZIONE_CREAZIONE: "Creazione",
  AMMINISTRAZIONE_MODIFICA: "Modifica",
  AMMINISTRAZIONE_DISATTIVAZIONE: "Disattivazione",
  AMMINISTRAZIONE_RIATTIVAZIONE: "Riattivazione",
  AMMINISTRAZIONE_IMPORTAZIONE: "Importazione",
};

const optionalCodiceFiscale = z.preprocess(blankToUndefined, codiceFiscaleSchema.optional());

/** The filters both readers of the log share (GET parameters, Italian as in the address bar), on their own targets. */
function logFilterShape<Targets extends readonly [AuditTargetType, ...AuditTargetType[]]>(targets: Targets) {
  return {
    /** The operator's codice fiscale. */
    operatore: optionalCodiceFiscale,
    oggetto: z.preprocess(blankToUndefined, z.enum(targets, { message: "Scegliere un tipo tra quelli proposti." }).optional()),
    /** The record's identifier, as in its page's address; only with `oggetto`. */
    identificativo: searchTerm(64, "L'identificativo può contenere al massimo 64 caratteri."),
    dal: optionalIsoDay(),
    al: optionalIsoDay(),
    /** Keyset cursors of the next and previous page; a damaged one shows the first page. */
    dopo: z.preprocess(blankToUndefined, cursor.optional()).catch(undefined),
    prima: z.preprocess(blankToUndefined, cursor.optional()).catch(undefined),
  };
}

function refineLogFilters(
  filters: { identificativo?: string; oggetto?: string; dal?: string; al?: string },
  context: z.RefinementCtx,
): void {
  refineDayRanges(filters, [["dal", "al"]], context);
  if (filters.identificativo && !filters.oggetto) {
    context.addIssue({ code: "custom", path: ["oggetto"], message: "Per cercare un identificativo, scegliere anche il tipo." });
  }
}

/** The access log's GET parameters. */
export const accessLogFiltersSchema = z
  .object({
    ...logFilterShape(accessTargets),
    /** The contributor's codice fiscale. */
    contribuente: optionalCodiceFiscale,
  })
  .superRefine(refineLogFilters);

export type AccessLogFilters = z.infer<typeof accessLogFiltersSchema>;

export const ADMIN_CHANGES_PAGE_SIZE = 50;

/** The administrators' changes' GET parameters (decision 0045). */
export const adminChangesFiltersSchema = z
  .object({
    ...logFilterShape(adminChangeTargets),
    azione: z.preprocess(blankToUndefined, z.enum(adminChangeActions, { message: "Scegliere un'azione tra quelle proposte." }).optional()),
  })
  .superRefine(refineLogFilters);

export type AdminChangesFilters = z.infer<typeof adminChangesFiltersSchema>;
