import { z } from "zod";
import { OperatorRole } from "@/generated/prisma/enums";
import { codiceFiscaleSchema } from "@/lib/codice-fiscale";
import { blankToUndefined } from "@/lib/form-fields";
import { requiredText, uuidField } from "@/server/requests/schemas";

/** The operators' page: where its forms are, and the page their audit entries name. */
export const OPERATORS_PAGE = "/admin/operatori";

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;

const BROKEN_FORM = "Il modulo non è valido: ricaricare la pagina.";
/** The largest version the database column (int4) holds. */
const MAX_VERSION = 2_147_483_647;

const role = z.enum(OperatorRole, { message: "Scegliere un ruolo tra quelli proposti." });
const officeId = uuidField("Scegliere una sede tra quelle proposte.");
const operatorId = uuidField(BROKEN_FORM);
/** The version of the operator the administrator saw, from the form's hidden field (blank is missing, not 0). */
export const expectedVersion = z.preprocess(
  blankToUndefined,
  z.coerce.number({ message: BROKEN_FORM }).int(BROKEN_FORM).min(0, BROKEN_FORM).max(MAX_VERSION, BROKEN_FORM),
);

/** "Aggiungi un operatore": identified by codice fiscale, with an office and a role. */
export const createOperatorSchema = z.object({
  codiceFiscale: codiceFiscaleSchema,
  givenName: requiredText("Inserire il nome.", NAME_MAX_LENGTH, "Il nome è troppo lungo"),
  familyName: requiredText("Inserire il cognome.", NAME_MAX_LENGTH, "Il cognome è troppo lungo"),
  email: z
    .string({ message: "Inserire l'indirizzo email di lavoro." })
    .trim()
    .min(1, "Inserire l'indirizzo email di lavoro.")
    .max(EMAIL_MAX_LENGTH, `L'indirizzo email può contenere al massimo ${EMAIL_MAX_LENGTH} caratteri.`)
    .pipe(z.email("Inserire un indirizzo email valido, ad esempio nome.cognome@inps.it.")),
  officeId,
  role,
});

/** An operator's office and role, as the administrator saw them at `expectedVersion`. */
export const updateOperatorSchema = z.object({ operatorId, expectedVersion, officeId, role });

/** Deactivation or reactivation of an operator seen at `expectedVersion`. */
export const operatorStatusSchema = z.object({ operatorId, expectedVersion });

export type CreateOperatorInput = z.infer<typeof createOperatorSchema>;
