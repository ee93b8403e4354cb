import { z } from "zod";
import { codiceFiscaleSchema } from "@/lib/codice-fiscale";
import { optionalIsoDay, typedText } from "@/lib/form-fields";

/** Longest reason a holder may give for a revocation or a refusal. */
export const DELEGATION_REASON_MAX = 500;

/** The holder's revocation of a delegation: which one, and why. */
export const revokeDelegationSchema = z.object({
  delegationId: z.uuid({ error: "Delega non valida." }),
  reason: typedText({ message: "Indicare il motivo della revoca." })
    .trim()
    .min(1, { error: "Indicare il motivo della revoca." })
    .max(DELEGATION_REASON_MAX, { error: `Il motivo della revoca non può superare ${DELEGATION_REASON_MAX} caratteri.` }),
});

export type RevokeDelegationInput = z.input<typeof revokeDelegationSchema>;

/** A delegation's last day (yyyy-mm-dd, a real calendar day), or empty for none. */
const validToSchema = optionalIsoDay("Indicare una data di fine valida.");

const delegationKindSchema = z.enum(["INTERMEDIARIO", "DIPENDENTE"], { error: "Scegliere il tipo di delega." });

/** The holder's direct grant: who, as what, on which of their positions, until when (empty: no end). */
export const grantDelegationSchema = z.object({
  delegateCodiceFiscale: codiceFiscaleSchema,
  kind: delegationKindSchema,
  positionIds: z.array(z.string(), { error: "Scegliere almeno una posizione." }).min(1, { error: "Scegliere almeno una posizione." }),
  validTo: validToSchema,
});

/** Most positions one delegation request may name. */
export const REQUEST_MATRICOLE_MAX = 50;

/**
 * A delegate's request: whose positions (the holder's codice fiscale and the
 * matricole, separated by spaces, commas or new lines), as what, until when.
 */
export const requestDelegationSchema = z.object({
  holderCodiceFiscale: codiceFiscaleSchema,
  kind: delegationKindSchema,
  matricole: z
    .string({ error: "Indicare almeno una matricola." })
    .transform((value) => [
      ...new Set(
        value
          .toUpperCase()
          .split(/[\s,;]+/)
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().regex(/^[0-9A-Z]{1,20}$/, { error: "Le matricole contengono solo lettere e cifre (al più 20)." }))
        .min(1, { error: "Indicare almeno una matricola." })
        .max(REQUEST_MATRICOLE_MAX, { error: `Indicare al più ${REQUEST_MATRICOLE_MAX} matricole per richiesta.` }),
    ),
  validTo: validToSchema,
});

export type RequestDelegationInput = z.input<typeof requestDelegationSchema>;

const delegationIdSchema = z.uuid({ error: "Delega non valida." });

/** The holder's answer to a request: which one (accepting needs nothing else). */
export const delegationRequestSchema = z.object({ delegationId: delegationIdSchema });

/** The holder's refusal of a request, with an optional reason. */
export const rejectDelegationSchema = z.object({
  delegationId: delegationIdSchema,
  reason: typedText()
    .trim()
    .max(DELEGATION_REASON_MAX, { error: `Il motivo non può superare ${DELEGATION_REASON_MAX} caratteri.` })
    .optional()
    .transform((value) => (value ? value : undefined)),
});

/** A verification code as typed: case, spaces and dashes do not matter. */
export function normalizeVerificationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

/** A verification code as typed (src/server/delegations/verification-code.ts), normalized. */
export const verificationCodeField = z
  .string({ error: "Inserire il codice di verifica." })
  .transform(normalizeVerificationCode)
  .pipe(
    z
      .string()
      .min(1, { error: "Inserire il codice di verifica." })
      .regex(/^[0-9A-Z]{8}$/, { error: "Il codice di verifica è di 8 caratteri, lettere e cifre." }),
  );

/** The delegate's confirmation with the code the holder read out. */
export const confirmDelegationSchema = z.object({
  delegationId: delegationIdSchema,
  code: verificationCodeField,
});
