import "server-only";
import { messageFilesData, type PersistedFiles } from "@/server/attachments/persist-files";
import { prisma } from "@/server/db/client";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { OperatorActor } from "@/server/identity/actor";
import { applyTransition, type TransitionResult } from "@/server/workflow/lifecycle";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { checkedQuesitoId } from "./policy";
import { parseQuesitoInput, replySchema } from "./schemas";

/**
 * The office's reply, a public message of the thread (F22), with the files
 * the attachments module already stored (`persistFiles`): the message, its
 * files and the transition commit together; if anything fails, the stored
 * files are discarded. The quesito stays in its state or moves to the
 * working state chosen with the reply.
 */
export async function replyToQuesito(
  operator: OperatorActor,
  quesitoId: string,
  input: unknown,
  files?: PersistedFiles,
): Promise<TransitionResult> {
  try {
    const id = checkedQuesitoId(quesitoId);
    const { expectedVersion, body, nextState } = parseQuesitoInput(replySchema, input);
    return await prisma.$transaction(async (tx) => {
      const quesito = await tx.quesito.findFirst({ where: { id, ...officeQuesitiWhere(operator) }, select: { requestId: true } });
      if (!quesito) throw await notFoundFor(operator, "quesito", id);
      const message = await tx.message.create({
        data: {
          requestId: quesito.requestId,
          visibility: "PUBBLICO",
          body,
          authorOperatorId: operator.operatorId,
          ...(files ? messageFilesData(files) : {}),
        },
        select: { id: true },
      });
      return applyTransition(tx, {
        action: "RISPOSTA",
        messageId: message.id,
        ...(nextState ? { nextState } : {}),
        actor: operator,
        quesito: { id },
        expectedVersion,
      });
    });
  } catch (error) {
    await files?.discard();
    throw error;
  }
}
