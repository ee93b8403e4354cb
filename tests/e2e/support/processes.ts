import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Polls a URL until it answers 2xx, or fails after `timeoutMs`. */
export async function waitForHttpOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} non ha risposto entro ${timeoutMs} ms`);
}

/** True when something accepts connections on 127.0.0.1:port. */
export async function isListening(port: number): Promise<boolean> {
  const { connect } = await import("node:net");
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts a command with the given environment (DATABASE_URL removed unless
 * given), collecting its output; with `ownGroup` it leads a process group of
 * its own, as a service under a process manager does.
 */
export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  options: { ownGroup?: boolean } = {},
): ChildProcess & { output: string[] } {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(command, args, {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.ownGroup ?? false,
  });
  const output: string[] = [];
  child.stdout.on("data", (chunk) => output.push(String(chunk)));
  child.stderr.on("data", (chunk) => output.push(String(chunk)));
  return Object.assign(child, { output });
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

export type RunningProcess = { pid: number; parentPid: number; groupId: number; command: string };

/** The processes running now (zombies left out), from /proc. */
export function runningProcesses(): RunningProcess[] {
  const found: RunningProcess[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // After "pid (comm) ": state, parent pid, process group.
      const [state, parentPid, groupId] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (state === "Z") continue;
      const command = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      found.push({ pid: Number(name), parentPid: Number(parentPid), groupId: Number(groupId), command });
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** Every process below `pid` (children, their children…). */
export function descendantsOf(pid: number): RunningProcess[] {
  const all = runningProcesses();
  const found: RunningProcess[] = [];
  for (let parents = [pid]; parents.length > 0;) {
    const children = all.filter((process) => parents.includes(process.parentPid));
    found.push(...children);
    parents = children.map((child) => child.pid);
  }
  return found;
}

/** The embedded PostgreSQL processes running on the cluster under `dataDir`. */
export function postgresOf(dataDir: string): RunningProcess[] {
  return runningProcesses().filter((process) => process.command.includes(`-D ${dataDir}/postgres`));
}

/** Resolves with the exit code once `child` has exited; rejects after `timeoutMs`. */
export async function exitWithin(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`processo ${child.pid} ancora attivo dopo ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
