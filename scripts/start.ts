/**
 * `npm start` (and `npm run dev` with --dev): one command from a fresh clone to
 * a running portal. Validates the configuration, starts the embedded
 * PostgreSQL when DATABASE_URL is unset, applies migrations, seeds an empty
 * database, builds the app if it was never built, starts the notification
 * worker in this process (unless NOTIFICATION_WORKER=separate), then runs
 * Next.js, and stops everything cleanly (Next.js, the worker, then the
 * database) on Ctrl-C or SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AppConfig } from "../src/server/config";
import { createPrismaClient } from "../src/server/db/create-client";
import { applyMigrations } from "../src/server/db/migrations";
import { startNotificationWorker, type NotificationWorker } from "../src/server/notifications/worker";
import { isDatabaseEmpty, seedDatabase } from "../prisma/seed/seed-database";
import { handleShutdown, loadConfigOrExit, openDatabase } from "./process-setup";

const dev = process.argv.includes("--dev");
const nextBin = path.resolve("node_modules/next/dist/bin/next");

/** Outside production a secret is generated once and kept with the local data. */
function demoAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** NOTIFICATION_WORKER=separate leaves delivery to `npm run worker`. */
const runsWorker = (config: AppConfig) => config.NOTIFICATION_WORKER === "in-process";

async function main(): Promise<void> {
  const config = loadConfigOrExit(runsWorker);
  const database = await openDatabase(config);
  const { dataDir, url: databaseUrl, embedded } = database;
  const running: { next?: ChildProcess; worker?: NotificationWorker } = {};
  const shutdown = handleShutdown(database, async () => {
    const next = running.next;
    if (next && next.exitCode === null) {
      next.kill("SIGTERM");
      await new Promise((resolve) => next.once("exit", resolve));
    }
    await running.worker?.stop().catch((error: unknown) => console.error(error));
  });

  try {
    const applied = await applyMigrations(databaseUrl);
    if (applied.length > 0) console.log(`Migrazioni applicate: ${applied.join(", ")}`);
    const prisma = createPrismaClient(databaseUrl);
    try {
      if (await isDatabaseEmpty(prisma)) {
        console.log("Database vuoto: caricamento dei dati iniziali…");
        await seedDatabase(prisma, { includeDemo: config.isDemo });
      }
    } finally {
      await prisma.$disconnect();
    }

    if (!dev && !existsSync(path.resolve(".next/BUILD_ID"))) {
      console.log("Prima esecuzione: compilazione dell'applicazione (next build)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
      if (build.status !== 0) throw new Error("Compilazione non riuscita.");
    }
    if (runsWorker(config)) running.worker = await startNotificationWorker({ databaseUrl, config });
  } catch (error) {
    console.error(error);
    await shutdown(1);
    return;
  }

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: config.AUTH_SECRET ?? demoAuthSecret(dataDir),
    NEXTAUTH_URL: config.PUBLIC_URL,
    PORT: String(config.PORT),
  };
  console.log(`Avvio del portale su ${config.PUBLIC_URL}${embedded ? ` (PostgreSQL integrato in ${dataDir})` : ""}`);
  running.next = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "--port", String(config.PORT)], {
    stdio: "inherit",
    env,
  });
  running.next.on("exit", (code) => void shutdown(code ?? 1));
}

void main();
