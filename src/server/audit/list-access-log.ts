import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { auditFiltersWhere, readAuditLogPage, type AuditLogPage } from "./audit-log-page";
import { readsAccessLog } from "./policy";
import { ACCESS_LOG_PAGE_SIZE, accessActions, accessLogFiltersSchema, type AccessLogFilters } from "./schemas";

export type AccessLog = AuditLogPage & {
  filters: AccessLogFilters;
  /** Whether the log is the whole institute's (ADMIN) or the office's (RESPONSABILE). */
  scope: "tutte" | "sede";
};

/**
 * Who may read the log, and which entries: an ADMIN all accesses, a
 * RESPONSABILE those of their office's operators. Administrative changes have
 * their own page (decision 0042).
 */
function readableWhere(actor: OperatorActor): Prisma.AuditEntryWhereInput {
  if (!readsAccessLog(actor)) throw new NotFoundError();
  const accesses = { action: { in: [...accessActions] } };
  return actor.role === "ADMIN" ? accesses : { ...accesses, actorOfficeId: actor.office.id };
}

/**
 * The access log (decision 0032) for a RESPONSABILE (their office's
 * operators) or an ADMIN (everyone), newest first, filtered by operator,
 * contributor, target and period, cut by keyset on (createdAt, id) so that
 * every filter reads one index from the cursor on. An OPERATORE is told the
 * page does not exist (NotFoundError). Invalid filters: ValidationError.
 */
export async function listAccessLog(actor: OperatorActor, rawFilters: unknown): Promise<AccessLog> {
  const scope = readableWhere(actor);
  const filters = parseInput(accessLogFiltersSchema, rawFilters, "Alcuni filtri non sono validi: correggerli.");
  const where: Prisma.AuditEntryWhereInput = {
    ...scope,
    ...auditFiltersWhere(filters),
    ...(filters.contribuente ? { codiceFiscale: filters.contribuente } : {}),
  };
  const page = await readAuditLogPage(where, filters, ACCESS_LOG_PAGE_SIZE);
  return { filters, scope: actor.role === "ADMIN" ? "tutte" : "sede", ...page };
}
