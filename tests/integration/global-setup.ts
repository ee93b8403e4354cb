import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of this run's throwaway, migrated database (see tests/support/test-database.ts). */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase();
  project.provide("databaseUrl", database.url);
  return () => database.dispose();
}
