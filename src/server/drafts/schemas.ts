import { z } from "zod";
import type { FormDraftPurpose } from "@/generated/prisma/enums";
import { blankToUndefined } from "@/lib/form-fields";

/** Checkboxes naming the files of a draft that go with the form again. */
export const KEPT_FILES_FIELD = "conservati";
/** Hidden field carrying the draft a corrected form comes from. */
export const DRAFT_FIELD = "bozza";
/** Address parameter naming a form held on disk while the database was unavailable (held-forms.ts). */
export const HELD_FORM_FIELD = "riserva";

/** The id of a draft or of one of its files, as the form carries it; anything else names nothing. */
const draftToken = z
  .string()
  .max(100)
  .regex(/^[\w-]+$/);

/** A corrected form's reference to its draft and the draft's files to send again. */
export const draftReferenceSchema = z.object({
  [DRAFT_FIELD]: z.preprocess(blankToUndefined, draftToken.optional()).catch(undefined),
  [KEPT_FILES_FIELD]: z
    .preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((key) => draftToken.safeParse(key).success),
      z.array(draftToken).max(50),
    )
    .catch([]),
});

/** The contacts and consents of the forms of the request path (contactsSchema, src/server/requests/schemas.ts). */
const requestContactFields = [
  "email",
  "pec",
  "mobile",
  "landline",
  "fax",
  "extraEmail",
  "consentEmail",
  "consentSms",
  "consentPec",
] as const;

/**
 * The fields each form may keep in a draft: nothing else a client sends is
 * stored. Those of Nuova richiesta are the fields of its schema
 * (newRequestSchema, src/server/requests/schemas.ts; a unit test keeps the two equal).
 */
export const draftFormFields: Record<FormDraftPurpose, readonly string[]> = {
  NUOVA_RICHIESTA: [...requestContactFields, "positionId", "subjectId", "text", "idempotencyKey"],
  MESSAGGIO_RICHIESTA: ["text"],
  // Not the version: the form shown again carries the quesito's current one.
  RISPOSTA_QUESITO: ["body", "nextState"],
  // The fields of newCommunicationSchema (src/server/communications/schemas.ts).
  NUOVA_COMUNICAZIONE: ["positionId", "subjectId", "text", "answerExpected", "answerBy", "idempotencyKey"],
  // The fields of every kind of Istanza online (instanceSchema, src/server/istanze/schemas.ts; a unit test keeps them equal).
  ISTANZA: [
    ...requestContactFields,
    "positionId",
    "text",
    "idempotencyKey",
    "importo",
    "rate",
    "periodoDal",
    "periodoAl",
    "importoSanzioni",
    "motivo",
    "iban",
    "intestatario",
    "avviso",
  ],
  // The quesito page's other forms (src/server/quesiti/schemas.ts): which one is the flash's `form`.
  AZIONE_QUESITO: ["body", "comment", "toState", "esito", "operatorId", "officeId"],
};
