/**
 * `npm start` (and `npm run dev` with --dev): one command from a fresh clone to
 * a running portal. Validates the configuration, starts the embedded
 * PostgreSQL when DATABASE_URL is unset, applies migrations, seeds an empty
 * database, builds the app if it was never built, starts the notification
 * worker in this process (unless NOTIFICATION_WORKER=separate), then runs
 * Next.js, and stops everything cleanly (Next.js and the worker, then the
 * database) within 10 s of Ctrl-C or SIGTERM. When Next.js or the worker
 * dies, it stops the rest the same way and exits with a non-zero code, for
 * the process manager to restart it (docs/decisions/0010).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AppConfig } from "../src/server/config";
import { createPrismaClient } from "../src/server/db/create-client";
import { applyMigrations } from "../src/server/db/migrations";
import { startNotificationWorker } from "../src/server/worker/start-notification-worker";
import { isDatabaseEmpty, seedDatabase } from "../prisma/seed/seed-database";
import { loadConfigOrExit, superviseProcess } from "./process-setup";

const dev = process.argv.includes("--dev");
const nextBin = path.resolve("node_modules/next/dist/bin/next");
/** Next.js finishes the requests in hand on SIGTERM; past this it is killed. */
const NEXT_STOP_TIMEOUT_MS = 4_000;

/** Outside production a secret is generated once and kept with the local data, in the file `name`. */
function demoSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** NOTIFICATION_WORKER=separate leaves delivery to `npm run worker`. */
const runsWorker = (config: AppConfig) => config.NOTIFICATION_WORKER === "in-process";

/** Asks the child to stop, kills it after `timeoutMs`, and waits until it has exited. */
async function stopChild(child: ChildProcess, exited: Promise<unknown>, timeoutMs: number): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  const kill = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  await exited;
  clearTimeout(kill);
}

async function main(): Promise<void> {
  const config = loadConfigOrExit(runsWorker);
  const lifecycle = superviseProcess();
  const { dataDir, url: databaseUrl, embedded } = await lifecycle.openDatabase(config);

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
    if (runsWorker(config)) {
      const worker = await startNotificationWorker({ databaseUrl, config });
      lifecycle.onStop(() => worker.stop());
    }
  } catch (error) {
    console.error(error);
    await lifecycle.shutdown(1);
    return;
  }
  if (lifecycle.stopping) return;

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: config.AUTH_SECRET ?? demoSecret(dataDir, "auth-secret"),
    QUESTIONNAIRE_SECRET: config.QUESTIONNAIRE_SECRET ?? demoSecret(dataDir, "questionnaire-secret"),
    NEXTAUTH_URL: config.PUBLIC_URL,
    PORT: String(config.PORT),
  };
  console.log(`Avvio del portale su ${config.PUBLIC_URL}${embedded ? ` (PostgreSQL integrato in ${dataDir})` : ""}`);
  const next = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "--port", String(config.PORT)], {
    stdio: "inherit",
    env,
  });
  const exited = once(next, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  lifecycle.onStop(() => stopChild(next, exited, NEXT_STOP_TIMEOUT_MS));
  void exited.then(([code, signal]) => {
    if (lifecycle.stopping) return;
    console.error(`Il server Next.js è terminato da solo (${signal ?? `codice ${code}`}): arresto del portale.`);
    void lifecycle.shutdown(code || 1);
  });
}

void main();
