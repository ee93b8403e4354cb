/**
 * `npm run bench:pages`: the signed-in pages under load, through the built
 * server (`next start`), beside the floor: /dev/pagina-minima of the same
 * build, one query and a 25-row table (served only with BENCH_FLOOR_PAGE=true).
 * Not a test: it prints figures and never fails on them.
 *
 * Needs a build (`npm run build`; built here when missing). Starts a
 * throwaway embedded PostgreSQL (migrated, reference and demo data loaded;
 * BENCH_PG_PORT or a free port), `next start` (BENCH_PORT or a free port),
 * gives a demo holder BENCH_PAGES_REQUESTS requests (default 6, sent through
 * the real route), and holds a session for the holder and for an operator of
 * the office they go to. Per page: the HTML's size and the SQL statements one
 * view sends (PostgreSQL logs them all meanwhile; BENCH_PAGES_SQL=1 prints
 * them, BENCH_PAGES_HTML=<folder> keeps the pages) and the server's CPU time
 * per view (100 views one after another: the figure a loaded machine disturbs
 * least), after a short load on every page so that none is timed cold; then
 * BENCH_PAGES_ROUNDS rounds (default 9) of autocannon, 10 connections for
 * BENCH_PAGES_SECONDS (default 2) per run, the floor run before and after every
 * page: requests per second, median and 95th percentile latency, the ratio to
 * the floor runs on either side, the main thread's CPU time per view and its
 * ratio to theirs, and the server's resident memory before and after each
 * round. Last, first-load JavaScript (gzip) of /accesso, /cassetto/richieste
 * and the floor: the scripts their HTML loads.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "../../src/server/db/create-client";
import { createThrowawayDatabase, freePort } from "../../src/server/db/throwaway-database";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { percentile, sizeFromEnv } from "./support/numbers";
import { ensureBuild, sessionCookie, startBuiltServer, tearDown } from "./support/server";

const SECONDS = sizeFromEnv("BENCH_PAGES_SECONDS", 2);
const REQUESTS = sizeFromEnv("BENCH_PAGES_REQUESTS", 6);
const CONNECTIONS = 10;
const ROUNDS = sizeFromEnv("BENCH_PAGES_ROUNDS", 9);
/** Seconds of load per page before anything is timed: the first views of a page run cold code. */
const WARM_UP_SECONDS = 1;
/** Views one after another per page when counting its SQL statements. */
const COUNTED_VIEWS = 10;
/** Views one after another per page when measuring the server's CPU time per view. */
const TIMED_VIEWS = 100;
/** BENCH_PAGES_SQL=1 prints the statements of one view of each page. */
const SHOW_SQL = process.env.BENCH_PAGES_SQL === "1";
/** BENCH_PAGES_HTML=<folder> keeps the HTML of each page there. */
const HTML_DIR = process.env.BENCH_PAGES_HTML;
/** The demo holder (one position, the TITOLARE profile only) and the text of their requests. */
const HOLDER = "RSSMRA78E14H501S";
const TEXT = "Chiedo la verifica del versamento di marzo, non abbinato alla matricola della ditta.";

type Page = { label: string; path: string; cookie?: string; list?: boolean };
type Run = { perSecond: number; p50: number; p95: number; errors: number; mainThreadMs: number };

/**
 * CPU time (user + system) the server's main thread has used, in ms (Linux
 * /proc; clock ticks of 10 ms): the JavaScript thread that renders the pages.
 */
function mainThreadCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * autocannon at CONNECTIONS connections for SECONDS on one page; latencies of
 * every answer, errors = not 2xx, and the main thread's CPU time per answer:
 * under load that thread is what runs out first, and its time per view moves
 * far less than req/s with what else the machine is doing.
 */
function load(baseUrl: string, page: Page, serverPid: number, seconds = SECONDS): Promise<Run> {
  const mainThreadBefore = mainThreadCpuMs(serverPid);
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url: `${baseUrl}${page.path}`, connections: CONNECTIONS, duration: seconds, headers: page.cookie ? { cookie: page.cookie } : {} },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          perSecond: result["2xx"] / result.duration,
          p50: percentile(latencies, 0.5),
          p95: percentile(latencies, 0.95),
          errors: result.non2xx + result.errors + result.timeouts,
          mainThreadMs: (mainThreadCpuMs(serverPid) - mainThreadBefore) / Math.max(1, result["2xx"]),
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, time: number) => latencies.push(time));
  });
}

/** One view of a page: its HTML, which must be the page itself (200, no redirect to a sign-in). */
async function view(baseUrl: string, page: Page): Promise<string> {
  const response = await fetch(`${baseUrl}${page.path}`, { headers: page.cookie ? { cookie: page.cookie } : {}, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${page.path}: HTTP ${response.status} ${response.headers.get("location") ?? ""}`);
  return html;
}

/** The anti-forgery cookie a sign-in page has next-auth set (it redirects there and back without one). */
async function csrfCookie(baseUrl: string, signInPath: string): Promise<string> {
  const first = await fetch(`${baseUrl}${signInPath}`, { redirect: "manual" });
  await first.arrayBuffer();
  const response = await fetch(new URL(first.headers.get("location") ?? signInPath, baseUrl), { redirect: "manual" });
  await response.arrayBuffer();
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** The processes a process started (Linux /proc); none once it has exited. */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident memory of the server and its children, in MB (Linux /proc). */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024 + childPids(pid).reduce((sum, child) => sum + residentMb(child), 0);
}

/**
 * CPU time (user + system) a process and its children have used, in ms (Linux
 * /proc; clock ticks of 10 ms): the live children's, and the exited ones'
 * (a database connection the pool closed) that the process has reaped.
 */
function cpuMs(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces: utime, stime, cutime and cstime are the 12th to 15th.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const own = fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0) * 10;
  return own + childPids(pid).reduce((sum, child) => sum + cpuMs(child), 0);
}

/**
 * The CPU time per view of a page, over TIMED_VIEWS views one after another,
 * of the server and of the database (its connections are long-lived children
 * of the postmaster): what a view costs, much less sensitive than req/s to
 * what else runs on the machine. Both run on the same cores, so their sum
 * bounds the req/s.
 */
async function cpuPerView(
  serverPid: number,
  databasePid: number,
  baseUrl: string,
  page: Page,
): Promise<{ server: number; database: number }> {
  const [server, database] = [cpuMs(serverPid), cpuMs(databasePid)];
  for (let index = 0; index < TIMED_VIEWS; index++) await view(baseUrl, page);
  return { server: (cpuMs(serverPid) - server) / TIMED_VIEWS, database: (cpuMs(databasePid) - database) / TIMED_VIEWS };
}

/** The PostgreSQL postmaster's process id: the first line of postmaster.pid in the data directory. */
async function postmasterPid(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ data_directory: string }>("SHOW data_directory");
  return Number(readFileSync(path.join(rows[0]!.data_directory, "postmaster.pid"), "utf8").split("\n")[0]);
}

/** The embedded PostgreSQL's log (next to its cluster folder, src/server/db/embedded-postgres.ts). */
async function statementLogFile(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ data_directory: string }>("SHOW data_directory");
  return path.join(path.dirname(rows[0]!.data_directory), "postgres.log");
}

/** Every statement logged (log_statement = all) or none: on only while counting, the log costs time. */
async function logStatements(pool: pg.Pool, on: boolean): Promise<void> {
  await pool.query(on ? "ALTER SYSTEM SET log_statement = 'all'" : "ALTER SYSTEM RESET log_statement");
  await pool.query("SELECT pg_reload_conf()");
  // Each session reads the new setting before its next statement; the signal takes a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** The SQL statements (BEGIN, COMMIT and ROLLBACK left out) one view of the page sends, on average over COUNTED_VIEWS views. */
async function queriesPerView(logFile: string, baseUrl: string, page: Page): Promise<number> {
  const start = statSync(logFile).size;
  for (let index = 0; index < COUNTED_VIEWS; index++) await view(baseUrl, page);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const logged = readFileSync(logFile).subarray(start).toString("utf8");
  const statements = [...logged.matchAll(/LOG:\s+(?:statement|execute [^:]*): (?!BEGIN|COMMIT|ROLLBACK)(.*)/g)].map((match) => match[1]!);
  if (SHOW_SQL)
    for (const statement of statements.slice(0, statements.length / COUNTED_VIEWS)) console.log(`    ${statement.slice(0, 200)}`);
  return statements.length / COUNTED_VIEWS;
}

/**
 * First-load JavaScript of a page, gzipped, in KB: every script of the build
 * its HTML names, as a tag or in the RSC payload (the client components'
 * chunks), but the polyfills of `nomodule` tags, which current browsers skip.
 */
function firstLoadJsKb(html: string): number {
  const skipped = new Set(
    [...html.matchAll(/<script\b[^>]*\bnomodule\b[^>]*\bsrc="\/_next\/(static\/[^"]+\.js)"/gi)].map((match) => match[1]),
  );
  const sources = new Set(
    [...html.matchAll(/\/_next\/(static\/[\w./-]+\.js)/g)].map((match) => match[1]!).filter((src) => !skipped.has(src)),
  );
  let bytes = 0;
  for (const source of sources) bytes += gzipSync(readFileSync(path.resolve(".next", source)), { level: 9 }).length;
  return bytes / 1024;
}

const kb = (html: string) => Buffer.byteLength(html) / 1024;

async function main(): Promise<void> {
  ensureBuild();
  const pgPort = process.env.BENCH_PG_PORT ? sizeFromEnv("BENCH_PG_PORT", 1) : undefined;
  const database = await createThrowawayDatabase({ label: "pages", port: pgPort });
  const dataDir = await mkdtemp(path.join(tmpdir(), "cb-bench-pages-"));
  const prisma = createPrismaClient(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  let server: Awaited<ReturnType<typeof startBuiltServer>> | undefined;
  try {
    await seedDatabase(prisma, { includeDemo: true });
    const holder = await prisma.person.findUniqueOrThrow({
      where: { codiceFiscale: HOLDER },
      include: { positions: { take: 1 } },
    });
    const position = holder.positions[0]!;
    const subject = await prisma.subject.findFirstOrThrow({
      where: { gestione: position.gestione, parentId: { not: null }, active: true },
      orderBy: { code: "asc" },
    });
    const operator = await prisma.operator.findFirstOrThrow({ where: { officeId: position.officeId, role: "OPERATORE", active: true } });
    const secret = randomBytes(48).toString("base64url");
    const holderCookie = await sessionCookie(prisma, secret, { personId: holder.id });
    const operatorCookie = await sessionCookie(prisma, secret, { operatorId: operator.id });

    const port = process.env.BENCH_PORT ? sizeFromEnv("BENCH_PORT", 1) : await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = await startBuiltServer({
      port,
      databaseUrl: database.url,
      dataDir,
      secret,
      extra: {
        BENCH_FLOOR_PAGE: "true",
      },
    });

    let requestId = "";
    for (let index = 0; index < REQUESTS; index++) {
      const form = new FormData();
      form.set("idempotencyKey", randomUUID());
      form.set("subjectId", subject.id);
      form.set("text", TEXT);
      form.set("email", "titolare@example.it");
      form.set("consentEmail", "on");
      const response = await fetch(`${baseUrl}/api/cassetto/richieste?posizione=${position.id}`, {
        method: "POST",
        body: form,
        headers: { cookie: holderCookie, origin: baseUrl },
        redirect: "manual",
      });
      await response.arrayBuffer();
      const found = /\/cassetto\/richieste\/([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "");
      if (response.status !== 303 || !found) throw new Error(`Invio della richiesta non riuscito: HTTP ${response.status}`);
      requestId = found[1]!;
    }
    const quesito = await prisma.quesito.findFirstOrThrow({ where: { requestId } });

    const floor: Page = { label: "pagina minima (floor)", path: "/dev/pagina-minima" };
    const pages: Page[] = [
      floor,
      { label: "/cassetto", path: "/cassetto", cookie: holderCookie },
      { label: "/cassetto/richieste", path: "/cassetto/richieste", cookie: holderCookie, list: true },
      { label: "/cassetto/richieste/[id]", path: `/cassetto/richieste/${requestId}`, cookie: holderCookie },
      { label: "/fascicolo/quesiti", path: "/fascicolo/quesiti", cookie: operatorCookie, list: true },
      { label: "/fascicolo/quesiti/[id]", path: `/fascicolo/quesiti/${quesito.id}`, cookie: operatorCookie },
    ];

    console.log(
      `Pagine con accesso: ${holder.givenName} ${holder.familyName} (titolare, ${REQUESTS} richieste), ` +
        `${operator.givenName} ${operator.familyName} (operatore della sede); ${CONNECTIONS} connessioni, ${SECONDS} s per pagina, ${ROUNDS} giri.`,
    );
    console.log(`${"pagina".padEnd(26)} ${"HTML".padStart(8)}  query/vista  CPU/vista: server + database = totale`);
    const logFile = await statementLogFile(pool);
    const counted = new Map<Page, { size: number; queries: number }>();
    await logStatements(pool, true);
    for (const page of pages) {
      const html = await view(baseUrl, page);
      if (HTML_DIR) writeFileSync(path.join(HTML_DIR, `${page.label.replace(/\W+/g, "_")}.html`), html);
      counted.set(page, { size: kb(html), queries: await queriesPerView(logFile, baseUrl, page) });
    }
    await logStatements(pool, false);
    for (const page of pages) await load(baseUrl, page, server.pid!, WARM_UP_SECONDS);
    const databasePid = await postmasterPid(pool);
    let floorCpu = { server: 0, total: 0 };
    for (const page of pages) {
      const { size, queries } = counted.get(page)!;
      const cpu = await cpuPerView(server.pid!, databasePid, baseUrl, page);
      const total = cpu.server + cpu.database;
      if (page === floor) floorCpu = { server: cpu.server, total };
      const over = page.list && size > 30 ? "  (oltre 30 KB)" : "";
      console.log(
        `${page.label.padEnd(26)} ${size.toFixed(1).padStart(5)} KB  ${queries.toFixed(1).padStart(5)}        ` +
          `${cpu.server.toFixed(1).padStart(5)} ms (${(cpu.server / floorCpu.server).toFixed(2)}×) + ${cpu.database.toFixed(1).padStart(4)} ms = ` +
          `${total.toFixed(1).padStart(5)} ms (${(total / floorCpu.total).toFixed(2)}× il floor)${over}`,
      );
    }

    const rssBefore = residentMb(server.pid!);
    console.log(`\nMemoria residente del server prima dei giri: ${rssBefore.toFixed(0)} MB`);
    const rssAfter: number[] = [];
    const measured = pages.filter((page) => page !== floor);
    const ratios = new Map<Page, number[]>(measured.map((page) => [page, []]));
    const mainThreadRatios = new Map<Page, number[]>(measured.map((page) => [page, []]));
    const printRun = (label: string, run: Run, ratio: string) =>
      console.log(
        `  ${label.padEnd(26)} ${run.perSecond.toFixed(0).padStart(5)} req/s  p50 ${run.p50.toFixed(0).padStart(4)} ms  ` +
          `p95 ${run.p95.toFixed(0).padStart(4)} ms  thread principale ${run.mainThreadMs.toFixed(1).padStart(4)} ms/vista${ratio}` +
          `${run.errors ? `  errori ${run.errors}` : ""}`,
      );
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`Giro ${round}:`);
      // The machine drifts within seconds: each page is compared with the floor runs just before and just after it.
      let floorBefore = await load(baseUrl, floor, server.pid!);
      printRun(floor.label, floorBefore, "");
      for (const page of measured) {
        const run = await load(baseUrl, page, server.pid!);
        const floorAfter = await load(baseUrl, floor, server.pid!);
        const floorPerSecond = (floorBefore.perSecond + floorAfter.perSecond) / 2;
        const floorMainThreadMs = (floorBefore.mainThreadMs + floorAfter.mainThreadMs) / 2;
        const ratio = run.perSecond / floorPerSecond;
        // The floor's main-thread time per view over the page's: the req/s ratio the thread alone would allow.
        const mainThreadRatio = floorMainThreadMs / run.mainThreadMs;
        ratios.get(page)!.push(ratio);
        mainThreadRatios.get(page)!.push(mainThreadRatio);
        printRun(page.label, run, `  ${ratio.toFixed(2)}× il floor (req/s), ${mainThreadRatio.toFixed(2)}× (thread)`);
        printRun(floor.label, floorAfter, "");
        floorBefore = floorAfter;
      }
      rssAfter.push(residentMb(server.pid!));
      console.log(`  memoria residente dopo il giro: ${rssAfter.at(-1)!.toFixed(0)} MB`);
    }
    // One run's figures move by a third on a shared machine: the median of the rounds' ratios is the figure to compare.
    console.log(
      "Rapporto al floor (le sue corse prima e dopo la pagina), mediana dei giri (min–max): req/s; tempo del thread principale per vista (floor / pagina)",
    );
    const medianOf = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `${percentile(sorted, 0.5).toFixed(2)}× (${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)})`;
    };
    for (const page of measured) {
      console.log(`  ${page.label.padEnd(26)} ${medianOf(ratios.get(page)!).padEnd(20)} ${medianOf(mainThreadRatios.get(page)!)}`);
    }
    const drift = (rssAfter.at(-1)! / rssAfter[0]! - 1) * 100;
    console.log(
      `Memoria: ${rssBefore.toFixed(0)} MB prima, ${rssAfter.map((mb) => mb.toFixed(0)).join(" → ")} MB dopo ciascun giro ` +
        `(${drift >= 0 ? "+" : ""}${drift.toFixed(1)} % dal primo giro all'ultimo).`,
    );

    console.log("\nJavaScript al primo caricamento (gzip):");
    const signIn: Page = { label: "/accesso", path: "/accesso", cookie: await csrfCookie(baseUrl, "/accesso") };
    for (const page of [signIn, pages[2]!, floor]) {
      console.log(
        `  ${page.label.padEnd(26)} ${firstLoadJsKb(await view(baseUrl, page))
          .toFixed(1)
          .padStart(6)} KB`,
      );
    }
  } finally {
    await tearDown({ server, pool, prisma, database, dataDir });
  }
}

await main();
