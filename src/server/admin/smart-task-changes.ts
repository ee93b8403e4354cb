import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { RecordedValue } from "@/server/audit/canonical-json";
import { recordAdminChange } from "@/server/audit/record-admin-change";
import { ConflictError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { SMART_TASK_PAGE, STALE_SMART_TASK } from "./smart-task-schemas";

/**
 * The end of every change on /admin/smart-task, in its transaction: refused
 * when the write found no row at the version the form carried (`count` 0),
 * else recorded with its values before and after (decision 0046).
 */
export async function recordSmartTaskChange(
  tx: Prisma.TransactionClient,
  actor: OperatorActor,
  change: { count: number; targetId: string; before: RecordedValue; after: RecordedValue },
): Promise<void> {
  if (change.count === 0) throw new ConflictError(STALE_SMART_TASK);
  const { targetId, before, after } = change;
  await recordAdminChange(
    actor,
    { action: "AMMINISTRAZIONE_MODIFICA", targetType: "SMART_TASK", targetId, before, after, page: SMART_TASK_PAGE },
    tx,
  );
}
