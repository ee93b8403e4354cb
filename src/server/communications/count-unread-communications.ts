import "server-only";
import { fullName } from "@/lib/full-name";
import { unreadCommunicationsWhere } from "@/server/access/communication-access";
import { prisma } from "@/server/db/client";
import { whereSql } from "@/server/db/where-sql";
import type { ContributorActor } from "@/server/identity/actor";
import { requestTable } from "@/server/requests/request-table";

/**
 * The alert names this many holders at most, those with the most unread: an
 * intermediary with thousands of clients would otherwise read (and a screen
 * reader announce) thousands of lines on opening the Cassetto.
 */
export const HOLDERS_NAMED = 10;

export type UnreadCommunications = {
  total: number;
  /**
   * For an intermediary or an employee, the holders (clients, company) with the
   * most unread, up to HOLDERS_NAMED, most first then by name; empty for a holder.
   */
  perHolder: { holderId: string; holderName: string; count: number }[];
  /** How many more holders have unread ones beyond those named. */
  otherHolders: number;
};

/**
 * What the Cassetto's alert says (F10): how many of the office's communications
 * on the positions the actor may act on they have not opened yet. Counted per
 * holder, through the (direction, positionId, holderId, id) index of Request
 * and the (personId, requestId) index of the reads: only the actor's unread rows
 * are touched; only the holders named are read.
 */
export async function countUnreadCommunications(actor: ContributorActor, now = new Date()): Promise<UnreadCommunications> {
  // Hand-written, the rule as SQL from its one definition: the Cassetto's home asks at every view (decision 0057).
  const groups = await prisma.$queryRaw<{ holderId: string; count: number }[]>`
    SELECT r."holderId", count(*)::int AS count FROM "Request" r
    WHERE ${whereSql("r", requestTable, unreadCommunicationsWhere(actor, now))}
    GROUP BY r."holderId"`;
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  if (actor.profile === "TITOLARE" || groups.length === 0) return { total, perHolder: [], otherHolders: 0 };
  // The most unread first; among equals, any HOLDERS_NAMED of them, ordered by name once read.
  const named = groups.sort((a, b) => b.count - a.count || (a.holderId < b.holderId ? -1 : 1)).slice(0, HOLDERS_NAMED);
  const holders = await prisma.person.findMany({
    where: { id: { in: named.map((group) => group.holderId) } },
    select: { id: true, givenName: true, familyName: true },
  });
  const names = new Map(holders.map((holder) => [holder.id, fullName(holder)]));
  const perHolder = named
    .map((group) => ({ holderId: group.holderId, holderName: names.get(group.holderId) ?? "", count: group.count }))
    .sort((a, b) => b.count - a.count || a.holderName.localeCompare(b.holderName, "it"));
  return { total, perHolder, otherHolders: groups.length - named.length };
}
