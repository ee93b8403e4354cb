import type { Prisma } from "@/generated/prisma/client";
import type { AppConfig } from "@/server/config";
import { enqueueEventNotices } from "./event-notices";
import { planTransition, transitionQuesitoSelect, writeTransition, type TransitionCommand, type TransitionResult } from "./transitions";

type NoticeConfig = Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">;

/**
 * A transition the portal takes by itself on a Smart-Task's quesito
 * (decision 0037), in the caller's transaction: the quesito's row locked,
 * the same table and writing as every other transition, the notices of the
 * request's contacts. Worker-safe: no app session, no `server-only`.
 */
export async function applyAutomaticTransition(
  tx: Prisma.TransactionClient,
  requestId: string,
  command: Extract<TransitionCommand, { action: "PRESA_IN_CARICO" | "CHIUSA" }>,
  config: NoticeConfig,
  at: Date,
): Promise<TransitionResult> {
  await tx.$queryRaw`SELECT 1 FROM "Quesito" WHERE "requestId" = ${requestId}::uuid FOR UPDATE`;
  const quesito = await tx.quesito.findUniqueOrThrow({ where: { requestId }, select: transitionQuesitoSelect });
  const actor = { kind: "system" } as const;
  const plan = planTransition(quesito, command, actor, at);
  return writeTransition(
    tx,
    { quesito, action: command.action, actor, plan, expectedVersion: quesito.version, at },
    (transaction, eventId) => enqueueEventNotices(transaction, eventId, config),
  );
}
