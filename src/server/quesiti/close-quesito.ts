import "server-only";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { applyTransition, type TransitionResult } from "@/server/workflow/lifecycle";
import { checkedQuesitoId } from "./policy";
import { closeQuesitoSchema, parseQuesitoInput } from "./schemas";

/** Closes the quesito with an esito and a comment, both shown to the contributor (F21). */
export async function closeQuesito(operator: OperatorActor, quesitoId: string, input: unknown): Promise<TransitionResult> {
  const id = checkedQuesitoId(quesitoId);
  const { expectedVersion, esito, comment } = parseQuesitoInput(closeQuesitoSchema, input);
  return prisma.$transaction((tx) =>
    applyTransition(tx, { action: "CHIUSA", esito, comment, actor: operator, quesito: { id }, expectedVersion }),
  );
}
