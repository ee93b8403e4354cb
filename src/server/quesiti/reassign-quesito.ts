import "server-only";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { applyTransition, type TransitionResult } from "@/server/workflow/lifecycle";
import { checkedQuesitoId } from "./policy";
import { parseQuesitoInput, reassignQuesitoSchema } from "./schemas";

/**
 * Reassigns the quesito, with a comment, to an operator of the same office or
 * to another office (which then sees it, while this one no longer does). It
 * goes back to "Nuovo" for the new assignee or office to take in charge.
 */
export async function reassignQuesito(operator: OperatorActor, quesitoId: string, input: unknown): Promise<TransitionResult> {
  const id = checkedQuesitoId(quesitoId);
  const { expectedVersion, to, comment } = parseQuesitoInput(reassignQuesitoSchema, input);
  return prisma.$transaction((tx) =>
    applyTransition(tx, { action: "RIASSEGNATA", to, comment, actor: operator, quesito: { id }, expectedVersion }),
  );
}
