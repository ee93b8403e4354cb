import "server-only";
import type { SmartTaskKind, SmartTaskStatus } from "@/generated/prisma/enums";
import { prisma } from "@/server/db/client";
import type { ContributorActor } from "@/server/identity/actor";
import { storedChecks, type SmartTaskCheck } from "./kinds";

export type OwnSmartTask = {
  requestId: string;
  protocolNumber: string;
  kind: SmartTaskKind;
  status: SmartTaskStatus;
  matricola: string;
  createdAt: Date;
  decidedAt: Date | null;
  checks: SmartTaskCheck[];
};

/** How many of their own tasks the page lists, newest first. */
export const OWN_SMART_TASKS_SHOWN = 50;

/**
 * The Smart-Tasks the actor filed under the profile they act under, newest
 * first, with outcome and checks: the filer sees their outcome here even when
 * the task took away their access to the position (a revoked delegation).
 */
export async function listSmartTasks(actor: ContributorActor): Promise<OwnSmartTask[]> {
  const tasks = await prisma.smartTask.findMany({
    where: { filedById: actor.personId, actingProfile: actor.profile },
    orderBy: { createdAt: "desc" },
    take: OWN_SMART_TASKS_SHOWN,
    select: {
      kind: true,
      status: true,
      checks: true,
      createdAt: true,
      decidedAt: true,
      request: { select: { id: true, protocolNumber: true, position: { select: { matricola: true } } } },
    },
  });
  return tasks.map((task) => ({
    requestId: task.request.id,
    protocolNumber: task.request.protocolNumber,
    kind: task.kind,
    status: task.status,
    matricola: task.request.position.matricola,
    createdAt: task.createdAt,
    decidedAt: task.decidedAt,
    checks: storedChecks(task.checks),
  }));
}
