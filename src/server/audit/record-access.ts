import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { accessEntrySchema, type AccessAction, type AccessTarget } from "./schemas";

/**
 * Appends an operator's opening of a record to the access log: who (the
 * operator, role and office as they are now), what, the contributor when
 * known, from which page, and whether it was granted. The database chains
 * it (sequence, time, hashes) under the chain head's lock. Given `db`, the
 * entry joins that transaction and holds the lock until it ends; alone it is
 * one INSERT. An entry that does not fit the log's columns is a programming
 * error, thrown.
 */
export async function recordAccess(
  actor: OperatorActor,
  entry: {
    action: AccessAction;
    targetType: AccessTarget;
    targetId: string;
    codiceFiscale?: string;
    page: string;
    granted: boolean;
  },
  db?: Prisma.TransactionClient,
): Promise<void> {
  const checked = accessEntrySchema.parse(entry);
  await (db ?? prisma).auditEntry.create({
    data: {
      actorOperatorId: actor.operatorId,
      actorCodiceFiscale: actor.codiceFiscale,
      actorRole: actor.role,
      actorOfficeId: actor.office.id,
      action: checked.action,
      targetType: checked.targetType,
      targetId: checked.targetId,
      codiceFiscale: checked.codiceFiscale ?? null,
      page: checked.page,
      granted: checked.granted,
    },
    select: { id: true },
  });
}
