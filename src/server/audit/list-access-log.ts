import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditAction, AuditTargetType } from "@/generated/prisma/enums";
import { cappedTotal, TOTAL_CAP, type CappedTotal } from "@/lib/capped-total";
import { fullName } from "@/lib/full-name";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { beyondKeyset, decodeKeysetCursor, encodeKeysetCursor, isDateValue, keysetPage } from "@/server/db/keyset";
import { NotFoundError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import { roleLabels, type OperatorActor } from "@/server/identity/actor";
import { readsAccessLog } from "./policy";
import {
  ACCESS_LOG_PAGE_SIZE,
  accessActions,
  accessLogFiltersSchema,
  auditActionLabels,
  auditTargetLabels,
  type AccessLogFilters,
} from "./schemas";

type AccessLogRow = {
  id: string;
  sequence: string;
  createdAt: Date;
  operator: { name: string | null; codiceFiscale: string; roleLabel: string; officeName: string | null };
  action: AuditAction;
  actionLabel: string;
  targetType: AuditTargetType;
  targetLabel: string;
  targetId: string;
  codiceFiscale: string | null;
  page: string;
  granted: boolean;
};

export type AccessLog = {
  filters: AccessLogFilters;
  /** Whether the log is the whole institute's (ADMIN) or the office's (RESPONSABILE). */
  scope: "tutte" | "sede";
  rows: AccessLogRow[];
  total: CappedTotal;
  nextCursor: string | null;
  previousCursor: string | null;
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

function filtersWhere(filters: AccessLogFilters): Prisma.AuditEntryWhereInput {
  return {
    ...(filters.operatore ? { actorCodiceFiscale: filters.operatore } : {}),
    ...(filters.contribuente ? { codiceFiscale: filters.contribuente } : {}),
    ...(filters.oggetto ? { targetType: filters.oggetto } : {}),
    ...(filters.identificativo ? { targetId: filters.identificativo } : {}),
    ...(filters.dal || filters.al
      ? {
          createdAt: {
            ...(filters.dal ? { gte: romeDayStart(filters.dal) } : {}),
            ...(filters.al ? { lt: romeDayEnd(filters.al) } : {}),
          },
        }
      : {}),
  };
}

const encodeCursor = (row: { id: string; createdAt: Date }) => encodeKeysetCursor(row.createdAt.toISOString(), row.id);

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
  const where: Prisma.AuditEntryWhereInput = { ...scope, ...filtersWhere(filters) };
  const after = decodeKeysetCursor(filters.dopo, isDateValue);
  const before = after ? null : decodeKeysetCursor(filters.prima, isDateValue);
  const direction = before ? "asc" : "desc";
  const cursor = after ?? before;
  const pageWhere = cursor ? { AND: [where, beyondKeyset("createdAt", direction, new Date(cursor.value), cursor.id)] } : where;

  const [counted, found] = await Promise.all([
    prisma.auditEntry.count({ where, take: TOTAL_CAP + 1, orderBy: { createdAt: "desc" } }),
    prisma.auditEntry.findMany({
      where: pageWhere,
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: ACCESS_LOG_PAGE_SIZE + 1,
    }),
  ]);
  const { rows, hasNext, hasPrevious } = keysetPage(found, ACCESS_LOG_PAGE_SIZE, { after, before });
  const [operators, offices] = await Promise.all([
    prisma.operator.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.actorOperatorId))] } },
      select: { id: true, givenName: true, familyName: true },
    }),
    prisma.office.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.actorOfficeId))] } },
      select: { id: true, name: true },
    }),
  ]);
  const operatorNames = new Map(operators.map((row) => [row.id, fullName(row)]));
  const officeNames = new Map(offices.map((row) => [row.id, row.name]));
  const first = rows[0];
  const last = rows.at(-1);

  return {
    filters,
    scope: actor.role === "ADMIN" ? "tutte" : "sede",
    total: cappedTotal(counted),
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    previousCursor: hasPrevious && first ? encodeCursor(first) : null,
    rows: rows.map((row) => ({
      id: row.id,
      sequence: row.sequence.toString(),
      createdAt: row.createdAt,
      operator: {
        name: operatorNames.get(row.actorOperatorId) ?? null,
        codiceFiscale: row.actorCodiceFiscale,
        roleLabel: roleLabels[row.actorRole],
        officeName: officeNames.get(row.actorOfficeId) ?? null,
      },
      action: row.action,
      actionLabel: auditActionLabels[row.action],
      targetType: row.targetType,
      targetLabel: auditTargetLabels[row.targetType],
      targetId: row.targetId,
      codiceFiscale: row.codiceFiscale,
      page: row.page,
      granted: row.granted,
    })),
  };
}
