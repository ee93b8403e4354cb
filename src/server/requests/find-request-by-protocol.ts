import "server-only";
import { REQUEST_NOT_FOUND, requestAccessWhere } from "@/server/access/request-access";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { isWholeProtocolNumber } from "@/server/protocol/format-protocol-number";

/**
 * The id of the request with this whole protocol number, among those the
 * actor may see: the old cassetto's detail links named a request by its
 * protocol (F18). Anything else, someone else's included: not found.
 */
export async function findRequestByProtocol(actor: Actor, protocolNumber: string, now = new Date()): Promise<{ id: string }> {
  const number = protocolNumber.trim().toUpperCase();
  const request = isWholeProtocolNumber(number)
    ? await prisma.request.findFirst({ where: { AND: [{ protocolNumber: number }, requestAccessWhere(actor, now)] }, select: { id: true } })
    : null;
  if (!request) throw new NotFoundError(REQUEST_NOT_FOUND);
  return request;
}
