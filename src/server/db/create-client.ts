import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlQuery } from "@prisma/driver-adapter-utils";
import type { PoolConfig } from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseSettings, type DatabaseSettings } from "@/server/config";

/**
 * Beyond the server's own statement_timeout, the driver gives up on an answer
 * this much later: a server that is frozen or cut off (no answer at all, not
 * even the timeout's error) must not hold a page forever either.
 */
const CLIENT_READ_MARGIN_MS = 5_000;

/**
 * The node-postgres pool settings for these database settings: every wait
 * has a bound (docs/decisions/0011). `connectionTimeoutMillis` bounds both
 * opening a connection and waiting for a free one of the pool;
 * statement_timeout and idle_in_transaction_session_timeout are enforced by
 * the server for each session.
 */
export function poolConfig(connectionString: string, settings: DatabaseSettings): PoolConfig {
  return {
    connectionString,
    max: settings.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: settings.DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    query_timeout: settings.DATABASE_STATEMENT_TIMEOUT_MS + CLIENT_READ_MARGIN_MS,
    keepAlive: true,
  };
}

/** The operations that take `relationLoadStrategy`. */
const relationLoadingOperations = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "create",
  "update",
  "upsert",
  "delete",
]);

/**
 * The `relationJoins` preview makes every relation load a JOIN (LATERAL
 * subqueries building JSON) unless told otherwise. Only the detail reads that
 * ask for it (`relationLoadStrategy: "join"`) get one statement; every other
 * query keeps its statement per relation, as the lists tuned at a million
 * rows were measured (decisions 0029, 0040, 0041; 0049).
 */
export function withRelationsLoadedApart(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    query: {
      $allModels: {
        $allOperations({ operation, args, query }) {
          if (!relationLoadingOperations.has(operation) || (args && "relationLoadStrategy" in args)) return query(args);
          return query({ ...args, relationLoadStrategy: "query" });
        },
      },
    },
  });
  // Only the arguments change: the client keeps the base client's methods and types.
  return extended as unknown as PrismaClient;
}

/** Opens the text of a hand-written statement to be prepared like the joined reads (preparedStatementName). */
export const PREPARED_STATEMENT = "/* prepared */";

/**
 * The name a statement is prepared under on its connection, or "" (unnamed,
 * parsed and planned at every run). Only the joined detail reads are named —
 * the statements with LATERAL joins, which only reads asking for
 * `relationLoadStrategy: "join"` send, and the hand-written ones that open
 * with PREPARED_STATEMENT: reads of a record or a handful by key, whose plan
 * does not depend on the values, and whose planning was most of their
 * database time (4–6 ms for the request's and the quesito's pages).
 * Named by a hash of the text, so a name never stands for two texts; after
 * five runs PostgreSQL keeps a generic plan for them. Every other statement,
 * the lists tuned at a million rows among them, is planned with its values as
 * before (decisions 0050, 0054).
 */
export function preparedStatementName(query: Pick<SqlQuery, "sql">): string {
  const { sql } = query;
  return sql.startsWith(PREPARED_STATEMENT) || sql.includes("LEFT JOIN LATERAL")
    ? `cb_${createHash("sha1").update(sql).digest("base64url")}`
    : "";
}

/**
 * A Prisma client over node-postgres; used by the app, scripts and tests
 * alike, with the pool size and timeouts of `settings` (by default those of
 * the environment, src/server/config.ts). `onStatement` hears every SQL
 * statement it sends (tests that count them).
 */
export function createPrismaClient(
  connectionString: string,
  settings: DatabaseSettings = databaseSettings(),
  onStatement?: (sql: string) => void,
): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg(poolConfig(connectionString, settings), { statementNameGenerator: preparedStatementName }),
    transactionOptions: {
      maxWait: settings.DATABASE_TRANSACTION_MAX_WAIT_MS,
      timeout: settings.DATABASE_TRANSACTION_TIMEOUT_MS,
    },
    ...(onStatement ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
  // The query event exists only with that log level, which the client's type does not carry here.
  if (onStatement) (client as unknown as PrismaClient<"query">).$on("query", (event) => onStatement(event.query));
  return withRelationsLoadedApart(client);
}
