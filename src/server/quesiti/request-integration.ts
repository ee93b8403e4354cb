import "server-only";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { applyTransition, type TransitionResult } from "@/server/workflow/lifecycle";
import { checkedQuesitoId } from "./policy";
import { parseQuesitoInput, requestIntegrationSchema } from "./schemas";

/**
 * Asks the contributor for more ("richiesta di integrazione", B4): the text
 * and a deadline in working days, which they see and are reminded of; the
 * quesito waits for them and the office's clock stops until they answer.
 * Repeatable: a new request replaces the pending one's deadline.
 */
export async function requestIntegration(
  operator: OperatorActor,
  quesitoId: string,
  input: unknown,
  now = new Date(),
): Promise<TransitionResult> {
  const id = checkedQuesitoId(quesitoId);
  const { expectedVersion, comment, workingDays } = parseQuesitoInput(requestIntegrationSchema, input);
  return prisma.$transaction((tx) =>
    applyTransition(tx, {
      action: "RICHIESTA_INTEGRAZIONE",
      comment,
      workingDays,
      actor: operator,
      quesito: { id },
      expectedVersion,
      at: now,
    }),
  );
}
