import { z } from "zod";
import { Gestione } from "@/generated/prisma/enums";

/** Subject trees per gestione, edited by administrators (issue 16, decision 0043). */

export const SUBJECT_CODE_MAX = 40;
export const SUBJECT_LABEL_MAX = 200;
/** The longest time to answer a subject may set, in working days. */
export const MAX_RESPONSE_DAYS = 365;
/** An import file larger than this is refused before it is read: a whole tree is a few tens of kilobytes. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** A label a spreadsheet would run as a formula (CSV/formula injection). */
const FORMULA_START = /^[=+\-@]/;

export const FORMULA_LABEL = "La descrizione non può iniziare con =, +, - o @ (un foglio di calcolo la eseguirebbe come formula).";

export const gestioneSchema = z.enum(Gestione, { error: "Gestione inesistente." });

export const subjectCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, "Indicare il codice.")
  .max(SUBJECT_CODE_MAX, `Il codice può avere al massimo ${SUBJECT_CODE_MAX} caratteri.`)
  .regex(/^[A-Z0-9][A-Z0-9_-]*$/, "Il codice può contenere solo lettere, cifre, trattini e trattini bassi.");

export const subjectLabelSchema = z
  .string()
  .trim()
  .min(1, "Indicare la descrizione.")
  .max(SUBJECT_LABEL_MAX, `La descrizione può avere al massimo ${SUBJECT_LABEL_MAX} caratteri.`)
  .refine((label) => !FORMULA_START.test(label), FORMULA_LABEL);

const emptyAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const sortOrderSchema = z.coerce
  .number({ error: "Indicare l'ordine con un numero intero." })
  .int("Indicare l'ordine con un numero intero.")
  .min(0, "L'ordine non può essere negativo.")
  .max(9999, "L'ordine può arrivare al massimo a 9999.");

const maxDaysSchema = z.preprocess(
  emptyAsNull,
  z.coerce
    .number({ error: "Indicare i giorni lavorativi con un numero intero." })
    .int("Indicare i giorni lavorativi con un numero intero.")
    .min(1, "Il tempo di risposta è di almeno 1 giorno lavorativo.")
    .max(MAX_RESPONSE_DAYS, `Il tempo di risposta può arrivare al massimo a ${MAX_RESPONSE_DAYS} giorni lavorativi.`)
    .nullable(),
);

const optionalId = z.preprocess(emptyAsNull, z.uuid("Scelta non valida.").nullable());

/** The fields a subject's form edits (the add form also has the code). */
const subjectFieldsSchema = z.object({
  label: subjectLabelSchema,
  parentId: optionalId,
  sortOrder: sortOrderSchema,
  routeToOfficeId: optionalId,
  maxResponseWorkingDays: maxDaysSchema,
});

export const createSubjectSchema = subjectFieldsSchema.extend({ code: subjectCodeSchema });

const versionSchema = z.coerce.number({ error: "Versione mancante." }).int().min(0);

export const updateSubjectSchema = subjectFieldsSchema.extend({ expectedVersion: versionSchema });

export const setSubjectActiveSchema = z.object({
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
  expectedVersion: versionSchema,
});

export type CreateSubjectInput = z.output<typeof createSubjectSchema>;

export const subjectFieldLabels = {
  code: "Codice",
  label: "Descrizione",
  parentId: "Area",
  sortOrder: "Ordine",
  routeToOfficeId: "Sede che risponde",
  maxResponseWorkingDays: "Tempo massimo di risposta (giorni lavorativi)",
} as const;

/** One subject of an imported or exported tree: areas have no `parentCode`. */
export const subjectImportRowSchema = z.object({
  code: subjectCodeSchema,
  label: subjectLabelSchema,
  parentCode: z.preprocess(emptyAsNull, subjectCodeSchema.nullable()),
  sortOrder: sortOrderSchema,
  active: z.boolean({ error: "Indicare se l'oggetto è attivo (sì o no)." }),
  officeCode: z.preprocess(
    emptyAsNull,
    z
      .string()
      .trim()
      .regex(/^\d{4}$/, "Il codice AOO della sede è di 4 cifre.")
      .nullable(),
  ),
  maxResponseWorkingDays: maxDaysSchema,
});

export type SubjectImportRow = z.output<typeof subjectImportRowSchema>;

/** A problem of an import: `row` is the file's row (1 = the first subject), 0 for the file as a whole. */
export type SubjectImportProblem = { row: number; code: string; message: string };

export const importFormats = ["json", "csv"] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The CSV's columns, in order; JSON uses the row's own keys. */
export const csvColumns = ["codice", "descrizione", "area", "ordine", "attivo", "sede", "giorni_risposta"] as const;

export const confirmImportSchema = z.object({
  planHash: z.string().regex(/^[0-9a-f]{64}$/, "Anteprima non valida: caricare di nuovo il file."),
});
