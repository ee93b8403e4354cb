import type { Prisma } from "@/generated/prisma/client";
import type { OperatorActor } from "@/server/identity/actor";
import { canonicalJson, type RecordedValue } from "./canonical-json";
import { adminChangeSchema, type AdminChangeAction, type AdminChangeTarget } from "./schemas";

/**
 * Appends an administrator's change to the audit log, in the change's own
 * transaction (`db`): who, what (action and record), the values before and
 * after (canonical JSON, covered by the entry's hash), from which page. The
 * entry holds the chain head's lock until the transaction ends, so changes
 * are chained in commit order and a change that rolls back leaves no entry
 * (decision 0042). Takes the transaction client and never the app's client,
 * so the worker and scripts can record too.
 */
export async function recordAdminChange(
  actor: OperatorActor,
  change: {
    action: AdminChangeAction;
    targetType: AdminChangeTarget;
    targetId: string;
    before: RecordedValue | null;
    after: RecordedValue | null;
    page: string;
  },
  db: Prisma.TransactionClient,
): Promise<void> {
  const checked = adminChangeSchema.parse(change);
  await db.auditEntry.create({
    data: {
      actorOperatorId: actor.operatorId,
      actorCodiceFiscale: actor.codiceFiscale,
      actorRole: actor.role,
      actorOfficeId: actor.office.id,
      action: checked.action,
      targetType: checked.targetType,
      targetId: checked.targetId,
      page: checked.page,
      granted: true,
      before: change.before === null ? null : canonicalJson(change.before),
      after: change.after === null ? null : canonicalJson(change.after),
    },
    select: { id: true },
  });
}
