import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase } from "@/server/db/databases";
import { startEmbeddedPostgres } from "@/server/db/embedded-postgres";
import { applyMigrations } from "@/server/db/migrations";

// The integration tests' database rule: one fresh, migrated database per test
// run (`cb_test_<random>` on the server of TEST_DATABASE_URL when it is set,
// otherwise an embedded PostgreSQL in a temp dir), dropped at the end; every
// test file starts from empty application tables (tests/integration/setup-file.ts),
// and a test that wants the same per test calls `resetDatabase()` itself.

export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

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

async function throwawayDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `cb_test_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(serverUrl, name);
  return { url, dispose: () => dropDatabase(serverUrl, name) };
}

async function embeddedDatabase(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "cb-test-"));
  // Run as root, PostgreSQL runs as the `postgres` user, who must reach the cluster inside.
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  return {
    url: server.url,
    async dispose() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database with the migrations applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const database = serverUrl ? await throwawayDatabase(serverUrl) : await embeddedDatabase();
  try {
    await applyMigrations(database.url);
    return database;
  } catch (error) {
    await database.dispose();
    throw error;
  }
}

/**
 * Empties every application table of the database (`_prisma_migrations`
 * excepted), restarting sequences.
 */
export async function resetDatabase(url = process.env.DATABASE_URL): Promise<void> {
  if (!url) throw new Error("DATABASE_URL is not set: run through the integration test setup");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length > 0) {
      await client.query(`TRUNCATE TABLE ${rows.map((row) => row.name).join(", ")} RESTART IDENTITY CASCADE`);
    }
  } finally {
    await client.end();
  }
}
