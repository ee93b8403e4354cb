import type { Prisma } from "@/generated/prisma/client";
import { jobSender, transactionExecutor } from "@/server/notifications/queue";

/** The pg-boss queue of the Smart-Task processing jobs; created by a migration (prisma/migrations/*_smart_tasks). */
export const SMART_TASK_QUEUE = "smart-task-processing";

export type SmartTaskJob = { smartTaskId: string };

/** Inserts the task's processing job (its id is the task's) in the transaction that files it. */
export async function enqueueSmartTask(tx: Prisma.TransactionClient, smartTaskId: string): Promise<void> {
  const job: SmartTaskJob = { smartTaskId };
  const jobId = await jobSender().send(SMART_TASK_QUEUE, job, {
    id: smartTaskId,
    retryLimit: 10,
    retryDelay: 30,
    retryBackoff: true,
    db: transactionExecutor(tx),
  });
  if (jobId !== smartTaskId) throw new Error(`Coda ${SMART_TASK_QUEUE} assente: applicare le migrazioni (npm run db:migrate).`);
}
