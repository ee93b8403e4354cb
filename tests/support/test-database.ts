import pg from "pg";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/server/db/throwaway-database";

// The integration tests' database rule: one fresh, migrated database per test
// run (`cb_test_<random>` on the server of TEST_DATABASE_URL when it is set,
// otherwise an embedded PostgreSQL in a temp dir), dropped at the end; every
// test file starts from empty application tables (tests/integration/setup-file.ts),
// and a test that wants the same per test calls `resetDatabase()` itself.

/** A fresh database with the migrations applied. */
export function createTestDatabase(): Promise<ThrowawayDatabase> {
  return createThrowawayDatabase({ label: "test", serverUrl: process.env.TEST_DATABASE_URL });
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
