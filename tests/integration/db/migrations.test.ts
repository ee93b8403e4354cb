import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase } from "@/server/db/databases";
import { applyMigrations, migrationsDir, schemaDrift } from "@/server/db/migrations";

// Any database of the test server will do to create (and drop) others beside it.
const serverUrl = inject("databaseUrl");

async function committedMigrations(): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash("sha256")
        .update(await readFile(path.join(migrationsDir, name, "migration.sql")))
        .digest("hex"),
    })),
  );
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("apply to an empty database, then find nothing left to apply", async () => {
    const name = `cb_test_empty_${randomBytes(4).toString("hex")}`;
    const url = await createDatabase(serverUrl, name);
    try {
      const migrations = await committedMigrations();
      expect(migrations.length).toBeGreaterThan(0);

      expect(await applyMigrations(url)).toEqual(migrations.map((migration) => migration.name));

      const schema = await readFile(path.join(migrationsDir, "..", "schema.prisma"), "utf8");
      const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]);
      const tables = await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.map((table) => table.tablename).sort()).toEqual([...models, "_prisma_migrations"].sort());

      const recorded = await query<{ name: string; checksum: string }>(
        url,
        `SELECT migration_name AS name, checksum FROM _prisma_migrations
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      expect(recorded).toEqual(migrations);

      expect(await applyMigrations(url)).toEqual([]);
    } finally {
      await dropDatabase(serverUrl, name);
    }
  });

  it("match schema.prisma (run `npm run db:migration:create -- <name>` when this fails)", async () => {
    expect(await schemaDrift(serverUrl)).toBe("");
  });

  it("report the SQL missing for a schema that differs", async () => {
    const schema = await readFile(path.join(migrationsDir, "..", "schema.prisma"), "utf8");
    const drift = await schemaDrift(serverUrl, `${schema}\nmodel DriftProbe {\n  id Int @id\n}\n`);
    expect(drift).toContain('CREATE TABLE "DriftProbe"');
  });
});
