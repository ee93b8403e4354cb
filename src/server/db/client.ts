import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "./create-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function instance(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL non impostata: avviare il portale con `npm start`.");
    globalForPrisma.prisma = createPrismaClient(url);
  }
  return globalForPrisma.prisma;
}

/**
 * The app's single Prisma client, created on first use so that importing a
 * service (at build time, in tests) needs no database yet.
 */
export const prisma = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(instance(), property, instance()),
});
