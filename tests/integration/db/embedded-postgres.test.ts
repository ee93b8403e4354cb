import { execFileSync, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { freePort } from "@/server/db/throwaway-database";

const launcher = fileURLToPath(new URL("../../../src/server/db/embedded-postgres.ts", import.meta.url));

let dataDir: string;
const clusterDir = () => path.join(dataDir, "postgres");
const lockFile = () => path.join(clusterDir(), "postmaster.pid");

/** Running, and not a zombie waiting for its reaper. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return !existsSync(`/proc/${pid}/stat`) || !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
}

async function lockPid(): Promise<number> {
  return Number((await readFile(lockFile(), "utf8")).split("\n")[0]);
}

/** A postmaster.pid as a crashed server would leave it, naming `pid`. */
async function writeStaleLock(pid: number): Promise<void> {
  await writeFile(lockFile(), `${pid}\n${clusterDir()}\n1700000000\n5432\n\n127.0.0.1\n\nready   \n`);
}

async function currentDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
  } finally {
    await client.end();
  }
}

async function start(options: { port?: number; orAnotherPort?: boolean } = {}) {
  return startEmbeddedPostgres({ dataDir, port: options.port ?? (await freePort()), orAnotherPort: options.orAnotherPort });
}

/**
 * Something else listening on a port below the ephemeral range (as on a
 * machine where the default port is taken), with free ports above it.
 */
async function occupyPort(): Promise<{ port: number; close(): Promise<void> }> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server: Server = createServer();
    const listening = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (listening) return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }
}

describe("startEmbeddedPostgres", () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "cb-embedded-"));
    await chmod(dataDir, 0o755);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("initialises a cluster, serves the application database, and stop() ends the server", async () => {
    const server = await start();
    const pid = await lockPid();
    expect(await currentDatabase(server.url)).toBe("cb");
    await server.stop();
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(lockFile())).toBe(false);
  });

  it("starts over a postmaster.pid whose process is gone", async () => {
    const gone = spawnSync("true").pid;
    await writeStaleLock(gone);
    const server = await start();
    expect(await currentDatabase(server.url)).toBe("cb");
    await server.stop();
  });

  it("starts over a postmaster.pid whose pid now belongs to another program, leaving it alone", async () => {
    // Owned by the postgres user (when we are root), PostgreSQL itself would refuse to start.
    const user = process.getuid?.() === 0 ? { uid: id("-u"), gid: id("-g") } : {};
    const other = spawn("sleep", ["60"], { ...user, stdio: "ignore" });
    try {
      await writeStaleLock(other.pid!);
      const server = await start();
      expect(await currentDatabase(server.url)).toBe("cb");
      await server.stop();
      expect(isRunning(other.pid!)).toBe(true);
    } finally {
      other.kill();
    }
  });

  it("stops a server orphaned by a killed Node process, then starts and owns its own", async () => {
    const code = `
      import { startEmbeddedPostgres } from ${JSON.stringify(launcher)};
      const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${await freePort()} });
      console.log(server.url);`;
    const parent = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await once(parent.stdout, "data");
    const orphan = await lockPid();
    parent.kill("SIGKILL");
    await once(parent, "exit");
    expect(isRunning(orphan)).toBe(true);

    const server = await start();
    expect(isRunning(orphan)).toBe(false);
    expect(await currentDatabase(server.url)).toBe("cb");
    const own = await lockPid();
    await server.stop();
    expect(isRunning(own)).toBe(false);
  });

  it("refuses a port where another PostgreSQL already listens", async () => {
    const first = await start();
    const otherDir = await mkdtemp(path.join(tmpdir(), "cb-embedded-"));
    try {
      await chmod(otherDir, 0o755);
      const port = Number(new URL(first.url).port);
      await expect(startEmbeddedPostgres({ dataDir: otherDir, port })).rejects.toThrow(`porta ${port}`);
      expect(await currentDatabase(first.url)).toBe("cb");
    } finally {
      await first.stop();
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it("says in one line that the port it was given is taken", async () => {
    const { port, close } = await occupyPort();
    try {
      await expect(start({ port })).rejects.toThrow(
        `La porta ${port} di PostgreSQL integrato (EMBEDDED_PG_PORT) è già in uso su 127.0.0.1: sceglierne un'altra.`,
      );
      expect(existsSync(lockFile())).toBe(false);
    } finally {
      await close();
    }
  });

  it("when the port was not chosen and is taken, starts on the next free one below 32768 and says which", async () => {
    const { port, close } = await occupyPort();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const server = await start({ port, orAnotherPort: true });
      const used = Number(new URL(server.url).port);
      expect(used).toBeGreaterThan(port);
      expect(used).toBeLessThan(32768);
      expect(await currentDatabase(server.url)).toBe("cb");
      expect(warn).toHaveBeenCalledWith(
        `La porta ${port} è occupata: PostgreSQL integrato usa la porta ${used} (EMBEDDED_PG_PORT per fissarne una).`,
      );
      await server.stop();
    } finally {
      warn.mockRestore();
      await close();
    }
  });

  it("reuses the server another live process of ours runs on the same data dir", async () => {
    const first = await start();
    try {
      const second = await start();
      expect(second.url).toBe(first.url);
      await second.stop();
      expect(await currentDatabase(first.url)).toBe("cb");
    } finally {
      await first.stop();
    }
  });
});

function id(flag: "-u" | "-g"): number {
  return Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
}
