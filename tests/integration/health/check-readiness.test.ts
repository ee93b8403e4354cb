import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/server/attachments/file-storage";
import { createDatabase, dropDatabase } from "@/server/db/databases";
import { freePort } from "@/server/db/throwaway-database";
import { checkReadiness, notReadyProblem } from "@/server/health/check-readiness";
import { GET as live } from "../../../src/app/api/health/live/route";

let work: string;
let storage: LocalFileStorage;
const databaseUrl = () => process.env.DATABASE_URL!;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "cb-readiness-"));
  storage = new LocalFileStorage(path.join(work, "files"));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A server that accepts connections and never says a word: a database paused mid-flight. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => void sockets.add(socket));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/cb`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe("checkReadiness", () => {
  it("is ready when the database answers, every migration is applied and the storage takes a write", async () => {
    const readiness = await checkReadiness({ databaseUrl: databaseUrl(), storage });
    expect(readiness).toEqual({ ready: true, checks: { database: "ok", migrations: "ok", storage: "ok" } });
    // The probe leaves nothing behind.
    expect(await readdir(path.join(work, "files"))).toEqual([]);
  });

  it("is not ready when the storage cannot be written", async () => {
    const blocked = path.join(work, "not-a-folder");
    await writeFile(blocked, "a file where the storage folder should be");
    const readiness = await checkReadiness({ databaseUrl: databaseUrl(), storage: new LocalFileStorage(blocked) });
    expect(readiness).toEqual({ ready: false, checks: { database: "ok", migrations: "ok", storage: "non scrivibile" } });
  });

  it("gives up on a database that does not answer after 2 s", async () => {
    const paused = await silentServer();
    try {
      const readiness = await checkReadiness({ databaseUrl: paused.url, storage });
      expect(readiness).toEqual({
        ready: false,
        checks: { database: "non risponde entro 2 s", migrations: "non verificabili", storage: "ok" },
      });
    } finally {
      await paused.close();
    }
  });

  it("is not ready when nothing listens where the database should be", async () => {
    const readiness = await checkReadiness({ databaseUrl: `postgresql://postgres@127.0.0.1:${await freePort()}/cb`, storage });
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.database).toBe("non raggiungibile");
  });

  it("names the migrations the database still lacks", async () => {
    const migrationsDir = path.join(work, "migrations");
    const known = (await readdir(path.resolve("prisma/migrations"), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const name of [...known, "20991231000000_future"]) await mkdir(path.join(migrationsDir, name), { recursive: true });

    const readiness = await checkReadiness({ databaseUrl: databaseUrl(), storage, migrationsDir });
    expect(readiness).toEqual({
      ready: false,
      checks: { database: "ok", migrations: "da applicare: 20991231000000_future", storage: "ok" },
    });
  });

  it("is not ready on a database where no migration was ever applied", async () => {
    const name = `cb_readiness_${Date.now()}`;
    const empty = await createDatabase(databaseUrl(), name);
    try {
      const readiness = await checkReadiness({ databaseUrl: empty, storage });
      expect(readiness.ready).toBe(false);
      expect(readiness.checks).toEqual({ database: "ok", migrations: "nessuna migrazione applicata", storage: "ok" });
    } finally {
      await dropDatabase(databaseUrl(), name);
    }
  });

  it("describes a portal not ready as problem details naming what failed", () => {
    const problem = notReadyProblem({
      ready: false,
      checks: { database: "non risponde entro 2 s", migrations: "non verificabili", storage: "ok" },
    });
    expect(problem).toMatchObject({ status: 503, title: "Servizio non pronto", type: "about:blank#NotReady" });
    expect(problem.detail).toBe(
      "Il portale non è pronto a servire richieste (database: non risponde entro 2 s; migrations: non verificabili).",
    );
  });
});

describe("GET /api/health/live", () => {
  it("answers 200 without touching the database", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/nowhere";
    try {
      const response = live();
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok" });
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});
