import "server-only";
import pg from "pg";
import { databaseSettings } from "@/server/config";
import { poolConfig } from "@/server/db/create-client";
import { logger } from "@/server/logger";

const globalForPool = globalThis as unknown as { rateLimitPool?: pg.Pool };

/** Connections enough for counting: each count is one short statement. */
const RATE_LIMIT_POOL_SIZE = 4;

/**
 * The rate limiter's own small pool on the app's database (the library speaks
 * node-postgres; Prisma keeps its pool to itself), with the same bounded
 * waits as the app's (decision 0011). Created on first use, like the Prisma
 * client, so that importing needs no database yet.
 */
export function rateLimitPool(): pg.Pool {
  if (!globalForPool.rateLimitPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL non impostata: avviare il portale con `npm start`.");
    const pool = new pg.Pool({ ...poolConfig(url, databaseSettings()), max: RATE_LIMIT_POOL_SIZE });
    // An idle connection the server closes (a restart, a terminated backend) is dropped and reopened on demand, never a crash.
    pool.on("error", (error) => logger.warn({ err: error }, "Connessione del limitatore di richieste chiusa dal database"));
    globalForPool.rateLimitPool = pool;
  }
  return globalForPool.rateLimitPool;
}
