import type { Prisma } from "@/generated/prisma/client";
import type { DelegationKind, DelegationStatus } from "@/generated/prisma/enums";
import { effectiveStatus } from "@/server/delegations/effective-status";
import { delegationRevocationSchema } from "./schemas";
import type { SmartTaskProcessor } from "./processor";

const statusWords: Record<DelegationStatus, string> = {
  PENDING: "in attesa di conferma",
  ACTIVE: "in vigore",
  REVOKED: "revocata",
  REJECTED: "rifiutata",
  EXPIRED: "scaduta",
};

/** What the reasons say of each kind of delegation: "a un …" and what its delegate may revoke. */
const delegateWords: Record<DelegationKind, { toWhom: string; ownOnly: string }> = {
  INTERMEDIARIO: { toWhom: "a un intermediario", ownOnly: "l'intermediario può revocare solo le proprie deleghe" },
  DIPENDENTE: { toWhom: "a un dipendente", ownOnly: "il dipendente può revocare solo la propria delega" },
};

/**
 * The revocation of a delegation of `kind` (REVOCA DELEGA INTERMEDIARIO,
 * REVOCA DELEGA DIPENDENTE): the delegation named exists and is of that kind,
 * concerns the filer (its holder, or the person delegated), covers the
 * request's position and is in force; then it is revoked. Its row is locked
 * for the rest of the transaction, so the check and the revocation see the
 * same delegation.
 */
function revocaDelega(kind: DelegationKind): SmartTaskProcessor {
  const words = delegateWords[kind];
  return async (tx: Prisma.TransactionClient, task, now) => {
    const payload = delegationRevocationSchema.parse(task.payload);
    await tx.$queryRaw`SELECT 1 FROM "Delegation" WHERE "id" = ${payload.delegationId}::uuid FOR UPDATE`;
    const delegation = await tx.delegation.findUnique({
      where: { id: payload.delegationId },
      select: {
        id: true,
        kind: true,
        status: true,
        validTo: true,
        holderId: true,
        delegateId: true,
        scope: { where: { positionId: task.position.id }, select: { positionId: true } },
      },
    });
    const status = delegation ? effectiveStatus(delegation, now) : null;
    const concernsFiler =
      task.actingProfile === "TITOLARE" ? delegation?.holderId === task.filedById : delegation?.delegateId === task.filedById;

    return {
      checks: {
        DELEGA_ESISTENTE: delegation?.kind === kind ? null : `La delega indicata non esiste o non è una delega ${words.toWhom}.`,
        DELEGA_DEL_RICHIEDENTE: concernsFiler
          ? null
          : task.actingProfile === "TITOLARE"
            ? "La delega indicata non è stata conferita da te: il titolare può revocare solo le deleghe sulle proprie posizioni."
            : `La delega indicata non è stata conferita a te: ${words.ownOnly}.`,
        DELEGA_SULLA_POSIZIONE: delegation?.scope.length
          ? null
          : `La delega indicata non copre la posizione ${task.position.matricola} a cui si riferisce la richiesta.`,
        DELEGA_IN_VIGORE:
          status === "ACTIVE" ? null : `La delega non è in vigore: risulta ${status ? statusWords[status] : "inesistente"}.`,
      },
      async effect() {
        const reason = `Revocata con la Smart-Task ${task.protocolNumber}${payload.reason ? `: ${payload.reason}` : "."}`;
        const { count } = await tx.delegation.updateMany({
          where: { id: payload.delegationId, status: "ACTIVE" },
          data: { status: "REVOKED", revokedAt: now, revokedReason: reason },
        });
        if (count !== 1) throw new Error("La delega è cambiata durante la revoca");
      },
    };
  };
}

export const revocaDelegaIntermediario = revocaDelega("INTERMEDIARIO");
export const revocaDelegaDipendente = revocaDelega("DIPENDENTE");
