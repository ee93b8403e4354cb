import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { getFileStorage, type FileStorage } from "@/server/attachments/file-storage";
import type { Problem } from "@/server/errors/map-error";
import { logger } from "@/server/logger";

/** How long the database and the storage each have to answer before the portal is called not ready. */
export const READY_TIMEOUT_MS = 2_000;

type Check = "database" | "migrations" | "storage";

/** Each check is "ok" or why not, in words an operator reads (never a driver's message: the endpoint is public). */
export type Readiness = { ready: boolean; checks: Record<Check, string> };

class TimedOut extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const seconds = `${READY_TIMEOUT_MS / 1000} s`;

/** The migrations the code expects: the folders of prisma/migrations. */
async function expectedMigrations(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/**
 * Migrations recorded as applied in Prisma's table, read on a connection of
 * its own: a hung pool must not hang the check, and a slow database must not
 * cost the app's pool a connection per probe.
 */
async function appliedMigrations(databaseUrl: string): Promise<Set<string>> {
  // The driver's own timeouts, just past the check's, close the socket once the check has given up.
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: READY_TIMEOUT_MS + 500,
    query_timeout: READY_TIMEOUT_MS + 500,
    application_name: "cb-readiness",
  });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    return new Set(rows.map((row) => row.name));
  } finally {
    void client.end().catch(() => {});
  }
}

const UNDEFINED_TABLE = "42P01";

async function checkDatabase(databaseUrl: string, migrationsDir: string): Promise<Pick<Readiness["checks"], "database" | "migrations">> {
  let applied: Set<string>;
  try {
    applied = await within(appliedMigrations(databaseUrl), READY_TIMEOUT_MS);
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) {
      return { database: "ok", migrations: "nessuna migrazione applicata" };
    }
    logger.warn({ err: error }, "Prontezza: database non disponibile");
    const database = error instanceof TimedOut ? `non risponde entro ${seconds}` : "non raggiungibile";
    return { database, migrations: "non verificabili" };
  }
  const expected = await expectedMigrations(migrationsDir).catch(() => null);
  if (expected === null) return { database: "ok", migrations: `cartella delle migrazioni non leggibile (${migrationsDir})` };
  const missing = expected.filter((name) => !applied.has(name));
  return { database: "ok", migrations: missing.length === 0 ? "ok" : `da applicare: ${missing.join(", ")}` };
}

async function checkStorage(storage: FileStorage): Promise<string> {
  try {
    await within(storage.checkWritable(), READY_TIMEOUT_MS);
    return "ok";
  } catch (error) {
    logger.warn({ err: error }, "Prontezza: archivio dei file non scrivibile");
    return error instanceof TimedOut ? `non risponde entro ${seconds}` : "non scrivibile";
  }
}

/**
 * Whether this instance can serve: the database answers within 2 s, every
 * migration of the code is applied there, and the file storage takes a
 * write. Never waits much longer than READY_TIMEOUT_MS.
 */
export async function checkReadiness(options: {
  databaseUrl: string | undefined;
  storage: FileStorage;
  migrationsDir?: string;
}): Promise<Readiness> {
  const { databaseUrl, storage, migrationsDir = path.resolve("prisma", "migrations") } = options;
  const [database, storageCheck] = await Promise.all([
    databaseUrl ? checkDatabase(databaseUrl, migrationsDir) : { database: "DATABASE_URL non impostata", migrations: "non verificabili" },
    checkStorage(storage),
  ]);
  const checks = { ...database, storage: storageCheck };
  return { ready: Object.values(checks).every((value) => value === "ok"), checks };
}

/**
 * One check at a time, its answer reused for a second: a flood of probes
 * opens at most about one connection a second. Per process on purpose:
 * readiness is this instance's.
 */
const REUSE_MS = 1_000;
let latest: { startedAt: number; readiness: Promise<Readiness> } | undefined;

/** This process's readiness (`/api/health/ready`). */
export function currentReadiness(now = Date.now()): Promise<Readiness> {
  if (!latest || now - latest.startedAt >= REUSE_MS) {
    latest = {
      startedAt: now,
      readiness: checkReadiness({ databaseUrl: process.env.DATABASE_URL, storage: getFileStorage() }),
    };
  }
  return latest.readiness;
}

/** The 503 body of a portal not ready: RFC 9457 problem details with every check. */
export function notReadyProblem(readiness: Readiness): Problem & { checks: Readiness["checks"] } {
  const failed = Object.entries(readiness.checks)
    .filter(([, value]) => value !== "ok")
    .map(([name, value]) => `${name}: ${value}`);
  return {
    type: "about:blank#NotReady",
    title: "Servizio non pronto",
    status: 503,
    detail: `Il portale non è pronto a servire richieste (${failed.join("; ")}).`,
    checks: readiness.checks,
  };
}
