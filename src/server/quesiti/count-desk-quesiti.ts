import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { QuesitoState } from "@/generated/prisma/enums";
import { cappedTotal, TOTAL_CAP, type CappedTotal } from "@/lib/capped-total";
import { officeQuesitiWhere } from "@/server/access/quesito-access";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { clockRunning, dueWhere } from "./due-filters";

export const deskCounts = ["nuovi", "miei", "in_attesa", "in_scadenza", "scaduti"] as const;
export type DeskCount = (typeof deskCounts)[number];

/** Each count, and the queue's parameters that list the same quesiti. */
export type DeskCounts = Record<DeskCount, { total: CappedTotal; queueParams: Record<string, string> }>;

const openStates: QuesitoState[] = ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE"];

/**
 * The Scrivania's counts for the operator (F26, B4): new quesiti of the
 * office, the operator's open ones, those waiting for the contributor, those
 * due soon and overdue. Each is the total of a queue filter (the link goes
 * there), counted up to TOTAL_CAP through the index of its filter: (officeId,
 * state, …), (assigneeId, state), (officeId, state, dueAt, id).
 */
export async function countDeskQuesiti(operator: OperatorActor, now = new Date()): Promise<DeskCounts> {
  const office = officeQuesitiWhere(operator);
  const warningDays = getConfig().SLA_WARNING_WORKING_DAYS;
  const running = [...clockRunning];
  const queries: Record<DeskCount, { where: Prisma.QuesitoWhereInput; queueParams: Record<string, string> }> = {
    nuovi: { where: { ...office, state: "NUOVO" }, queueParams: { stato: "nuovo" } },
    miei: { where: { ...office, assigneeId: operator.operatorId, state: { in: openStates } }, queueParams: { assegnazione: "miei" } },
    in_attesa: { where: { ...office, state: "IN_ATTESA_CONTRIBUENTE" }, queueParams: { stato: "in_attesa" } },
    in_scadenza: {
      where: { ...office, state: { in: running }, ...dueWhere("in_scadenza", false, now, warningDays) },
      queueParams: { scadenza: "in_scadenza", ordine: "scadenza" },
    },
    scaduti: {
      where: { ...office, state: { in: running }, ...dueWhere("scaduti", false, now, warningDays) },
      queueParams: { scadenza: "scaduti", ordine: "scadenza" },
    },
  };
  const totals = await Promise.all(
    deskCounts.map((name) =>
      // Ordered by the office, a constant: PostgreSQL stops at the cap (decision 0023).
      prisma.quesito.count({ where: queries[name].where, take: TOTAL_CAP + 1, orderBy: { officeId: "asc" } }),
    ),
  );
  return Object.fromEntries(
    deskCounts.map((name, index) => [name, { total: cappedTotal(totals[index] ?? 0), queueParams: queries[name].queueParams }]),
  ) as DeskCounts;
}
