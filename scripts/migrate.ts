/**
 * `npm run db:migrate`: applies the pending migrations of prisma/migrations to
 * DATABASE_URL or, when it is unset, to the embedded PostgreSQL under DATA_DIR.
 */
import { withDatabase } from "../src/server/db/embedded-postgres";
import { applyMigrations } from "../src/server/db/migrations";

const applied = await withDatabase(applyMigrations);
console.log(
  applied.length > 0
    ? `Migrazioni applicate:\n${applied.map((name) => `  - ${name}`).join("\n")}`
    : "Nessuna migrazione da applicare: il database è aggiornato.",
);
