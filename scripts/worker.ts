/**
 * `npm run worker`: the notification delivery worker as a process of its own
 * (production runs one or more beside the app instances). Validates the
 * configuration (in production both SMTP accounts and Twilio are required),
 * delivers until SIGINT / SIGTERM, then lets the jobs in hand finish and
 * stops. Without DATABASE_URL it works on the embedded PostgreSQL under
 * DATA_DIR, the one `npm start` runs if it is running. The database must be
 * migrated (`npm start` or `npm run db:migrate`).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ConfigError, deliveryConfigProblems, parseConfig } from "../src/server/config";
import { startEmbeddedPostgres } from "../src/server/db/embedded-postgres";
import { startNotificationWorker } from "../src/server/notifications/worker";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const problems = deliveryConfigProblems(config);
  if (problems.length > 0) fail(new ConfigError(problems).message);

  const dataDir = path.resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT });
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;

  let worker;
  try {
    worker = await startNotificationWorker({ databaseUrl, config });
  } catch (error) {
    console.error("Avvio del servizio delle notifiche non riuscito (database migrato? npm run db:migrate):", error);
    await embedded?.stop();
    process.exit(1);
  }
  console.log("Servizio delle notifiche avviato: Ctrl-C per fermarlo.");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop().catch((error: unknown) => console.error(error));
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

void main();
