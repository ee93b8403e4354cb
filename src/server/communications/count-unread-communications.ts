import "server-only";
import { fullName } from "@/lib/full-name";
import { unreadCommunicationsWhere } from "@/server/access/communication-access";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";

export type UnreadCommunications = {
  total: number;
  /** For an intermediary or an employee, the unread ones per holder (client or company), by name; empty for a holder. */
  perHolder: { holderId: string; holderName: string; count: number }[];
};

/**
 * What the Cassetto's alert says (F10): how many of the office's communications
 * on the positions the actor may act on they have not opened yet. Counted per
 * holder, through the (direction, positionId) index of Request and the
 * (requestId, personId) key of the reads: only the actor's unread rows are touched.
 */
export async function countUnreadCommunications(actor: ContributorActor, now = new Date()): Promise<UnreadCommunications> {
  const groups = await prisma.request.groupBy({
    by: ["holderId"],
    where: unreadCommunicationsWhere(actor, now),
    _count: { _all: true },
  });
  const total = groups.reduce((sum, group) => sum + group._count._all, 0);
  if (actor.profile === "TITOLARE" || groups.length === 0) return { total, perHolder: [] };
  const holders = await prisma.person.findMany({
    where: { id: { in: groups.map((group) => group.holderId) } },
    select: { id: true, givenName: true, familyName: true },
  });
  const names = new Map(holders.map((holder) => [holder.id, fullName(holder)]));
  const perHolder = groups
    .map((group) => ({ holderId: group.holderId, holderName: names.get(group.holderId) ?? "", count: group._count._all }))
    .sort((a, b) => a.holderName.localeCompare(b.holderName, "it"));
  return { total, perHolder };
}
