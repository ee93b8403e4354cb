import "server-only";
import { prisma } from "@/server/db/client";
import { ConflictError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { assertAdmin } from "./policy";
import { recordSmartTaskChange } from "./smart-task-changes";
import { smartTaskPilotGroupSchema, STALE_SMART_TASK } from "./smart-task-schemas";

/** The target id of the pilot group's audit entries. */
const PILOT_GROUP_TARGET = "GRUPPO_PILOTA";

/**
 * The pilot group of the kinds open to PILOTA, replaced as a whole on the
 * version the administrator saw (0: never saved); each line a valid codice
 * fiscale, else a message naming the line. The change and its audit entry
 * commit together (decision 0046).
 */
export async function updateSmartTaskPilotGroup(
  actor: OperatorActor,
  input: Record<string, unknown>,
): Promise<{ members: number; changed: boolean }> {
  assertAdmin(actor);
  const { codiciFiscali, expectedVersion } = parseInput(
    smartTaskPilotGroupSchema,
    input,
    "Il gruppo pilota non è stato salvato: correggere le righe indicate.",
  );
  return prisma.$transaction(async (tx) => {
    const current = await tx.smartTaskPilotGroup.findUnique({ where: { id: 1 } });
    if ((current?.version ?? 0) !== expectedVersion) throw new ConflictError(STALE_SMART_TASK);
    const before = current?.codiciFiscali ?? [];
    const unchanged = before.length === codiciFiscali.length && before.every((code, index) => code === codiciFiscali[index]);
    if (unchanged) return { members: codiciFiscali.length, changed: false };
    const { count } = current
      ? await tx.smartTaskPilotGroup.updateMany({
          where: { id: 1, version: expectedVersion },
          data: { codiciFiscali, version: { increment: 1 } },
        })
      : await tx.smartTaskPilotGroup.createMany({ data: [{ id: 1, codiciFiscali }], skipDuplicates: true });
    await recordSmartTaskChange(tx, actor, {
      count,
      targetId: PILOT_GROUP_TARGET,
      before: { codiciFiscali: before },
      after: { codiciFiscali },
    });
    return { members: codiciFiscali.length, changed: true };
  });
}
