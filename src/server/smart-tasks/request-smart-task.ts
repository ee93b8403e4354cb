import type { SmartTaskKind, SmartTaskStatus } from "@/generated/prisma/enums";
import { smartTaskKinds, smartTaskStatusLabels, storedChecks, type SmartTaskCheck } from "./kinds";

export type RequestSmartTask = { kindLabel: string; status: SmartTaskStatus; statusLabel: string; checks: SmartTaskCheck[] };

/**
 * The Smart-Task a request is, as the request's page shows it: its kind,
 * status and the checks that ran. The row comes with the request, read
 * under the request's access rule (getRequest).
 */
export function requestSmartTask(task: { kind: SmartTaskKind; status: SmartTaskStatus; checks: unknown }): RequestSmartTask {
  return {
    kindLabel: smartTaskKinds[task.kind].label,
    status: task.status,
    statusLabel: smartTaskStatusLabels[task.status],
    checks: storedChecks(task.checks),
  };
}
