// The e2e tests' server: the quick start itself, from an empty data folder.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

delete process.env.DATABASE_URL;
rmSync(process.env.DATA_DIR ?? ".data/e2e", { recursive: true, force: true });
const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
