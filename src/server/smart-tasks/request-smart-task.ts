import "server-only";
import type { SmartTaskStatus } from "@/generated/prisma/enums";
import { requestAccessWhere } from "@/server/access/request-access";
import { prisma } from "@/server/db/client";
import type { Actor } from "@/server/identity/actor";
import { smartTaskKinds, smartTaskStatusLabels, storedChecks, type SmartTaskCheck } from "./kinds";

export type RequestSmartTask = { kindLabel: string; status: SmartTaskStatus; statusLabel: string; checks: SmartTaskCheck[] };

/**
 * The Smart-Task a request is, for the pages that show the request: its kind,
 * status and the checks that ran. Null when the request is no Smart-Task or
 * is beyond the actor's reach (the request's page has already said "not found").
 */
export async function getRequestSmartTask(actor: Actor, requestId: string, now = new Date()): Promise<RequestSmartTask | null> {
  const task = await prisma.smartTask.findFirst({
    where: { requestId, request: requestAccessWhere(actor, now) },
    select: { kind: true, status: true, checks: true },
  });
  if (!task) return null;
  return {
    kindLabel: smartTaskKinds[task.kind].label,
    status: task.status,
    statusLabel: smartTaskStatusLabels[task.status],
    checks: storedChecks(task.checks),
  };
}
