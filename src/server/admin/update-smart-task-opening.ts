import "server-only";
import type { SmartTaskKind } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { recordSmartTaskChange } from "./smart-task-changes";
import { smartTaskOpeningSchema, STALE_SMART_TASK } from "./smart-task-schemas";

/**
 * Who may file a Smart-Task kind — nobody, the pilot group, everybody — on
 * the version the administrator saw (0: never set, the row is created);
 * the change and its audit entry commit together (decision 0046). Filing
 * reads it at once, on every instance.
 */
export async function updateSmartTaskOpening(
  actor: OperatorActor,
  input: Record<string, unknown>,
): Promise<{ kind: SmartTaskKind; changed: boolean }> {
  assertAdmin(actor);
  const { kind, opening, expectedVersion } = parseInput(smartTaskOpeningSchema, input);
  return prisma.$transaction(async (tx) => {
    const current = await tx.smartTaskEnablement.findUnique({ where: { kind } });
    if ((current?.version ?? 0) !== expectedVersion) throw new ConflictError(STALE_SMART_TASK);
    const before = current?.opening ?? "DISABILITATO";
    if (before === opening) return { kind, changed: false };
    const { count } = current
      ? await tx.smartTaskEnablement.updateMany({ where: { kind, version: expectedVersion }, data: { opening, version: { increment: 1 } } })
      : await tx.smartTaskEnablement.createMany({ data: [{ kind, opening }], skipDuplicates: true });
    await recordSmartTaskChange(tx, actor, { count, targetId: kind, before: { opening: before }, after: { opening } });
    return { kind, changed: true };
  });
}
