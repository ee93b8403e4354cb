import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, dropDatabase } from "./databases";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrations";

/** A fresh, migrated database for a test run or a benchmark; `dispose()` removes it. */
export interface ThrowawayDatabase {
  url: string;
  dispose(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function databaseOnServer(serverUrl: string, label: string): Promise<ThrowawayDatabase> {
  const name = `cb_${label}_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(serverUrl, name);
  return { url, dispose: () => dropDatabase(serverUrl, name) };
}

async function embeddedDatabase(label: string, port?: number): Promise<ThrowawayDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `cb-${label}-`));
  // Run as root, PostgreSQL runs as the `postgres` user, who must reach the cluster inside.
  await chmod(dataDir, 0o755);
  try {
    const server = await startEmbeddedPostgres({ dataDir, port: port ?? (await freePort()) });
    return {
      url: server.url,
      async dispose() {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A fresh database with the migrations applied: `cb_<label>_<random>` on the
 * server of `serverUrl` when given, otherwise an embedded PostgreSQL in a
 * temporary folder (`cb-<label>-…`) on `port` or a free port.
 */
export async function createThrowawayDatabase(options: { label: string; serverUrl?: string; port?: number }): Promise<ThrowawayDatabase> {
  const database = options.serverUrl
    ? await databaseOnServer(options.serverUrl, options.label)
    : await embeddedDatabase(options.label, options.port);
  try {
    await applyMigrations(database.url);
    return database;
  } catch (error) {
    await database.dispose();
    throw error;
  }
}
