/**
 * `npm run db:seed`: loads the JSON files of prisma/seed/data/ into the
 * database at DATABASE_URL. Safe to repeat (see prisma/seed/seed-database.ts).
 * With APP_ENV=production only the reference data are loaded.
 */
import { parseConfig } from "../src/server/config";
import { createPrismaClient } from "../src/server/db/create-client";
import { seedDatabase } from "../prisma/seed/seed-database";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL non impostata: indicare il database da popolare (postgres://…).");
  process.exit(1);
}

const prisma = createPrismaClient(url);
try {
  // Demo people and operators only outside production.
  const s = await seedDatabase(prisma, { includeDemo: parseConfig(process.env).isDemo });
  console.log(
    `Dati iniziali caricati: ${s.offices} sedi (${s.provinces} province), ${s.gestioni} gestioni, ` +
      `${s.subjects} oggetti, ${s.people} persone, ${s.positions} posizioni, ${s.delegations} deleghe, ` +
      `${s.operators} operatori.`,
  );
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`Caricamento dei dati iniziali non riuscito: ${reason}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
