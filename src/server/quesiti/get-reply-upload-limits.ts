import "server-only";
import type { UploadLimits } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { OperatorActor } from "@/server/identity/actor";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { checkedQuesitoId } from "./policy";

/**
 * How many files, and how large, a reply on this quesito may carry: the
 * limits of the position's gestione, the same both ways of the exchange.
 */
export async function getReplyUploadLimits(operator: OperatorActor, quesitoId: string): Promise<UploadLimits> {
  const quesito = await prisma.quesito.findFirst({
    where: { id: checkedQuesitoId(quesitoId), ...officeQuesitiWhere(operator) },
    select: { request: { select: { position: { select: { gestione: true } } } } },
  });
  if (!quesito) throw await notFoundFor(operator, "quesito", quesitoId);
  return prisma.gestioneSettings.findUniqueOrThrow({
    where: { gestione: quesito.request.position.gestione },
    select: { maxFiles: true, maxBytesPerFile: true },
  });
}
