/**
 * What `npm start` and `npm run worker` do alike: validate the configuration
 * (stopping with one line per problem), reach the database — DATABASE_URL,
 * or the embedded PostgreSQL under DATA_DIR when it is unset — and stop
 * cleanly and in bounded time, the embedded PostgreSQL last.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ConfigError, deliveryConfigProblems, nodeVersionProblem, parseConfig, type AppConfig } from "../src/server/config";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../src/server/db/embedded-postgres";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * The configuration; a problem ends the process, and so does a Node.js older
 * than the portal runs on. `runsWorker` tells whether
 * this process delivers notifications, which in production needs every
 * channel configured (`deliveryConfigProblems`).
 */
export function loadConfigOrExit(runsWorker: (config: AppConfig) => boolean): AppConfig {
  const runtimeProblem = nodeVersionProblem(process.version);
  if (runtimeProblem) fail(runtimeProblem);
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

async function openDatabase(config: AppConfig): Promise<Database> {
  const dataDir = path.resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  if (config.DATABASE_URL) return { dataDir, url: config.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: config.EMBEDDED_PG_PORT,
    // A port the user did not choose may give way to a free one.
    orAnotherPort: !process.env.EMBEDDED_PG_PORT,
  });
  return { dataDir, url: embedded.url, embedded };
}

/**
 * How long a stop may take in all: process managers (Docker, systemd) kill
 * what has not stopped 10 s after asking (docs/decisions/0010).
 */
const STOP_DEADLINE_MS = 9_500;

export type ProcessLifecycle = {
  /**
   * DATABASE_URL, or the embedded PostgreSQL under DATA_DIR when it is unset,
   * stopped last at shutdown. A failure to open it ends the process with one line.
   */
  openDatabase(config: AppConfig): Promise<Database>;
  /** Registers the stop of something that uses the database: run, with the others at once, before the database's. */
  onStop(stop: () => Promise<void>): void;
  /** Stops everything, then exits with `code`; runs once, however often it is asked. */
  shutdown(code: number): Promise<void>;
  readonly stopping: boolean;
};

/**
 * The process's supervision, set up before anything is started: SIGINT and
 * SIGTERM stop it (exit code 0); an uncaught error or the embedded PostgreSQL
 * dying stops it with code 1, for the process manager to restart it. Whatever
 * hangs, the process exits within STOP_DEADLINE_MS of being asked to stop.
 */
export function superviseProcess(): ProcessLifecycle {
  const stops: (() => Promise<void>)[] = [];
  let database: Promise<Database | null> = Promise.resolve(null);
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(`Arresto non concluso entro ${STOP_DEADLINE_MS / 1000} s: uscita forzata.`);
      process.exit(code === 0 ? 1 : code);
    }, STOP_DEADLINE_MS);
    await Promise.all(stops.map((stop) => stop().catch((error: unknown) => console.error(error))));
    await (await database)?.embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  const crash = (error: unknown) => {
    console.error(error);
    void shutdown(1);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);

  return {
    get stopping() {
      return stopping;
    },
    onStop: (stop) => void stops.push(stop),
    shutdown,
    async openDatabase(config) {
      const opening = openDatabase(config);
      database = opening.catch(() => null);
      let opened: Database;
      try {
        opened = await opening;
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        await shutdown(1);
        return new Promise<never>(() => {});
      }
      // Asked to stop meanwhile: shutdown stops this database and exits; nothing more is to start.
      if (stopping) return new Promise<never>(() => {});
      void opened.embedded?.exited.then(() => {
        if (stopping) return;
        console.error("PostgreSQL integrato si è fermato inaspettatamente: arresto (vedere postgres.log in DATA_DIR).");
        void shutdown(1);
      });
      return opened;
    },
  };
}
