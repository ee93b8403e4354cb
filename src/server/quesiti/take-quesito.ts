import "server-only";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { applyTransition, type TransitionResult } from "@/server/workflow/lifecycle";
import { checkedQuesitoId } from "./policy";
import { parseQuesitoInput, takeQuesitoSchema } from "./schemas";

/** "Prendi in carico": the quesito becomes the operator's and goes into work. Of two at once, one wins. */
export async function takeQuesito(operator: OperatorActor, quesitoId: string, input: unknown): Promise<TransitionResult> {
  const id = checkedQuesitoId(quesitoId);
  const { expectedVersion } = parseQuesitoInput(takeQuesitoSchema, input);
  return prisma.$transaction((tx) => applyTransition(tx, { action: "PRESA_IN_CARICO", actor: operator, quesito: { id }, expectedVersion }));
}
