import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/server/db/create-client";

const sent: string[] = [];
let logging: PrismaClient | undefined;
// Where src/server/db/client.ts keeps the app's client, created on first use.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * The app's client (src/server/db/client.ts) made one that notes every
 * statement it sends: the app's own client, with Prisma's query log on.
 * Services and fixtures go on using it as before.
 */
async function logStatements(): Promise<void> {
  if (logging && globalForPrisma.prisma === logging) return;
  await globalForPrisma.prisma?.$disconnect();
  logging = createPrismaClient(process.env.DATABASE_URL!, undefined, (sql) => sent.push(sql));
  globalForPrisma.prisma = logging;
}

/** The SQL statements (BEGIN and COMMIT aside) that `read` sends through the app's client, and what it returns. */
export async function statementsOf<T>(read: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  await logStatements();
  sent.length = 0;
  const result = await read();
  return { result, statements: sent.filter((sql) => !/^(BEGIN|COMMIT)/.test(sql)) };
}
