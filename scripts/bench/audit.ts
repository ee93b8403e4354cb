/**
 * `npm run bench:audit`: what the access log costs (decision 0032). Not a
 * test: it prints figures and never fails on them.
 *
 * Loads BENCH_ENTRIES entries (default 1,000,000) over 180 days, 100 offices,
 * 2,000 operators and 200,000 contributors, straight in SQL with the
 * triggers off (their hashes are not a chain: only the list is measured on
 * them), then measures:
 * - the write on every opening: `recordAccess` one at a time, and from
 *   BENCH_WRITERS concurrent writers (default 20), each BENCH_WRITES times
 *   (default 50), per entry and in entries per second; the same INSERTs
 *   straight through node-postgres, chained and into a copy of the table
 *   without triggers (what the chain's lock costs under concurrency); then
 *   the plan of one INSERT, whose trigger line shows what chaining adds;
 * - the Registro accessi (`listAccessLog`) of an ADMIN and of a RESPONSABILE,
 *   with each filter, through the application and as raw SQL (support/measure.ts,
 *   BENCH_RUNS and BENCH_EXPLAIN as there).
 *
 * Run with the `react-server` condition, as Next runs server code, so that
 * the services' `import "server-only"` resolves.
 */
import { performance } from "node:perf_hooks";
import { createHash, randomUUID } from "node:crypto";
import { computeCheckCharacter } from "../../src/lib/codice-fiscale";
import pg from "pg";
import { totalLabel } from "../../src/lib/capped-total";
import { listAccessLog, type AccessLog } from "../../src/server/audit/list-access-log";
import { recordAccess } from "../../src/server/audit/record-access";
import type { OperatorActor } from "../../src/server/identity/actor";
import { generateInTransaction, itNumber, measureCases, openBenchDatabase, type BenchCase } from "./support/measure";
import { percentile, sizeFromEnv } from "./support/numbers";

const ENTRIES = sizeFromEnv("BENCH_ENTRIES", 1_000_000);
const WRITERS = sizeFromEnv("BENCH_WRITERS", 20);
const WRITES = sizeFromEnv("BENCH_WRITES", 50);
const SERIAL_WRITES = 200;

const uuidOf = (prefix: string, n: number) => `${prefix}-0000-7000-8000-${String(n).padStart(12, "0")}`;
const operatorCf = (n: number) => `OPRTOR${String(n).padStart(10, "0")}`;
const contributorCf = (n: number) => `CNTRIB${String(n).padStart(10, "0")}`;
/** The operator and the contributor the filters ask for: their codici fiscali must be valid ones. */
const MEASURED_OPERATOR = 42;
const MEASURED_CONTRIBUTOR = 1234;
const validCf = (body: string) => body + computeCheckCharacter(body);
const measuredOperatorCf = validCf("BNCOPR80A01H501");
const measuredContributorCf = validCf("BNCCNT80A01H501");
/** A quesito the load opens once every 300,000 entries (n % 300,000 = 778). */
const measuredQuesito = createHash("md5")
  .update("778")
  .digest("hex")
  .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
const ms = (value: number) => value.toLocaleString("it-IT", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function actor(role: OperatorActor["role"], operator: number): OperatorActor {
  return {
    kind: "operator",
    operatorId: uuidOf("00000000", operator),
    codiceFiscale: operatorCf(operator),
    displayName: "Bench",
    role,
    office: { id: uuidOf("11111111", operator % 100), code: "0000", name: "Bench" },
  };
}

const opening = () => ({
  action: "QUESITO_APERTO" as const,
  targetType: "QUESITO" as const,
  targetId: randomUUID(),
  codiceFiscale: contributorCf(7),
  page: "/fascicolo/quesiti/bench",
  granted: true,
});

/**
 * WRITERS × WRITES single-row INSERTs into `table` through a pool of 10
 * connections (the app's pool size), in entries per second: on AuditEntry
 * chained, on a copy of it without triggers as the baseline.
 */
async function insertRate(url: string, table: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, index) => {
        for (let write = 0; write < WRITES; write++) {
          await pool.query(
            `INSERT INTO "${table}" ("id", "actorOperatorId", "actorCodiceFiscale", "actorRole", "actorOfficeId", "action", "targetType",
               "targetId", "codiceFiscale", "page", "granted")
             VALUES (gen_random_uuid(), $1, $2, 'OPERATORE', $3, 'QUESITO_APERTO', 'QUESITO', $4, $5, '/fascicolo/quesiti/bench', true)`,
            [uuidOf("00000000", index), operatorCf(index), uuidOf("11111111", index % 100), randomUUID(), contributorCf(7)],
          );
        }
      }),
    );
    return Math.round((WRITERS * WRITES) / ((performance.now() - started) / 1000));
  } finally {
    await pool.end();
  }
}

async function writeCosts(url: string, sql: pg.Client): Promise<void> {
  const writer = actor("OPERATORE", 1);
  const serial: number[] = [];
  for (let index = 0; index < SERIAL_WRITES; index++) {
    const started = performance.now();
    await recordAccess(writer, opening());
    serial.push(performance.now() - started);
  }
  serial.sort((a, b) => a - b);

  const concurrent: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, index) => {
      for (let write = 0; write < WRITES; write++) {
        const at = performance.now();
        await recordAccess(actor("OPERATORE", index), opening());
        concurrent.push(performance.now() - at);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  concurrent.sort((a, b) => a - b);
  // A copy with the same columns and indexes but no trigger: unchained, with no shared row to lock.
  await sql.query(`CREATE TABLE "AuditEntryBaseline" (LIKE "AuditEntry" INCLUDING DEFAULTS INCLUDING INDEXES)`);
  await sql.query(
    `ALTER TABLE "AuditEntryBaseline" ALTER COLUMN "sequence" DROP DEFAULT, ALTER COLUMN "sequence" ADD GENERATED BY DEFAULT AS IDENTITY`,
  );
  const baseline = await insertRate(url, "AuditEntryBaseline");
  const chained = await insertRate(url, "AuditEntry");

  console.log(`Scrittura di una voce (recordAccess, ms):${"".padEnd(8)}${"med".padStart(8)}${"p95".padStart(8)}${"max".padStart(8)}`);
  for (const [label, times] of [
    [`una alla volta (${SERIAL_WRITES})`, serial],
    [`${WRITERS} scrittori × ${WRITES}`, concurrent],
  ] as const) {
    console.log(
      `  ${label.padEnd(46)}${ms(percentile(times, 0.5)).padStart(8)}${ms(percentile(times, 0.95)).padStart(8)}${ms(times.at(-1)!).padStart(8)}`,
    );
  }
  console.log(`  ${WRITERS} scrittori: ${itNumber(Math.round((WRITERS * WRITES) / seconds))} voci al secondo.`);
  console.log(
    `  INSERT da ${WRITERS} scrittori su 10 connessioni (node-postgres): ${itNumber(chained)} voci al secondo concatenate, ` +
      `${itNumber(baseline)} senza catena (stessa tabella senza trigger).`,
  );
}

async function main(): Promise<void> {
  const { sql, url, dispose } = await openBenchDatabase();
  try {
    const seconds = await generateInTransaction(sql, [
      "SET LOCAL session_replication_role = replica",
      `INSERT INTO "AuditEntry" ("id", "sequence", "createdAt", "actorOperatorId", "actorCodiceFiscale", "actorRole",
         "actorOfficeId", "action", "targetType", "targetId", "codiceFiscale", "page", "granted", "previousHash", "hash")
       SELECT gen_random_uuid(), n, localtimestamp - (${ENTRIES} - n) * interval '180 days' / ${ENTRIES},
         ('00000000-0000-7000-8000-' || lpad((n % 2000)::text, 12, '0'))::uuid,
         CASE WHEN n % 2000 = ${MEASURED_OPERATOR} THEN '${measuredOperatorCf}' ELSE 'OPRTOR' || lpad((n % 2000)::text, 10, '0') END,
         'OPERATORE', ('11111111-0000-7000-8000-' || lpad((n % 2000 % 100)::text, 12, '0'))::uuid,
         CASE WHEN n % 3 = 0 THEN 'FASCICOLO_CONTRIBUENTE_APERTO' ELSE 'QUESITO_APERTO' END::"AuditAction",
         CASE WHEN n % 3 = 0 THEN 'CONTRIBUENTE' ELSE 'QUESITO' END::"AuditTargetType",
         CASE WHEN n % 3 = 0 THEN 'CNTRIB' || lpad((n % 200000)::text, 10, '0') ELSE md5((n % 300000)::text)::uuid::text END,
         CASE WHEN n % 200000 = ${MEASURED_CONTRIBUTOR} THEN '${measuredContributorCf}' ELSE 'CNTRIB' || lpad((n % 200000)::text, 10, '0') END,
         '/fascicolo/quesiti/bench', n % 50 <> 0, repeat('0', 64), repeat('0', 64)
       FROM generate_series(1, ${ENTRIES}) AS n`,
      `INSERT INTO "AuditChainHead" ("id", "lastSequence", "lastHash") VALUES (1, ${ENTRIES}, repeat('0', 64))`,
    ]);
    console.log(`Registro degli accessi: ${itNumber(ENTRIES)} voci caricate in ${ms(seconds)} s.\n`);

    await writeCosts(url, sql);
    await sql.query("BEGIN");
    const { rows } = await sql.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) INSERT INTO "AuditEntry" ("id", "actorOperatorId", "actorCodiceFiscale", "actorRole", "actorOfficeId",
         "action", "targetType", "targetId", "page", "granted")
       VALUES (gen_random_uuid(), $1, $2, 'OPERATORE', $3, 'QUESITO_APERTO', 'QUESITO', 'bench', '/bench', true)`,
      [uuidOf("00000000", 1), operatorCf(1), uuidOf("11111111", 1)],
    );
    await sql.query("ROLLBACK");
    console.log(`\nPiano di un INSERT:\n${rows.map((row) => `  ${row["QUERY PLAN"]}`).join("\n")}\n`);

    const admin = actor("ADMIN", 0);
    const responsabile = actor("RESPONSABILE", 5);
    const middleDay = new Date(Date.now() - 90 * 24 * 3_600_000).toISOString().slice(0, 10);
    const total = (log: AccessLog) => totalLabel(log.total);
    const cases: BenchCase<AccessLog>[] = [
      { label: "ADMIN: tutte le sedi", run: () => listAccessLog(admin, {}), total },
      { label: "RESPONSABILE: la propria sede", run: () => listAccessLog(responsabile, {}), total },
      { label: "ADMIN: un operatore", run: () => listAccessLog(admin, { operatore: measuredOperatorCf }), total },
      { label: "ADMIN: un contribuente", run: () => listAccessLog(admin, { contribuente: measuredContributorCf }), total },
      { label: "ADMIN: un quesito", run: () => listAccessLog(admin, { oggetto: "QUESITO", identificativo: measuredQuesito }), total },
      { label: "ADMIN: un giorno di 90 giorni fa", run: () => listAccessLog(admin, { dal: middleDay, al: middleDay }), total },
      {
        label: "RESPONSABILE: un giorno di 90 giorni fa",
        run: () => listAccessLog(responsabile, { dal: middleDay, al: middleDay }),
        total,
      },
    ];
    await measureCases(sql, cases as BenchCase<unknown>[]);
  } finally {
    await dispose();
  }
}

await main();
