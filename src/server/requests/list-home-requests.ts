import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { QuesitoState } from "@/generated/prisma/enums";
import { positionLabel } from "@/lib/position-label";
import { prisma } from "@/server/db/client";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { ContributorActor } from "@/server/identity/actor";
import { requestAccessWhere } from "@/server/access/request-access";
import { contributorVisibleEventTypes, eventTypeLabels } from "@/server/workflow/states";
import { requestSummary, requestSummarySelect, type RequestSummary } from "./request-summary";

/** How many requests of each kind the Cassetto home shows; the rest are one link away, in the list. */
export const HOME_REQUESTS_SHOWN = 5;

export type HomeRequest = RequestSummary & {
  position: { id: string; label: string };
  /** The last step the contributor may see ("Risposta della sede", "Presa in carico"…), if any. */
  latestActivity: { label: string; at: Date } | null;
};

export type HomeRequests = {
  /** Requests the office waits on the contributor for ("La sede attende un tuo riscontro"). */
  awaiting: HomeRequest[];
  /** Other requests still open, the most recently active first. */
  open: HomeRequest[];
};

const homeRequestSelect = {
  ...requestSummarySelect,
  position: { select: { id: true, gestione: true, matricola: true } },
  events: {
    where: { type: { in: [...contributorVisibleEventTypes] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
    select: { type: true, createdAt: true },
  },
} as const satisfies Prisma.RequestSelect;

/**
 * The requests the Cassetto home puts first (F02): those waiting for the
 * contributor, then the other open ones, a few of each, the most recently
 * active first. Two bounded reads on the (lastActivityAt, id) index, each
 * with its rows' relations joined (one statement each), no counts.
 */
export async function listHomeRequests(actor: ContributorActor, now = new Date()): Promise<HomeRequests> {
  // The request's copy of its quesito's state (decision 0029): no join of Quesito to plan and read.
  const latest = (states: QuesitoState[]) =>
    prisma.request.findMany({
      where: { AND: [requestAccessWhere(actor, now), { quesitoState: { in: states } }] },
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      take: HOME_REQUESTS_SHOWN,
      // The page's few rows first, then their relations: one statement per list (decision 0053).
      relationLoadStrategy: "join",
      select: homeRequestSelect,
    });
  const [awaiting, open, labels] = await Promise.all([
    latest(["IN_ATTESA_CONTRIBUENTE"]),
    latest(["NUOVO", "IN_LAVORAZIONE"]),
    getGestioneLabels(),
  ]);
  const homeRequest = (row: (typeof awaiting)[number]): HomeRequest => {
    const [event] = row.events;
    return {
      ...requestSummary(row),
      position: {
        id: row.position.id,
        label: positionLabel({
          gestioneLabel: labels.get(row.position.gestione) ?? row.position.gestione,
          matricola: row.position.matricola,
        }),
      },
      latestActivity: event ? { label: eventTypeLabels[event.type], at: event.createdAt } : null,
    };
  };
  return { awaiting: awaiting.map(homeRequest), open: open.map(homeRequest) };
}
