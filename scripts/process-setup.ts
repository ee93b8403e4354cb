/**
 * What `npm start` and `npm run worker` do alike: validate the configuration
 * (stopping with one line per problem), reach the database — DATABASE_URL,
 * or the embedded PostgreSQL under DATA_DIR when it is unset — and stop
 * cleanly, the embedded PostgreSQL last.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ConfigError, deliveryConfigProblems, parseConfig, type AppConfig } from "../src/server/config";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../src/server/db/embedded-postgres";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * The configuration; a problem ends the process. `runsWorker` tells whether
 * this process delivers notifications, which in production needs every
 * channel configured (`deliveryConfigProblems`).
 */
export function loadConfigOrExit(runsWorker: (config: AppConfig) => boolean): AppConfig {
  let config: AppConfig;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const problems = runsWorker(config) ? deliveryConfigProblems(config) : [];
  if (problems.length > 0) fail(new ConfigError(problems).message);
  return config;
}

export type Database = { dataDir: string; url: string; embedded: EmbeddedPostgres | null };

export async function openDatabase(config: AppConfig): Promise<Database> {
  const dataDir = path.resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  if (config.DATABASE_URL) return { dataDir, url: config.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT });
  return { dataDir, url: embedded.url, embedded };
}

/**
 * Registers the process's stop on SIGINT and SIGTERM (exit code 0) and
 * returns it, to call with another code: `stopUsers` (what uses the
 * database), then the embedded PostgreSQL, then exit. It runs once, however
 * often it is asked.
 */
export function handleShutdown(database: Database, stopUsers: () => Promise<void>): (code: number) => Promise<void> {
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopUsers();
    await database.embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  return shutdown;
}
