import { inject } from "vitest";
import { resetDatabase } from "../support/test-database";

// Runs before each test file, before the file imports anything: point the app's
// Prisma client at this run's database and start the file from empty tables.
process.env.DATABASE_URL = inject("databaseUrl");
await resetDatabase();
