import "server-only";
import { prisma } from "@/server/db/client";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { OperatorActor } from "@/server/identity/actor";
import { applyTransition, type TransitionResult } from "@/server/workflow/lifecycle";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { checkedQuesitoId } from "./policy";
import { internalNoteSchema, parseQuesitoInput } from "./schemas";

/** A note in the thread that only the office reads. */
export async function addInternalNote(operator: OperatorActor, quesitoId: string, input: unknown): Promise<TransitionResult> {
  const id = checkedQuesitoId(quesitoId);
  const { expectedVersion, body } = parseQuesitoInput(internalNoteSchema, input);
  return prisma.$transaction(async (tx) => {
    const quesito = await tx.quesito.findFirst({ where: { id, ...officeQuesitiWhere(operator) }, select: { requestId: true } });
    if (!quesito) throw await notFoundFor(operator, "quesito", id);
    const message = await tx.message.create({
      data: { requestId: quesito.requestId, visibility: "INTERNO", body, authorOperatorId: operator.operatorId },
      select: { id: true },
    });
    return applyTransition(tx, {
      action: "NOTA_INTERNA",
      messageId: message.id,
      actor: operator,
      quesito: { id },
      expectedVersion,
    });
  });
}
