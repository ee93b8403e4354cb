/**
 * What the list benchmarks share (bench:inbox, bench:queue): a throwaway
 * database whose Prisma client is the app's and reports the SQL it sends, and
 * the measure of one case — the service call, the same statements straight
 * through node-postgres, and the tables the planner reads whole for them.
 */
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../../src/generated/prisma/client";
import { createThrowawayDatabase } from "../../../src/server/db/throwaway-database";
import { percentile, sizeFromEnv } from "./numbers";

const RUNS = sizeFromEnv("BENCH_RUNS", 30);
const WARM_UP = 5;
const EXPLAIN = process.env.BENCH_EXPLAIN === "1";
/** The lists must answer within this (issue 12); slower cases are listed at the end. A benchmark may set its own. */
const TARGET_MS = 50;
/** The big tables: a sequential scan of one of them is a missing index or a bad plan. */
const WATCHED_TABLES = new Set(["Request", "Message", "Quesito", "CommunicationRead"]);
const LABEL_WIDTH = 46;

type CapturedQuery = { sql: string; params: unknown[] };

/** The queries the Prisma client sends while `recording` is set. */
let recording: CapturedQuery[] | null = null;

async function capture(run: () => Promise<unknown>): Promise<{ result: unknown; queries: CapturedQuery[] }> {
  const queries: CapturedQuery[] = [];
  recording = queries;
  try {
    return { result: await run(), queries };
  } finally {
    recording = null;
  }
}

export type BenchDatabase = { prisma: PrismaClient; sql: pg.Client; dispose(): Promise<void> };

/**
 * A migrated throwaway database; its Prisma client becomes the app's
 * (src/server/db/client.ts keeps it on globalThis), so the services' queries
 * are the ones captured.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const database = await createThrowawayDatabase({ label: "bench" });
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url }),
    log: [{ emit: "event", level: "query" }],
  });
  prisma.$on("query", (event) => recording?.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  (globalThis as { prisma?: unknown }).prisma = prisma;
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  return {
    prisma,
    sql,
    async dispose() {
      await prisma.$disconnect();
      await sql.end();
      await database.dispose();
    },
  };
}

/** Runs `statements` in one transaction: the generated data appears whole or not at all. */
export async function generateInTransaction(sql: pg.Client, statements: string[]): Promise<number> {
  const started = performance.now();
  await sql.query("BEGIN");
  try {
    for (const statement of statements) await sql.query(statement);
    await sql.query("COMMIT");
  } catch (error) {
    await sql.query("ROLLBACK");
    throw error;
  }
  // As autovacuum would leave them: statistics and visibility map up to date.
  await sql.query("VACUUM ANALYZE");
  return (performance.now() - started) / 1000;
}

/** Milliseconds of RUNS runs of `run` after WARM_UP unmeasured ones, sorted. */
async function timed(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function ms(value: number): string {
  return value.toLocaleString("it-IT", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

/** The watched tables the planner reads whole (sequential scans) for this statement. */
async function sequentialScans(sql: pg.Client, query: CapturedQuery): Promise<string[]> {
  const { rows } = await sql.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params);
  const tables = new Set<string>();
  const visit = (node: PlanNode) => {
    const table = node["Relation Name"];
    if (node["Node Type"] === "Seq Scan" && table && WATCHED_TABLES.has(table)) tables.add(table);
    node.Plans?.forEach(visit);
  };
  const plan = rows[0]?.["QUERY PLAN"][0].Plan;
  if (plan) visit(plan);
  return [...tables];
}

async function printPlan(sql: pg.Client, title: string, query: CapturedQuery): Promise<void> {
  const { rows } = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params);
  console.log(`\n${title}\n${query.sql}\n${JSON.stringify(query.params)}`);
  for (const row of rows) console.log(`  ${row["QUERY PLAN"]}`);
}

export type BenchCase<T> = {
  label: string;
  run: () => Promise<T>;
  /** What the page says of the rows found ("1.234", "più di 10.000"). */
  total?(result: T): string;
  /** Throws when the result shows the case did not measure what it says (a cursor refused…). */
  check?(result: T): void;
};

/**
 * Measures the cases one after the other and prints a row for each: the
 * service call's median and 95th percentile, the same of the SQL statements
 * it sent run in sequence through node-postgres, and the watched tables read
 * whole. Ends with the cases over the target and every sequential scan;
 * BENCH_EXPLAIN=1 prints the plans (EXPLAIN ANALYZE, BUFFERS).
 */
export async function measureCases(sql: pg.Client, cases: BenchCase<unknown>[], targetMs = TARGET_MS): Promise<void> {
  console.log(
    `Tempi in ms su ${RUNS} esecuzioni dopo ${WARM_UP} di riscaldamento. app: la chiamata del servizio; ` +
      "SQL: le stesse istruzioni che Prisma invia (quante tra parentesi), una dopo l'altra con node-postgres.",
  );
  console.log(
    [
      "caso".padEnd(LABEL_WIDTH),
      "totale".padStart(14),
      "app med".padStart(8),
      "app p95".padStart(8),
      "SQL med".padStart(12),
      "SQL p95".padStart(8),
      "  scansioni sequenziali",
    ].join(" "),
  );
  const slow: string[] = [];
  const scanned: string[] = [];
  const plans: { label: string; queries: CapturedQuery[] }[] = [];
  for (const bench of cases) {
    const { result, queries } = await capture(bench.run);
    bench.check?.(result);
    const app = await timed(bench.run);
    const raw = await timed(async () => {
      for (const query of queries) await sql.query(query.sql, query.params);
    });
    const scans = new Set<string>();
    for (const query of queries) for (const table of await sequentialScans(sql, query)) scans.add(table);
    const appP95 = percentile(app, 0.95);
    if (appP95 > targetMs) slow.push(`${bench.label} (${ms(appP95)} ms)`);
    if (scans.size > 0) scanned.push(`${bench.label}: ${[...scans].join(", ")}`);
    console.log(
      [
        bench.label.padEnd(LABEL_WIDTH),
        (bench.total?.(result) ?? "").padStart(14),
        ms(percentile(app, 0.5)).padStart(8),
        ms(appP95).padStart(8),
        `(${queries.length}) ${ms(percentile(raw, 0.5))}`.padStart(12),
        ms(percentile(raw, 0.95)).padStart(8),
        `  ${[...scans].join(", ") || "—"}`,
      ].join(" "),
    );
    plans.push({ label: bench.label, queries });
  }
  console.log(`\nOltre ${targetMs} ms (app p95): ${slow.length > 0 ? slow.join("; ") : "nessun caso"}.`);
  console.log(`Scansioni sequenziali su ${[...WATCHED_TABLES].join(", ")}: ${scanned.length > 0 ? scanned.join("; ") : "nessuna"}.`);
  if (!EXPLAIN) return;
  for (const { label, queries } of plans) {
    for (const [index, query] of queries.entries()) await printPlan(sql, `── ${label}: istruzione ${index + 1}`, query);
  }
}

export const itNumber = (value: number) => value.toLocaleString("it-IT");
