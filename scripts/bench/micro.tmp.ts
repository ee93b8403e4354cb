// @ts-nocheck
import { readFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { createPrismaClient, poolConfig } from "../../src/server/db/create-client";
import { databaseSettings } from "../../src/server/config";
import pg from "pg";
const hold = JSON.parse(readFileSync("/tmp/hold.json", "utf8"));
const ext = createPrismaClient(hold.databaseUrl);
const plain = new PrismaClient({ adapter: new PrismaPg(poolConfig(hold.databaseUrl, databaseSettings())) });
const pool = new pg.Pool({ connectionString: hold.databaseUrl, max: 10 });
const person = await plain.person.findFirstOrThrow({ where: { codiceFiscale: "RSSMRA78E14H501S" } });
async function run(label, fn, n = 3000) {
  for (let i = 0; i < 300; i++) await fn();
  const c0 = process.cpuUsage(); const t0 = performance.now();
  // 10 concurrent
  await Promise.all(Array.from({ length: 10 }, async () => { for (let i = 0; i < n / 10; i++) await fn(); }));
  const c = process.cpuUsage(c0); const el = performance.now() - t0;
  console.log(label.padEnd(30), "cpu/stmt us", ((c.user + c.system) / n).toFixed(0), "wall/stmt us", (el * 1000 / n).toFixed(0));
}
const q = () => ({ where: { gestione: "GS_COMMITTENTI", holderId: person.id }, select: { id: true } });
const noop = plain.$extends({ query: { $allOperations({ args, query }) { return query(args); } } });
const variants = [
  ["extended", () => ext.position.findFirst(q())],
  ["plain", () => plain.position.findFirst(q())],
  ["noop ext", () => noop.position.findFirst(q())],
  ["pg", () => pool.query('SELECT "id" FROM "Position" WHERE "gestione" = $1::"Gestione" AND "holderId" = $2 LIMIT 1', ["GS_COMMITTENTI", person.id])],
];
for (let round = 0; round < 3; round++) for (const [l, f] of variants) await run(l, f);
process.exit(0);
