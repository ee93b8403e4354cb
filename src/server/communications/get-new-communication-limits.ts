import "server-only";
import { isUuid } from "@/lib/form-fields";
import { officePositionsWhere } from "@/server/access/position-access";
import type { UploadLimits } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { OFFICE_POSITION_NOT_FOUND } from "./create-communication";

/**
 * The file limits of the gestione of the position a new communication goes
 * to, read before the upload so that it is held to them while it streams in.
 * A position outside the office's competence is not found.
 */
export async function getNewCommunicationLimits(operator: OperatorActor, positionId: string): Promise<UploadLimits> {
  const position = isUuid(positionId)
    ? await prisma.position.findFirst({ where: { AND: [{ id: positionId }, officePositionsWhere(operator)] }, select: { gestione: true } })
    : null;
  if (!position) throw new NotFoundError(OFFICE_POSITION_NOT_FOUND);
  return prisma.gestioneSettings.findUniqueOrThrow({
    where: { gestione: position.gestione },
    select: { maxFiles: true, maxBytesPerFile: true },
  });
}
