import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { portsAbove } from "./support/ports";
import {
  descendantsOf,
  exitWithin,
  postgresOf,
  runningProcesses,
  startProcess,
  waitForHttpOk,
  type RunningProcess,
} from "./support/processes";

// What a process manager (Docker, systemd) sees of `npm start`: it exits, non-zero, when
// its Next.js server dies, and stops within 10 s when asked (docs/decisions/0010).
const { http: port, pg: pgPort } = portsAbove(3);
const ready = `http://localhost:${port}/api/health/ready`;
/** What the issue allows a stop, asked or not; process managers kill after it. */
const STOP_LIMIT_MS = 10_000;

/** The processes of group `group` still running at `deadline` (none: as soon as they are gone). */
async function leftInGroup(group: number, deadline: number): Promise<RunningProcess[]> {
  for (;;) {
    const left = runningProcesses().filter((process) => process.groupId === group);
    if (left.length === 0 || Date.now() >= deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test.describe.configure({ mode: "serial" });

test.describe("npm start under a process manager", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cb-supervision-"));
  let portal: ReturnType<typeof startProcess> | undefined;

  /** The portal in a process group of its own, as a service manager runs it. */
  function startPortal() {
    portal = startProcess(
      process.execPath,
      ["--import", "tsx", "scripts/start.ts"],
      {
        APP_ENV: "demo",
        DATA_DIR: dataDir,
        PORT: String(port),
        PUBLIC_URL: `http://localhost:${port}`,
        EMBEDDED_PG_PORT: String(pgPort),
        LOG_LEVEL: "warn",
      },
      { ownGroup: true },
    );
    return portal;
  }

  test.afterAll(() => {
    // Whatever a failed test left running.
    if (portal?.pid) {
      for (const left of runningProcesses().filter((process) => process.groupId === portal!.pid)) process.kill(left.pid, "SIGKILL");
    }
    for (const left of postgresOf(dataDir)) process.kill(left.pid, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("when its Next.js server is killed, it stops the database and exits non-zero within 10 s", async () => {
    test.setTimeout(240_000);
    const started = startPortal();
    await waitForHttpOk(ready, 180_000);
    const server = descendantsOf(started.pid!).find((process) => /next-server|next\/dist\/bin\/next/.test(process.command));
    expect(server, started.output.join("")).toBeDefined();
    expect(postgresOf(dataDir)).not.toEqual([]);

    const deadline = Date.now() + STOP_LIMIT_MS;
    process.kill(server!.pid, "SIGKILL");
    const code = await exitWithin(started, STOP_LIMIT_MS);

    expect(code, started.output.join("")).not.toBeNull();
    expect(code).not.toBe(0);
    expect(await leftInGroup(started.pid!, deadline)).toEqual([]);
    expect(postgresOf(dataDir)).toEqual([]);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    expect(started.output.join("")).toContain("Il server Next.js è terminato da solo (SIGKILL)");
  });

  test("when its database dies, it stops the rest and exits non-zero within 10 s", async () => {
    test.setTimeout(180_000);
    const started = startPortal();
    await waitForHttpOk(ready, 150_000);
    // Only the postmaster keeps `-D <dir>` in its command line (its children retitle theirs).
    const [postmaster, ...others] = postgresOf(dataDir);
    expect(postmaster, started.output.join("")).toBeDefined();
    expect(others).toEqual([]);

    const deadline = Date.now() + STOP_LIMIT_MS;
    process.kill(postmaster!.pid, "SIGKILL");
    const code = await exitWithin(started, STOP_LIMIT_MS);

    expect(code, started.output.join("")).not.toBeNull();
    expect(code).not.toBe(0);
    expect(await leftInGroup(started.pid!, deadline)).toEqual([]);
    expect(started.output.join("")).toContain("PostgreSQL integrato si è fermato inaspettatamente");
    // A crashed server leaves its postmaster.pid: the next start clears it.
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(true);
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    test(`starts again, healthy, and ${signal} to its process group stops everything within 10 s`, async () => {
      test.setTimeout(180_000);
      const started = startPortal();
      await waitForHttpOk(ready, 150_000);
      const deadline = Date.now() + STOP_LIMIT_MS;
      process.kill(-started.pid!, signal);
      const code = await exitWithin(started, STOP_LIMIT_MS);

      expect(code, started.output.join("")).toBe(0);
      expect(await leftInGroup(started.pid!, deadline)).toEqual([]);
      expect(postgresOf(dataDir)).toEqual([]);
      expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    });
  }
});
