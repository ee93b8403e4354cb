/**
 * `npm run worker`: the notification delivery worker as a process of its own
 * (production runs one or more beside the app instances). Validates the
 * configuration (in production both SMTP accounts and Twilio are required),
 * delivers until SIGINT / SIGTERM, then lets the jobs in hand finish (those
 * still running after a few seconds go back to the queue) and stops. Without
 * DATABASE_URL it works on the embedded PostgreSQL under DATA_DIR, the one
 * `npm start` runs if it is running. The database must be migrated
 * (`npm start` or `npm run db:migrate`).
 */
import { startNotificationWorker, type NotificationWorker } from "../src/server/worker/start-notification-worker";
import { loadConfigOrExit, superviseProcess } from "./process-setup";

async function main(): Promise<void> {
  const config = loadConfigOrExit(() => true);
  const lifecycle = superviseProcess();
  const database = await lifecycle.openDatabase(config);
  let worker: NotificationWorker;
  try {
    worker = await startNotificationWorker({ databaseUrl: database.url, config });
  } catch (error) {
    console.error("Avvio del servizio delle notifiche non riuscito (database migrato? npm run db:migrate):", error);
    await lifecycle.shutdown(1);
    return;
  }
  lifecycle.onStop(() => worker.stop());
  console.log("Servizio delle notifiche avviato: Ctrl-C per fermarlo.");
}

void main();
