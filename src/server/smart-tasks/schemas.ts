import { z } from "zod";
import { SmartTaskKind } from "@/generated/prisma/enums";
import { blankToUndefined, typedText } from "@/lib/form-fields";
import { contactFieldsSchema } from "@/server/contacts/contact-fields";
import { idempotencyKeyField, uuidField } from "@/server/requests/schemas";
import { REVOCATION_REASON_MAX } from "./kinds";

/** A kind that is not one of the portal's, or not open to the filer, gets this message at the kind field. */
export const KIND_NOT_AVAILABLE = "Il tipo di Smart-Task indicato non esiste o non è disponibile per il tuo profilo.";

/** What every Smart-Task form sends, whatever its kind. */
export const smartTaskFilingSchema = z.object({
  kind: z.enum(SmartTaskKind, { message: KIND_NOT_AVAILABLE }),
  positionId: uuidField("Scegliere la posizione a cui si riferisce la richiesta."),
  idempotencyKey: idempotencyKeyField,
});

/** The fields of a delegation's revocation, whatever the kind of delegation. */
export const delegationRevocationSchema = z.object({
  delegationId: uuidField("Scegliere la delega da revocare."),
  reason: z.preprocess(
    blankToUndefined,
    typedText()
      .trim()
      .max(REVOCATION_REASON_MAX, { message: `Il motivo può essere lungo al massimo ${REVOCATION_REASON_MAX} caratteri.` })
      .optional(),
  ),
});

/**
 * The filer's own new contacts (no field names a person: the task changes
 * only the filer's profile), at least one.
 */
const ownContactsSchema = contactFieldsSchema.superRefine((contacts, context) => {
  if (Object.values(contacts).every((value) => value === undefined)) {
    context.addIssue({ code: "custom", path: ["email"], message: "Indicare almeno un nuovo recapito." });
  }
});

/** Which address CANCELLAZIONE CONTATTI ANOMALI clears; none named: every anomalous one. */
export const anomalousContactsSchema = z.object({
  contact: z.preprocess(
    blankToUndefined,
    z.enum(["email", "pec", "mobile"], { message: "Scegliere l'e-mail, la PEC, il cellulare o tutti i contatti anomali." }).optional(),
  ),
});

/** The structured fields of each kind (kinds.ts lists them for the form). */
export const smartTaskPayloadSchemas = {
  REVOCA_DELEGA_INTERMEDIARIO: delegationRevocationSchema,
  REVOCA_DELEGA_DIPENDENTE: delegationRevocationSchema,
  VARIAZIONE_CONTATTI_INTERMEDIARIO: ownContactsSchema,
  VARIAZIONE_CONTATTI_DIPENDENTE_AZIENDALE: ownContactsSchema,
  CANCELLAZIONE_CONTATTI_ANOMALI: anomalousContactsSchema,
} satisfies Record<SmartTaskKind, z.ZodType>;

export type SmartTaskPayload<Kind extends SmartTaskKind> = z.output<(typeof smartTaskPayloadSchemas)[Kind]>;
