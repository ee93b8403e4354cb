import "server-only";
import pg from "pg";

const globalForPool = globalThis as unknown as { rateLimitPool?: pg.Pool };

/**
 * The rate limiter's own small pool on the app's database (the library speaks
 * node-postgres; Prisma keeps its pool to itself). Created on first use, like
 * the Prisma client, so that importing needs no database yet.
 */
export function rateLimitPool(): pg.Pool {
  if (!globalForPool.rateLimitPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL non impostata: avviare il portale con `npm start`.");
    globalForPool.rateLimitPool = new pg.Pool({ connectionString: url, max: 4 });
  }
  return globalForPool.rateLimitPool;
}
