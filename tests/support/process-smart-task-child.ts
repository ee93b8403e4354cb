/**
 * A stand-in for a worker that gets killed while it processes a Smart-Task:
 * runs `processSmartTask` on the task named by its argument, as the worker's
 * job does, with its own client. Run with
 * `node --import tsx <this file> <smart task id>`
 * (tests/integration/smart-tasks/process-smart-task.test.ts).
 */
import { parseConfig } from "@/server/config";
import { createPrismaClient } from "@/server/db/create-client";
import { processSmartTask } from "@/server/smart-tasks/process-smart-task";

const prisma = createPrismaClient(process.env.DATABASE_URL ?? "");
await processSmartTask(prisma, parseConfig(process.env), process.argv[2] ?? "");
await prisma.$disconnect();
