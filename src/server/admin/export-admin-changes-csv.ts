import "server-only";
import { toCsv } from "@/lib/csv";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { auditLogRows } from "@/server/audit/audit-log-page";
import { prisma } from "@/server/db/client";
import { LimitExceededError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { changeDetails, changeDetailsText } from "./change-details";
import { adminChangesWhere, parseAdminChangesFilters } from "./list-admin-changes";
import { assertAdmin } from "./policy";

/** More rows than a spreadsheet export should carry: narrow the filters first. */
export const ADMIN_CHANGES_EXPORT_MAX_ROWS = 50_000;

const headers = [
  "Data e ora",
  "Operatore",
  "Codice fiscale operatore",
  "Ruolo",
  "Sede",
  "Azione",
  "Oggetto",
  "Identificativo",
  "Modifiche (prima → dopo)",
  "Pagina",
  "Numero nel registro",
] as const;

/**
 * "Scarica CSV" of the audit trail, with the page's filters, newest first
 * (decision 0045): every cell through toCsv, so that a value an
 * administrator typed (a label starting with "=") is never run as a formula.
 */
export async function exportAdminChangesCsv(
  actor: OperatorActor,
  rawFilters: unknown,
  now = new Date(),
): Promise<{ fileName: string; csv: string }> {
  assertAdmin(actor);
  const where = adminChangesWhere(parseAdminChangesFilters(rawFilters));
  const total = await prisma.auditEntry.count({ where, take: ADMIN_CHANGES_EXPORT_MAX_ROWS + 1 });
  if (total > ADMIN_CHANGES_EXPORT_MAX_ROWS) {
    throw new LimitExceededError(
      `L'esportazione è limitata a ${ADMIN_CHANGES_EXPORT_MAX_ROWS.toLocaleString("it-IT")} modifiche: restringere i filtri.`,
    );
  }
  const rows = await auditLogRows(await prisma.auditEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }));
  const csv = toCsv(
    headers,
    rows.map((row) => [
      formatRomeDateTime(row.createdAt),
      row.operator.name ?? "",
      row.operator.codiceFiscale,
      row.operator.roleLabel,
      row.operator.officeName ?? "",
      row.actionLabel,
      row.targetLabel,
      row.targetId,
      changeDetailsText(changeDetails(row.before, row.after)),
      row.page,
      row.sequence,
    ]),
  );
  return { fileName: `registro-modifiche-${now.toISOString().slice(0, 10)}.csv`, csv };
}
