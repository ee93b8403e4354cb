/**
 * `npm run audit:verify`: checks the access log's hash chain on DATABASE_URL
 * or, when it is unset, on the embedded PostgreSQL under DATA_DIR. Prints
 * "ok, N righe", or the first entry found wrong and exits 1 (decision 0032).
 */
import { verifyAuditChain } from "../src/server/audit/verify-audit-chain";
import { createPrismaClient } from "../src/server/db/create-client";
import { withDatabase } from "../src/server/db/embedded-postgres";

const verdict = await withDatabase(async (url) => {
  const prisma = createPrismaClient(url);
  try {
    return await verifyAuditChain(prisma);
  } finally {
    await prisma.$disconnect();
  }
});
if (verdict.ok) {
  console.log(`ok, ${verdict.count} righe`);
} else {
  console.error(`Registro degli accessi alterato: ${verdict.reason.it} (riga ${verdict.sequence}).`);
  console.error(`Access log tampered with: ${verdict.reason.en} (row ${verdict.sequence}).`);
  process.exitCode = 1;
}
