/**
 * What the benchmarks of the built server share (bench:submit, bench:pages):
 * the production build, `next start` on a port, and the session cookie a
 * sign-in would set.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type pg from "pg";
import type { PrismaClient } from "../../../src/generated/prisma/client";
import type { ThrowawayDatabase } from "../../../src/server/db/throwaway-database";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

/** Builds the app when it was never built (`next build`). */
export function ensureBuild(): void {
  if (existsSync(path.resolve(".next/BUILD_ID"))) return;
  console.log("Nessuna build: next build…");
  if (spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" }).status !== 0) throw new Error("Compilazione non riuscita.");
}

/**
 * `next start` of the build on `port` in demo mode, on the database at
 * `databaseUrl`, with `secret` as AUTH_SECRET and `extra` on top, once it answers.
 */
export async function startBuiltServer(options: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  secret: string;
  extra: Record<string, string>;
}): Promise<ChildProcess> {
  const { port } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    APP_ENV: "demo",
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.dataDir,
    AUTH_SECRET: options.secret,
    NEXTAUTH_URL: baseUrl,
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: "warn",
    PORT: String(port),
    ...options.extra,
  };
  const server = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port)], { env, stdio: ["ignore", "ignore", "inherit"] });
  for (let waited = 0; waited < 60_000; waited += 200) {
    if (server.exitCode !== null) throw new Error("Il server Next.js è terminato all'avvio.");
    const answered = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (answered) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill("SIGTERM");
  throw new Error("Il server Next.js non risponde.");
}

/** Stops the server (waiting for it to exit), closes the connections, removes the database and the data folder. */
export async function tearDown(parts: {
  server: ChildProcess | undefined;
  pool: pg.Pool;
  prisma: PrismaClient;
  database: ThrowawayDatabase;
  dataDir: string;
}): Promise<void> {
  const { server } = parts;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await parts.pool.end();
  await parts.prisma.$disconnect();
  await parts.database.dispose();
  await rm(parts.dataDir, { recursive: true, force: true });
}

/**
 * The session row a sign-in opens (decision 0014) and the cookie naming it,
 * minted with the server's AUTH_SECRET, for a person on the Cassetto or an
 * operator on the Fascicolo.
 */
export async function sessionCookie(
  prisma: PrismaClient,
  secret: string,
  subject: { personId: string } | { operatorId: string },
): Promise<string> {
  const realm = "personId" in subject ? "cassetto" : "fascicolo";
  const session = await prisma.authSession.create({
    data: {
      realm: realm === "cassetto" ? "CASSETTO" : "FASCICOLO",
      ...subject,
      lastSeenAt: new Date(),
      expiresAt: new Date(Date.now() + 2 * 60 * 60 * 1000),
    },
  });
  const sub = "personId" in subject ? subject.personId : subject.operatorId;
  const token = await encode({ token: { sub, realm, sid: session.id }, secret });
  return `cb.${realm}.session-token=${token}`;
}
