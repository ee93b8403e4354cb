/**
 * `npm run db:migration:create -- <nome>`: writes prisma/migrations/<timestamp>_<nome>/
 * with the SQL that brings the migrations up to prisma/schema.prisma. The
 * migrations are replayed in a throwaway database on the server of
 * DATABASE_URL or, when it is unset, on the embedded PostgreSQL under DATA_DIR.
 */
import { withDatabase } from "../src/server/db/embedded-postgres";
import { createMigration } from "../src/server/db/migrations";

const name = process.argv[2];
if (!name || !/[a-z0-9]/i.test(name)) {
  console.error("Uso: npm run db:migration:create -- <nome>   (es. aggiungi_note_quesito)");
  process.exit(1);
}

const folder = await withDatabase((url) => createMigration(name, url));
console.log(
  folder
    ? `Creata la migrazione prisma/migrations/${folder}/migration.sql: rileggerla prima di salvarla.`
    : "Lo schema coincide con le migrazioni: nessuna modifica.",
);
