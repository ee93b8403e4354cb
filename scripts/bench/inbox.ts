/**
 * `npm run bench:inbox`: how fast an intermediary's request list (F06,
 * `listRequests`) answers with BENCH_CLIENTS delegating clients (default
 * 2,000) and BENCH_REQUESTS requests of theirs (default 50,000), beside the
 * time PostgreSQL alone takes for the same SQL. Not a test: it prints figures
 * and never fails on them.
 *
 * Starts a throwaway embedded PostgreSQL (migrated), loads the reference data
 * (seed, no demo people) and generates in SQL: the clients, with one or two
 * positions each and an active INTERMEDIARIO delegation to the intermediary
 * measured; a quarter as many other holders, whose delegations to that
 * intermediary are revoked, expired or of the DIPENDENTE kind, or who
 * delegate other intermediaries, with a quarter as many requests again; the
 * requests spread unevenly over the positions and over three years, a few of
 * them communications from the office (without a quesito), the quesiti in
 * every state. Then, for each case, BENCH_RUNS runs (default 30, after 5 of
 * warm-up) of `listRequests` through the application, and as many of the SQL
 * statements it sends (captured from Prisma's query events) straight through
 * node-postgres. BENCH_EXPLAIN=1 also prints the plans of the page and count
 * statements (EXPLAIN ANALYZE, BUFFERS). Everything is removed at the end.
 *
 * Run with the `react-server` condition, as Next runs server code, so that
 * the services' `import "server-only"` resolves.
 */
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { createThrowawayDatabase } from "../../src/server/db/throwaway-database";
import type { ContributorActor } from "../../src/server/identity/actor";
import { encodeCursor, listRequests, parseRequestListQuery, requestListWhere } from "../../src/server/requests/list-requests";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { sizeFromEnv } from "./support";

const CLIENTS = sizeFromEnv("BENCH_CLIENTS", 2000);
const REQUESTS = sizeFromEnv("BENCH_REQUESTS", 50_000);
const RUNS = sizeFromEnv("BENCH_RUNS", 30);
const WARM_UP = 5;
const EXPLAIN = process.env.BENCH_EXPLAIN === "1";
const OTHER_CLIENTS = Math.ceil(CLIENTS / 4);
const OTHER_REQUESTS = Math.ceil(REQUESTS / 4);
const OTHER_INTERMEDIARIES = 4;
const LABEL_WIDTH = 42;

const GIVEN_NAMES = [
  "Mario",
  "Giulia",
  "Luca",
  "Francesca",
  "Marco",
  "Sara",
  "Paolo",
  "Elena",
  "Andrea",
  "Chiara",
  "Giuseppe",
  "Anna",
  "Antonio",
  "Laura",
  "Giovanni",
  "Valentina",
  "Roberto",
  "Silvia",
  "Stefano",
  "Federica",
  "Alessandro",
  "Martina",
  "Davide",
  "Alessia",
  "Matteo",
  "Elisa",
  "Simone",
  "Roberta",
  "Fabio",
  "Claudia",
  "Daniele",
  "Monica",
  "Riccardo",
  "Paola",
  "Lorenzo",
  "Barbara",
  "Emanuele",
  "Serena",
  "Nicola",
  "Ilaria",
];
const FAMILY_NAMES = [
  "Rossi",
  "Russo",
  "Ferrari",
  "Esposito",
  "Bianchi",
  "Romano",
  "Colombo",
  "Ricci",
  "Marino",
  "Greco",
  "Bruno",
  "Gallo",
  "Conti",
  "De Luca",
  "Mancini",
  "Costa",
  "Giordano",
  "Rizzo",
  "Lombardi",
  "Moretti",
  "Barbieri",
  "Fontana",
  "Santoro",
  "Mariani",
  "Rinaldi",
  "Caruso",
  "Ferrara",
  "Galli",
  "Martini",
  "Leone",
  "Longo",
  "Gentile",
  "Martinelli",
  "Vitale",
  "Lombardo",
  "Serra",
  "Coppola",
  "De Santis",
  "D'Angelo",
  "Marchetti",
  "Parisi",
  "Villa",
  "Conte",
  "Ferraro",
  "Ferri",
  "Fabbri",
  "Bianco",
  "Marini",
  "Grasso",
  "Valentini",
];

/** The statements that generate the data, with the sizes and `now` (as UTC, like Prisma's timestamps) written in. */
function generation(now: Date, literal: (text: string) => string): string[] {
  const at = `${literal(now.toISOString())}::timestamp`;
  const names = (list: string[]) => `ARRAY[${list.map(literal).join(", ")}]`;
  return [
    `SELECT setseed(0.42)`,
    // Holders 1..CLIENTS delegate to the intermediary measured; the others do not, or no longer.
    `CREATE TEMP TABLE bench_holder ON COMMIT DROP AS
     SELECT n, n <= ${CLIENTS} AS delegated, gen_random_uuid() AS id
     FROM generate_series(1, ${CLIENTS + OTHER_CLIENTS}) AS n`,
    `INSERT INTO "Person" (id, "codiceFiscale", "givenName", "familyName")
     SELECT id, 'CLIENTE' || lpad(n::text, 9, '0'),
            (${names(GIVEN_NAMES)})[1 + n % ${GIVEN_NAMES.length}],
            (${names(FAMILY_NAMES)})[1 + (n / ${GIVEN_NAMES.length}) % ${FAMILY_NAMES.length}]
     FROM bench_holder`,
    // Intermediary 0 is the one measured.
    `CREATE TEMP TABLE bench_intermediary ON COMMIT DROP AS
     SELECT n, gen_random_uuid() AS id FROM generate_series(0, ${OTHER_INTERMEDIARIES}) AS n`,
    `INSERT INTO "Person" (id, "codiceFiscale", "givenName", "familyName")
     SELECT id, 'INTERMED' || lpad(n::text, 8, '0'), 'Studio', 'Intermediario ' || n FROM bench_intermediary`,
    // One position per holder, a second one in another gestione for every third.
    `CREATE TEMP TABLE bench_position ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, h.n, k, h.id AS holder_id, h.delegated,
            (enum_range(NULL::"Gestione"))[1 + (h.n + k) % 4] AS gestione,
            row_number() OVER (PARTITION BY h.delegated ORDER BY random()) AS i
     FROM bench_holder h CROSS JOIN generate_series(0, 1) AS k
     WHERE k = 0 OR h.n % 3 = 0`,
    `INSERT INTO "Position" (id, gestione, matricola, denominazione, province, "holderId", "officeId")
     SELECT p.id, p.gestione, (5000000000 + p.n * 2 + p.k)::text, person."familyName" || ' ' || person."givenName",
            c.province, p.holder_id, c."officeId"
     FROM bench_position p
     JOIN "Person" person ON person.id = p.holder_id
     JOIN (SELECT province, "officeId", row_number() OVER (ORDER BY province) AS i, count(*) OVER () AS total
           FROM "OfficeCompetence") c ON c.i = 1 + p.n % c.total`,
    // The other holders' delegations to intermediary 0 are revoked, expired or
    // of the DIPENDENTE kind (and they delegate another intermediary too), or
    // they delegate another intermediary only.
    `CREATE TEMP TABLE bench_delegation ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, h.id AS holder_id,
            CASE WHEN h.delegated OR h.n % 5 < 3 THEN 0 ELSE 1 + h.n % ${OTHER_INTERMEDIARIES} END AS delegate_n,
            CASE WHEN NOT h.delegated AND h.n % 5 = 2 THEN 'DIPENDENTE' ELSE 'INTERMEDIARIO' END AS kind,
            CASE WHEN NOT h.delegated AND h.n % 5 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END AS status,
            CASE WHEN h.delegated AND h.n % 10 = 0 THEN ${at} + interval '1 year'
                 WHEN NOT h.delegated AND h.n % 5 = 1 THEN ${at} - interval '30 days' END AS valid_to
     FROM bench_holder h
     UNION ALL
     SELECT gen_random_uuid(), h.id, 1 + h.n % ${OTHER_INTERMEDIARIES}, 'INTERMEDIARIO', 'ACTIVE', NULL
     FROM bench_holder h WHERE NOT h.delegated AND h.n % 5 < 3`,
    `INSERT INTO "Delegation" (id, kind, status, "holderId", "delegateId", "validFrom", "validTo",
                               "revokedAt", "revokedReason", "updatedAt")
     SELECT d.id, d.kind::"DelegationKind", d.status::"DelegationStatus", d.holder_id, i.id,
            ${at} - interval '4 years', d.valid_to,
            CASE WHEN d.status = 'REVOKED' THEN ${at} - interval '60 days' END,
            CASE WHEN d.status = 'REVOKED' THEN 'Mandato concluso' END, ${at}
     FROM bench_delegation d JOIN bench_intermediary i ON i.n = d.delegate_n`,
    `INSERT INTO "DelegationScope" ("delegationId", "positionId")
     SELECT d.id, p.id FROM bench_delegation d JOIN bench_position p ON p.holder_id = d.holder_id`,
    // Requests 1..REQUESTS on the delegating clients' positions, the others on
    // the other holders'; positions drawn unevenly (a few clients, at random, write much more).
    `CREATE TEMP TABLE bench_request ON COMMIT DROP AS
     WITH subjects AS (
       SELECT gestione, array_agg(id ORDER BY code) AS ids FROM "Subject" WHERE "parentId" IS NOT NULL GROUP BY gestione
     ), positions AS (
       SELECT delegated, count(*) AS total FROM bench_position GROUP BY delegated
     ), draws AS (
       SELECT j, j <= ${REQUESTS} AS delegated, random() AS pick, random() AS subject_draw, random() AS state_draw,
              random() < 0.03 AS from_office, ${at} - random() * interval '1095 days' AS created,
              random() * interval '120 days' AS activity
       FROM generate_series(1, ${REQUESTS + OTHER_REQUESTS}) AS j
     )
     SELECT gen_random_uuid() AS id, d.j, d.delegated, d.from_office, p.id AS position_id, p.holder_id,
            office.id AS office_id, office.code AS office_code,
            s.ids[1 + floor(d.subject_draw * cardinality(s.ids))::int] AS subject_id,
            d.created, least(d.created + d.activity, ${at}) AS last_activity,
            CASE WHEN d.state_draw >= 0.85 OR (d.created < ${at} - interval '120 days' AND d.state_draw < 0.9) THEN 'CHIUSO'
                 WHEN d.state_draw < 0.4 THEN 'NUOVO'
                 WHEN d.state_draw < 0.7 THEN 'IN_LAVORAZIONE'
                 ELSE 'IN_ATTESA_CONTRIBUENTE' END AS state
     FROM draws d
     JOIN positions c ON c.delegated = d.delegated
     JOIN bench_position p ON p.delegated = d.delegated AND p.i = 1 + floor(d.pick ^ 2 * c.total)::bigint
     JOIN "Position" position ON position.id = p.id
     JOIN "Office" office ON office.id = position."officeId"
     JOIN subjects s ON s.gestione = p.gestione`,
    // The intermediary sent most of their clients' requests, the holders the rest.
    `INSERT INTO "Request" (id, direction, "positionId", "subjectId", text, "submittedById", "actingProfile", "holderId",
                           "contactEmail", "consentEmail", "protocolNumber", "createdAt", "lastActivityAt")
     SELECT r.id, CASE WHEN r.from_office THEN 'DALLA_SEDE' ELSE 'DAL_CONTRIBUENTE' END::"RequestDirection",
            r.position_id, r.subject_id, 'Richiesta di prova numero ' || r.j || ': chiedo chiarimenti sulla posizione.',
            CASE WHEN r.from_office THEN NULL WHEN r.delegated AND r.j % 10 < 7 THEN i.id ELSE r.holder_id END,
            CASE WHEN r.from_office THEN NULL
                 WHEN r.delegated AND r.j % 10 < 7 THEN 'INTERMEDIARIO' ELSE 'TITOLARE' END::"ActingProfile",
            r.holder_id, 'contribuente' || r.j || '@example.it', true,
            'INPS.' || r.office_code || '.' || to_char(r.created, 'DD/MM/YYYY') || '.' || lpad(r.j::text, 7, '0'),
            r.created, r.last_activity
     FROM bench_request r JOIN bench_intermediary i ON i.n = 0`,
    `INSERT INTO "Quesito" (id, "requestId", "officeId", state, esito, "receivedAt", "takenAt", "closedAt", "updatedAt")
     SELECT gen_random_uuid(), r.id, r.office_id, r.state::"QuesitoState",
            CASE WHEN r.state = 'CHIUSO' THEN 'RISPOSTA_FORNITA'::"Esito" END, r.created,
            CASE WHEN r.state <> 'NUOVO' THEN least(r.created + interval '2 days', r.last_activity) END,
            CASE WHEN r.state = 'CHIUSO' THEN r.last_activity END, r.last_activity
     FROM bench_request r WHERE NOT r.from_office`,
  ];
}

/** Loads the reference data and generates the rest; returns the intermediary measured and their first client. */
async function loadData(prisma: PrismaClient, sql: pg.Client, now: Date) {
  await seedDatabase(prisma, { includeDemo: false });
  await sql.query("BEGIN");
  try {
    for (const statement of generation(now, (text) => sql.escapeLiteral(text))) await sql.query(statement);
    await sql.query("COMMIT");
  } catch (error) {
    await sql.query("ROLLBACK");
    throw error;
  }
  // As autovacuum would leave them: statistics and visibility map up to date.
  await sql.query("VACUUM ANALYZE");
  const intermediary = await prisma.person.findUniqueOrThrow({ where: { codiceFiscale: "INTERMED00000000" } });
  const client = await prisma.person.findUniqueOrThrow({ where: { codiceFiscale: "CLIENTE000000001" } });
  return { intermediary, client };
}

type CapturedQuery = { sql: string; params: unknown[] };

/** The queries the Prisma client sends while `recording` is set. */
let recording: CapturedQuery[] | null = null;

async function capture<T>(run: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const queries: CapturedQuery[] = [];
  recording = queries;
  try {
    return { result: await run(), queries };
  } finally {
    recording = null;
  }
}

/**
 * The queries of one listRequests call: the page and the count of requests,
 * and the others (gestione labels, the page's related rows).
 */
function splitQueries(queries: CapturedQuery[]): { page: CapturedQuery; count: CapturedQuery; others: CapturedQuery[] } {
  const onRequests = queries.filter((query) => query.sql.includes(`FROM "public"."Request"`));
  const count = onRequests.find((query) => /\bCOUNT\(/i.test(query.sql));
  const page = onRequests.find((query) => query !== count);
  if (!page || !count || onRequests.length !== 2) {
    throw new Error(`Attese 2 istruzioni SQL su "Request" (pagina e conteggio), trovate ${onRequests.length}.`);
  }
  return { page, count, others: queries.filter((query) => query !== page && query !== count) };
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

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length))) - 1] ?? Number.NaN;
}

function ms(value: number): string {
  return value.toLocaleString("it-IT", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

/** The tables the planner reads whole (sequential scans) for this statement. */
async function sequentialScans(sql: pg.Client, query: CapturedQuery): Promise<string[]> {
  const { rows } = await sql.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params);
  const tables = new Set<string>();
  const visit = (node: PlanNode) => {
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) tables.add(node["Relation Name"]);
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

/**
 * The row at `fraction` of the actor's default list (latest activity first),
 * its number and the `dopo` cursor listRequests writes for it (`encodeCursor`).
 */
async function cursorAt(prisma: PrismaClient, actor: ContributorActor, now: Date, fraction: number) {
  const where = requestListWhere(actor, parseRequestListQuery({}), now);
  const row = Math.floor((await prisma.request.count({ where })) * fraction);
  const [found] = await prisma.request.findMany({
    where,
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    skip: row,
    take: 1,
    select: { id: true, createdAt: true, lastActivityAt: true, protocolNumber: true },
  });
  if (!found) throw new Error("L'intermediario non ha richieste: dati non generati?");
  return { row: row + 1, cursor: encodeCursor(found, "aggiornamento") };
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const DAY_MS = 24 * 60 * 60 * 1000;

async function main(): Promise<void> {
  const database = await createThrowawayDatabase({ label: "bench" });
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url }),
    log: [{ emit: "event", level: "query" }],
  });
  prisma.$on("query", (event) => recording?.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  // The services reach the database through the app's client (src/server/db/client.ts),
  // which is the one kept on globalThis: this one, which reports its queries.
  (globalThis as { prisma?: unknown }).prisma = prisma;
  const sql = new pg.Client({ connectionString: database.url });
  try {
    await sql.connect();
    const now = new Date();
    const loadStarted = performance.now();
    const { intermediary, client } = await loadData(prisma, sql, now);
    const loadSeconds = ((performance.now() - loadStarted) / 1000).toLocaleString("it-IT", { maximumFractionDigits: 1 });
    const actor: ContributorActor = {
      kind: "contributor",
      personId: intermediary.id,
      codiceFiscale: intermediary.codiceFiscale,
      displayName: `${intermediary.givenName} ${intermediary.familyName}`,
      profile: "INTERMEDIARIO",
      availableProfiles: ["INTERMEDIARIO"],
    };
    const halfway = await cursorAt(prisma, actor, now, 0.5);
    const nearEnd = await cursorAt(prisma, actor, now, 0.99);
    const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
    const fullName = `${client.givenName} ${client.familyName}`;
    const cases: { label: string; query: Record<string, string> }[] = [
      { label: "prima pagina (ordine predefinito)", query: {} },
      { label: `pagina dopo la riga ${halfway.row.toLocaleString("it-IT")} (cursore)`, query: { dopo: halfway.cursor } },
      { label: `pagina dopo la riga ${nearEnd.row.toLocaleString("it-IT")} (cursore)`, query: { dopo: nearEnd.cursor } },
      { label: `cliente "${fullName}"`, query: { cliente: fullName } },
      { label: `cliente "${client.familyName}" (solo cognome)`, query: { cliente: client.familyName } },
      { label: 'stato "aperta"', query: { stato: "aperta" } },
      {
        label: "aperte in un mese di un anno fa",
        query: { apertaDal: day(yearAgo), apertaAl: day(new Date(yearAgo.getTime() + 30 * DAY_MS)) },
      },
    ];

    console.log(
      `Elenco richieste di un intermediario: ${CLIENTS.toLocaleString("it-IT")} clienti deleganti, ` +
        `${REQUESTS.toLocaleString("it-IT")} loro richieste, più ${OTHER_CLIENTS.toLocaleString("it-IT")} altri titolari ` +
        `con ${OTHER_REQUESTS.toLocaleString("it-IT")} richieste (dati generati in ${loadSeconds} s).`,
    );
    console.log(
      `Tempi in ms su ${RUNS} esecuzioni dopo ${WARM_UP} di riscaldamento. app: listRequests, mediana e 95° percentile; ` +
        "SQL: mediane delle stesse istruzioni che Prisma invia, eseguite con node-postgres (pagina, conteggio, " +
        "e in sequenza le altre: etichette delle gestioni e righe collegate, quante tra parentesi).",
    );
    const columns = [
      "caso".padEnd(LABEL_WIDTH),
      "totale".padStart(7),
      "app med".padStart(8),
      "app p95".padStart(8),
      "SQL pagina".padStart(11),
      "SQL conteggio".padStart(14),
      "SQL altre".padStart(13),
      "  scansioni sequenziali",
    ];
    console.log(columns.join(" "));
    const plans: { label: string; page: CapturedQuery; count: CapturedQuery }[] = [];
    for (const { label, query } of cases) {
      const { result, queries } = await capture(() => listRequests(actor, query, now));
      if (query.dopo && result.previousCursor === null) {
        throw new Error("listRequests non ha accettato il cursore scritto dal benchmark: formato cambiato?");
      }
      const statements = splitQueries(queries);
      const app = await timed(() => listRequests(actor, query, now));
      const page = await timed(() => sql.query(statements.page.sql, statements.page.params));
      const count = await timed(() => sql.query(statements.count.sql, statements.count.params));
      const others = await timed(async () => {
        for (const other of statements.others) await sql.query(other.sql, other.params);
      });
      const scans = [...new Set([...(await sequentialScans(sql, statements.page)), ...(await sequentialScans(sql, statements.count))])];
      console.log(
        [
          label.padEnd(LABEL_WIDTH),
          result.total.toLocaleString("it-IT").padStart(7),
          ms(percentile(app, 0.5)).padStart(8),
          ms(percentile(app, 0.95)).padStart(8),
          ms(percentile(page, 0.5)).padStart(11),
          ms(percentile(count, 0.5)).padStart(14),
          `${ms(percentile(others, 0.5))} (${statements.others.length})`.padStart(13),
          `  ${scans.join(", ") || "—"}`,
        ].join(" "),
      );
      plans.push({ label, ...statements });
    }
    if (EXPLAIN) {
      for (const { label, page, count } of plans) {
        await printPlan(sql, `── ${label}: pagina`, page);
        await printPlan(sql, `── ${label}: conteggio`, count);
      }
    }
  } finally {
    await prisma.$disconnect();
    await sql.end();
    await database.dispose();
  }
}

await main();
