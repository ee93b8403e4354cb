import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OperatorActor } from "@/server/identity/actor";
import { logger } from "@/server/logger";

/** One opening of a record by an operator, granted or refused. */
export type AccessEntry = {
  action: "FASCICOLO_CONTRIBUENTE_APERTO" | "FASCICOLO_CONTRIBUENTE_NEGATO";
  targetType: "CONTRIBUENTE";
  targetId: string;
  codiceFiscale?: string;
  page: string;
  granted: boolean;
};

/**
 * Placeholder of the access log (issue 14), replaced by the audit module when
 * it lands: same signature, a log line instead of a hash-chained row.
 */
export async function recordAccess(actor: OperatorActor, entry: AccessEntry, db?: Prisma.TransactionClient): Promise<void> {
  void db;
  logger.info({ operatorId: actor.operatorId, ...entry }, "Accesso registrato");
}
