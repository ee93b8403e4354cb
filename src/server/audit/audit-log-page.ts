import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditAction, AuditTargetType } from "@/generated/prisma/enums";
import { cappedTotal, TOTAL_CAP, type CappedTotal } from "@/lib/capped-total";
import { fullName } from "@/lib/full-name";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { beyondKeyset, decodeKeysetCursor, encodeKeysetCursor, isDateValue, keysetPage } from "@/server/db/keyset";
import { roleLabels } from "@/server/identity/actor";
import { auditActionLabels, auditTargetLabels } from "./schemas";

/** One entry as both readers of the log show it: the access log (decision 0032) and the administrators' changes (decision 0042). */
export type AuditLogRow = {
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
  before: string | null;
  after: string | null;
};

export type AuditLogPage = {
  rows: AuditLogRow[];
  total: CappedTotal;
  nextCursor: string | null;
  previousCursor: string | null;
};

/** The filters both readers share: who acted, on what, when. */
export type AuditLogFilters = {
  operatore?: string;
  oggetto?: AuditTargetType;
  identificativo?: string;
  dal?: string;
  al?: string;
  dopo?: string;
  prima?: string;
};

export function auditFiltersWhere(filters: AuditLogFilters): Prisma.AuditEntryWhereInput {
  return {
    ...(filters.operatore ? { actorCodiceFiscale: filters.operatore } : {}),
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

/** Entries with the names of their operators and offices, as they are now (the entry keeps the codice fiscale). */
export async function auditLogRows(entries: Prisma.AuditEntryGetPayload<object>[]): Promise<AuditLogRow[]> {
  const [operators, offices] = await Promise.all([
    prisma.operator.findMany({
      where: { id: { in: [...new Set(entries.map((row) => row.actorOperatorId))] } },
      select: { id: true, givenName: true, familyName: true },
    }),
    prisma.office.findMany({
      where: { id: { in: [...new Set(entries.map((row) => row.actorOfficeId))] } },
      select: { id: true, name: true },
    }),
  ]);
  const operatorNames = new Map(operators.map((row) => [row.id, fullName(row)]));
  const officeNames = new Map(offices.map((row) => [row.id, row.name]));
  return entries.map((row) => ({
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
    before: row.before,
    after: row.after,
  }));
}

/**
 * One page of the log's entries matching `where`, newest first, cut by
 * keyset on (createdAt, id) from the `dopo` / `prima` cursors so that every
 * filter reads one index from the cursor on, with a capped total.
 */
export async function readAuditLogPage(
  where: Prisma.AuditEntryWhereInput,
  cursors: Pick<AuditLogFilters, "dopo" | "prima">,
  size: number,
): Promise<AuditLogPage> {
  const after = decodeKeysetCursor(cursors.dopo, isDateValue);
  const before = after ? null : decodeKeysetCursor(cursors.prima, isDateValue);
  const direction = before ? "asc" : "desc";
  const cursor = after ?? before;
  const pageWhere = cursor ? { AND: [where, beyondKeyset("createdAt", direction, new Date(cursor.value), cursor.id)] } : where;

  const [counted, found] = await Promise.all([
    prisma.auditEntry.count({ where, take: TOTAL_CAP + 1, orderBy: { createdAt: "desc" } }),
    prisma.auditEntry.findMany({ where: pageWhere, orderBy: [{ createdAt: direction }, { id: direction }], take: size + 1 }),
  ]);
  const { rows, hasNext, hasPrevious } = keysetPage(found, size, { after, before });
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows: await auditLogRows(rows),
    total: cappedTotal(counted),
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    previousCursor: hasPrevious && first ? encodeCursor(first) : null,
  };
}
