// `prisma generate` insists on locating the native schema engine, which cannot
// be downloaded offline; generation itself does not use it, so any existing
// file satisfies the check (docs/decisions/0003-migrations-offline.md).
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
