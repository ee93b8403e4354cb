import { z } from "zod";
import { codiceFiscaleSchema } from "@/lib/codice-fiscale";

/** Longest reason a holder may give for a revocation. */
export const REVOKE_REASON_MAX = 500;

/** The holder's revocation of a delegation: which one, and why. */
export const revokeDelegationSchema = z.object({
  delegationId: z.uuid({ error: "Delega non valida." }),
  reason: z
    .string({ error: "Indicare il motivo della revoca." })
    .trim()
    .min(1, { error: "Indicare il motivo della revoca." })
    .max(REVOKE_REASON_MAX, { error: `Il motivo della revoca non può superare ${REVOKE_REASON_MAX} caratteri.` }),
});

export type RevokeDelegationInput = z.input<typeof revokeDelegationSchema>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The holder's direct grant: who, as what, on which of their positions, until when (empty: no end). */
export const grantDelegationSchema = z.object({
  delegateCodiceFiscale: codiceFiscaleSchema,
  kind: z.enum(["INTERMEDIARIO", "DIPENDENTE"], { error: "Scegliere il tipo di delega." }),
  positionIds: z
    .array(z.string(), { error: "Scegliere almeno una posizione." })
    .min(1, { error: "Scegliere almeno una posizione." }),
  validTo: z
    .string()
    .trim()
    .refine((value) => value === "" || isoDay.test(value), { error: "Indicare una data di fine valida." })
    .optional()
    .transform((value) => (value ? value : undefined)),
});
