import type { Prisma } from "@/generated/prisma/client";
import type { DelegationStatus } from "@/generated/prisma/enums";
import { effectiveStatus } from "@/server/delegations/effective-status";
import { smartTaskPayloadSchemas } from "./schemas";
import type { SmartTaskProcessor } from "./processor";

const statusWords: Record<DelegationStatus, string> = {
  PENDING: "in attesa di conferma",
  ACTIVE: "in vigore",
  REVOKED: "revocata",
  REJECTED: "rifiutata",
  EXPIRED: "scaduta",
};

/**
 * REVOCA DELEGA INTERMEDIARIO: the delegation named exists and is an
 * intermediary's, concerns the filer (its holder, or the intermediary
 * delegated), covers the request's position and is in force; then it is
 * revoked. Its row is locked for the rest of the transaction, so the check
 * and the revocation see the same delegation.
 */
export const revocaDelegaIntermediario: SmartTaskProcessor = async (tx: Prisma.TransactionClient, task, now) => {
  const payload = smartTaskPayloadSchemas.REVOCA_DELEGA_INTERMEDIARIO.parse(task.payload);
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
      DELEGA_ESISTENTE:
        delegation?.kind === "INTERMEDIARIO" ? null : "La delega indicata non esiste o non è una delega a un intermediario.",
      DELEGA_DEL_RICHIEDENTE: concernsFiler
        ? null
        : task.actingProfile === "TITOLARE"
          ? "La delega indicata non è stata conferita da te: il titolare può revocare solo le deleghe sulle proprie posizioni."
          : "La delega indicata non è stata conferita a te: l'intermediario può revocare solo le proprie deleghe.",
      DELEGA_SULLA_POSIZIONE: delegation?.scope.length
        ? null
        : `La delega indicata non copre la posizione ${task.position.matricola} a cui si riferisce la richiesta.`,
      DELEGA_IN_VIGORE: status === "ACTIVE" ? null : `La delega non è in vigore: risulta ${status ? statusWords[status] : "inesistente"}.`,
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
