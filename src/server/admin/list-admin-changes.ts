import "server-only";
import { auditFiltersWhere, readAuditLogPage, type AuditLogPage, type AuditLogRow } from "@/server/audit/audit-log-page";
import { ADMIN_CHANGES_PAGE_SIZE, adminChangeActions, adminChangesFiltersSchema, type AdminChangesFilters } from "@/server/audit/schemas";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { changeDetails, type ChangeDetail } from "./change-details";
import { assertAdmin } from "./policy";

export type AdminChangeRow = AuditLogRow & { details: ChangeDetail[] };

export type AdminChanges = Omit<AuditLogPage, "rows"> & { filters: AdminChangesFilters; rows: AdminChangeRow[] };

/** The entries the filters select: administrative changes only, read through the index on (action, createdAt, id). */
export function adminChangesWhere(filters: AdminChangesFilters) {
  return { action: filters.azione ?? { in: [...adminChangeActions] }, ...auditFiltersWhere(filters) };
}

/** The filters of the address, or ValidationError naming the field. */
export function parseAdminChangesFilters(rawFilters: unknown): AdminChangesFilters {
  return parseInput(adminChangesFiltersSchema, rawFilters, "Alcuni filtri non sono validi: correggerli.");
}

/**
 * The audit trail of administrative changes (decision 0045), for an ADMIN
 * only: newest first, by operator, target type and id, action and period,
 * one keyset page at a time, each with its values before and after.
 */
export async function listAdminChanges(actor: OperatorActor, rawFilters: unknown): Promise<AdminChanges> {
  assertAdmin(actor);
  const filters = parseAdminChangesFilters(rawFilters);
  const page = await readAuditLogPage(adminChangesWhere(filters), filters, ADMIN_CHANGES_PAGE_SIZE);
  return { ...page, filters, rows: page.rows.map((row) => ({ ...row, details: changeDetails(row.before, row.after) })) };
}
