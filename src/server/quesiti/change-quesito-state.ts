import "server-only";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { applyTransition, type TransitionResult } from "@/server/workflow/lifecycle";
import { checkedQuesitoId } from "./policy";
import { changeQuesitoStateSchema, parseQuesitoInput } from "./schemas";

/** Moves a quesito in work between "In lavorazione" and "In attesa del contribuente", with a comment the contributor sees (F21). */
export async function changeQuesitoState(operator: OperatorActor, quesitoId: string, input: unknown): Promise<TransitionResult> {
  const id = checkedQuesitoId(quesitoId);
  const { expectedVersion, toState, comment } = parseQuesitoInput(changeQuesitoStateSchema, input);
  return prisma.$transaction((tx) =>
    applyTransition(tx, { action: "STATO_MODIFICATO", toState, comment, actor: operator, quesito: { id }, expectedVersion }),
  );
}
