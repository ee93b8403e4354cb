import "server-only";
import { isUuid } from "@/lib/form-fields";
import type { UploadLimits } from "@/server/attachments/receive-upload";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import { notFoundFor } from "@/server/access/report-foreign-record";
import type { ContributorActor } from "@/server/identity/actor";
import { findActablePosition } from "./actable-position";
import { REQUEST_NOT_FOUND, requestAccessWhere } from "@/server/access/request-access";

/**
 * The file limits of the gestione a form's files go to, read before the
 * upload so that it is held to them while it streams in: the position of a
 * new request (with the limits its form showed, decision 0044), or the position of the request a message answers. Whatever
 * the actor may not act on is not found.
 */
export async function getUploadLimits(
  actor: ContributorActor,
  target: { positionId: string; formVersion?: number } | { requestId: string },
  now = new Date(),
): Promise<UploadLimits> {
  if ("positionId" in target) {
    const { settings } = await findActablePosition(actor, target.positionId, now, target.formVersion);
    return { maxFiles: settings.maxFiles, maxBytesPerFile: settings.maxBytesPerFile };
  }
  if (!isUuid(target.requestId)) throw new NotFoundError(REQUEST_NOT_FOUND);
  const request = await prisma.request.findFirst({
    where: { AND: [{ id: target.requestId }, requestAccessWhere(actor, now)] },
    select: { position: { select: { gestione: true } } },
  });
  if (!request) throw await notFoundFor(actor, "request", target.requestId, REQUEST_NOT_FOUND);
  const settings = await prisma.gestioneSettings.findUniqueOrThrow({ where: { gestione: request.position.gestione } });
  return { maxFiles: settings.maxFiles, maxBytesPerFile: settings.maxBytesPerFile };
}
