/**
 * What `npm start` and `npm run worker` do first, alike: validate the
 * configuration (stopping with one line per problem) and reach the database —
 * DATABASE_URL, or the embedded PostgreSQL under DATA_DIR when it is unset.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ConfigError, deliveryConfigProblems, parseConfig, type AppConfig } from "../src/server/config";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../src/server/db/embedded-postgres";

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The configuration, including what notification delivery needs; a problem ends the process. */
export function loadConfigOrExit(): AppConfig {
  let config: AppConfig;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const problems = deliveryConfigProblems(config);
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
