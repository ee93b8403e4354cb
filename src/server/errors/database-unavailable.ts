/**
 * Whether an error means "the database did not answer in time", as opposed
 * to a bug or a refusal of the data. Every wait on the database is bounded
 * (src/server/db/create-client.ts, docs/decisions/0011); when one runs out
 * the error arrives in one of several shapes, depending on where it ran out:
 * Prisma's transaction manager (P2028: no connection for the transaction in
 * time, or the transaction outlived its timeout), the pg pool ("timeout
 * exceeded when trying to connect"), the driver ("Query read timeout",
 * sockets refused or reset), or PostgreSQL itself (statement_timeout,
 * lock_timeout, a server shutting down or refusing connections). Prisma wraps
 * the driver's errors in its own, so the whole chain is searched.
 */

/** Prisma's codes for "not reachable", "timed out", "connection closed", "no connection from the pool", "transaction API", "too many connections". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2037"]);

/** The driver adapter's kinds of error for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * SQLSTATEs: connection exceptions (class 08), query canceled (the
 * statement timeout), lock not available, too many connections, out of
 * memory, server shutting down or starting, idle-in-transaction timeout.
 */
const SQL_STATES = new Set(["57014", "55P03", "53300", "53200", "57P01", "57P02", "57P03", "25P03"]);

const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);

const MESSAGES =
  /timeout exceeded when trying to connect|query read timeout|connection terminated|not currently accepting connections|terminating connection/i;

const MAX_DEPTH = 6;

type Inspectable = Record<string, unknown>;

function isObject(value: unknown): value is Inspectable {
  return typeof value === "object" && value !== null;
}

function matches(error: Inspectable): boolean {
  const code = typeof error.code === "string" ? error.code : undefined;
  const originalCode = typeof error.originalCode === "string" ? error.originalCode : undefined;
  if (code && (PRISMA_CODES.has(code) || NODE_CODES.has(code) || SQL_STATES.has(code) || code.startsWith("08"))) return true;
  if (originalCode && (SQL_STATES.has(originalCode) || originalCode.startsWith("08"))) return true;
  if (typeof error.kind === "string" && ADAPTER_KINDS.has(error.kind)) return true;
  if (error.name === "PrismaClientInitializationError") return true;
  return typeof error.message === "string" && MESSAGES.test(error.message);
}

/** The error, its causes and the driver errors Prisma carries in `meta`. */
function* chain(error: unknown, depth = 0): Generator<Inspectable> {
  if (!isObject(error) || depth > MAX_DEPTH) return;
  yield error;
  yield* chain(error.cause, depth + 1);
  if (isObject(error.meta)) yield* chain(error.meta.driverAdapterError, depth + 1);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of chain(error)) if (matches(link)) return true;
  return false;
}
