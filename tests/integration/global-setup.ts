import type { TestProject } from "vitest/node";
import { startS3Server } from "../support/s3-server";
import { createTestDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of this run's throwaway, migrated database (see tests/support/test-database.ts). */
    databaseUrl: string;
    /** This run's S3-compatible server (s3rver), for the storage tests on a bucket; each file makes its own bucket. */
    s3Endpoint: string;
    /** Where that server keeps its objects, so that tests can age them. */
    s3Directory: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [database, s3] = await Promise.all([createTestDatabase(), startS3Server()]);
  project.provide("databaseUrl", database.url);
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("s3Directory", s3.directory);
  return async () => {
    await Promise.all([database.dispose(), s3.stop()]);
  };
}
