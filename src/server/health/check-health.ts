import "server-only";
import { prisma } from "@/server/db/client";

export type Health = { status: "ok" | "degraded"; database: "ok" | "unreachable" };

/** Liveness and database reachability, for load balancers and the start script. */
export async function checkHealth(): Promise<Health> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "degraded", database: "unreachable" };
  }
}
