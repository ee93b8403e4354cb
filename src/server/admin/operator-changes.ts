import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditAction, OperatorRole } from "@/generated/prisma/enums";
import type { RecordedValue } from "@/server/audit/canonical-json";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { prisma } from "@/server/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { OPERATORS_PAGE } from "./operator-schemas";

type Tx = Prisma.TransactionClient;

export const STALE_OPERATOR =
  "Un altro amministratore ha modificato questo operatore nel frattempo: la modifica non è stata salvata. Rileggere i dati aggiornati e ripeterla se serve.";
export const LAST_ADMIN = "Deve restare almeno un amministratore attivo: nominarne un altro prima di questa modifica.";
export const OWN_ADMIN_ROLE =
  "Non è possibile togliere a sé stessi il ruolo di amministratore né disattivarsi: lo può fare un altro amministratore.";

/** An operator as the admin services read them. */
export const operatorSelect = {
  id: true,
  codiceFiscale: true,
  givenName: true,
  familyName: true,
  email: true,
  role: true,
  active: true,
  officeId: true,
  version: true,
  office: { select: { code: true } },
} satisfies Prisma.OperatorSelect;

type OperatorRow = Prisma.OperatorGetPayload<{ select: typeof operatorSelect }>;

/** What may change of an operator after their creation. */
type OperatorChange = Partial<{ role: OperatorRole; officeId: string; active: boolean }>;

/** The office an administrator chose, or ValidationError on the field. */
export async function officeCode(db: Tx, officeId: string): Promise<string> {
  const office = await db.office.findUnique({ where: { id: officeId }, select: { code: true } });
  if (!office) throw new ValidationError({ officeId: ["La sede scelta non esiste più: sceglierne un'altra."] });
  return office.code;
}

/** An operator as the audit log records them: the office by its AOO code, readable in the trail. */
export function recordedOperator(operator: Omit<OperatorRow, "id" | "version" | "office" | "officeId"> & { office: string }) {
  return {
    codiceFiscale: operator.codiceFiscale,
    givenName: operator.givenName,
    familyName: operator.familyName,
    email: operator.email,
    role: operator.role,
    office: operator.office,
    active: operator.active,
  };
}

const isActiveAdmin = (operator: { role: OperatorRole; active: boolean }) => operator.role === "ADMIN" && operator.active;

/**
 * An administrator may not take their own role or deactivate themselves, and
 * nobody may leave the portal without an active ADMIN. The active ADMIN rows
 * are locked (FOR UPDATE) to the end of the transaction, so two
 * administrators demoting each other at once are counted one after the
 * other: the second sees one ADMIN left and is refused (decision 0045).
 */
async function assertAdminsRemain(actor: OperatorActor, tx: Tx, operatorId: string): Promise<void> {
  if (operatorId === actor.operatorId) throw new ForbiddenError(OWN_ADMIN_ROLE);
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "Operator" WHERE "role" = 'ADMIN' AND "active" ORDER BY "id" FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== operatorId)) throw new ForbiddenError(LAST_ADMIN);
}

function changedFields(before: Record<string, RecordedValue>, after: Record<string, RecordedValue>) {
  const keys = Object.keys(after).filter((key) => before[key] !== after[key]);
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

/**
 * Applies `change` to the operator the administrator saw at
 * `expectedVersion`, in one transaction with its audit entry: the UPDATE is
 * conditional on the version, so of two administrators editing at once one
 * wins and the other gets ConflictError. A change that leaves everything as
 * it was writes nothing. `afterChange` runs in the same transaction.
 */
export async function changeOperator(
  actor: OperatorActor,
  target: { operatorId: string; expectedVersion: number },
  action: AuditAction & ("AMMINISTRAZIONE_MODIFICA" | "AMMINISTRAZIONE_DISATTIVAZIONE" | "AMMINISTRAZIONE_RIATTIVAZIONE"),
  change: OperatorChange,
  afterChange?: (tx: Tx) => Promise<unknown>,
): Promise<{ changed: boolean; codiceFiscale: string }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.operator.findUnique({ where: { id: target.operatorId }, select: operatorSelect });
    if (!current) throw new NotFoundError();
    if (current.version !== target.expectedVersion) throw new ConflictError(STALE_OPERATOR);
    const next = { ...current, ...change };
    const before = recordedOperator({ ...current, office: current.office.code });
    const after = recordedOperator({
      ...next,
      office: next.officeId === current.officeId ? current.office.code : await officeCode(tx, next.officeId),
    });
    const { before: changedBefore, after: changedAfter } = changedFields(before, after);
    if (Object.keys(changedAfter).length === 0) return { changed: false, codiceFiscale: current.codiceFiscale };
    if (isActiveAdmin(current) && !isActiveAdmin(next)) await assertAdminsRemain(actor, tx, current.id);

    const { count } = await tx.operator.updateMany({
      where: { id: current.id, version: target.expectedVersion },
      data: { ...change, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(STALE_OPERATOR);
    await recordAdminChange(
      actor,
      {
        action,
        targetType: "OPERATORE",
        targetId: current.codiceFiscale,
        before: changedBefore,
        after: changedAfter,
        page: OPERATORS_PAGE,
      },
      tx,
    );
    await afterChange?.(tx);
    return { changed: true, codiceFiscale: current.codiceFiscale };
  });
}
