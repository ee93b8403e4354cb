/**
 * `npm run bench:statistics`: how fast the response-time figures (F26,
 * `getResponseFigures`) answer with BENCH_QUESITI quesiti across the offices
 * (default 50,000; the target, 200 ms, is for 1,000,000), beside the time
 * PostgreSQL alone takes for the same SQL. Not a test: it prints figures and
 * never fails on them.
 *
 * Generates the data of the list benchmarks (support/list-data.ts), then
 * the instant of each quesito's first reply (up to 10 days after it was
 * taken, for those waiting for the contributor or closed) and a due date 30
 * days after reception on four quesiti in five. Measures a RESPONSABILE of the
 * office with the most quesiti and an ADMIN of all offices, over the default
 * 90 days and a year, with each filter. An ADMIN's all offices, and a year,
 * read the daily summary (decision 0036, amended twice): the worker's first
 * run (the last year) is made and timed before the cases, and its hourly run
 * (the last days again) is a case of its own. BENCH_RUNS and BENCH_EXPLAIN as in
 * support/measure.ts. Everything is removed at the end.
 *
 * Run with the `react-server` condition, as Next runs server code, so that
 * the services' `import "server-only"` resolves.
 */
import { performance } from "node:perf_hooks";
import type { OperatorRole } from "../../src/generated/prisma/enums";
import { addIsoDays, romeIsoDay } from "../../src/lib/rome-dates";
import type { OperatorActor } from "../../src/server/identity/actor";
import { getResponseFigures, type ResponseFigures } from "../../src/server/statistics/get-response-figures";
import { RESUMMARISED_DAYS, summariseResponseDays } from "../../src/server/statistics/summarise-response-days";
import { dataOrigin, loadListData } from "./support/list-data";
import { generateInTransaction, itNumber, measureCases, openBenchDatabase, type BenchCase } from "./support/measure";
import { percentile, sizeFromEnv } from "./support/numbers";

const QUESITI = sizeFromEnv("BENCH_QUESITI", 50_000);
// list-data: the measured clients' requests and a quarter as many others, 3% of them without a quesito.
const REQUESTS = Math.ceil(QUESITI / 1.25 / 0.97);
const CLIENTS = Math.max(100, Math.ceil(REQUESTS / 200));
/** The page must answer within this at 1M quesiti (issue 14). */
const TARGET_MS = 200;

/** What the workflow stamps on a quesito (first reply) and due dates; `now` as UTC, like Prisma's timestamps. */
function responseSteps(now: string): string[] {
  return [
    `SELECT setseed(0.36)`,
    // Replied to when waiting for the contributor or closed: up to 10 days after being taken, never after closing.
    `UPDATE "Quesito" SET
       "firstReplyAt" = CASE WHEN state IN ('IN_ATTESA_CONTRIBUENTE', 'CHIUSO')
                             THEN least(coalesce("closedAt", '${now}'::timestamp), "takenAt" + random() * interval '10 days') END,
       "dueAt" = CASE WHEN random() < 0.8 THEN "receivedAt" + interval '30 days' END`,
  ];
}

async function main(): Promise<void> {
  const { prisma, sql, dispose } = await openBenchDatabase();
  try {
    const now = new Date();
    const listSeconds = await loadListData(prisma, sql, { clients: CLIENTS, requests: REQUESTS, messages: REQUESTS }, now);
    // Data kept in BENCH_DATABASE_URL hold these steps once a run of this benchmark gave them (bench:inbox's do not).
    const stepped = await prisma.quesito.findFirst({ where: { firstReplyAt: { not: null } }, select: { id: true } });
    const stepSeconds = stepped ? 0 : await generateInTransaction(sql, responseSteps(now.toISOString()));
    const [largest] = await prisma.quesito.groupBy({
      by: ["officeId"],
      _count: { _all: true },
      orderBy: { _count: { officeId: "desc" } },
      take: 1,
    });
    if (!largest) throw new Error("Nessun quesito: dati non generati?");
    const actorOf = async (role: OperatorRole): Promise<OperatorActor> => {
      const row = await prisma.operator.findFirstOrThrow({
        where: { officeId: largest.officeId },
        orderBy: { codiceFiscale: "asc" },
        include: { office: true },
      });
      return {
        kind: "operator",
        operatorId: row.id,
        codiceFiscale: row.codiceFiscale,
        displayName: `${row.givenName} ${row.familyName}`,
        role,
        office: { id: row.office.id, code: row.office.code, name: row.office.name },
      };
    };
    const responsabile = await actorOf("RESPONSABILE");
    const admin = await actorOf("ADMIN");
    const sample = await prisma.quesito.findFirstOrThrow({
      where: { officeId: largest.officeId },
      orderBy: { receivedAt: "desc" },
      select: { request: { select: { position: { select: { gestione: true } }, subject: { select: { id: true, parentId: true } } } } },
    });
    // What the worker does once before an ADMIN's all-offices view reads the summary: every closed day of the last year.
    const summaryStarted = performance.now();
    const summarisedDays = await summariseResponseDays(prisma, now);
    const summarySeconds = (performance.now() - summaryStarted) / 1000;
    // As autovacuum would leave the new tables: statistics and visibility map up to date.
    await sql.query(
      `VACUUM ANALYZE "ResponseFiguresDay", "ResponseFiguresMonth", "ResponseFiguresGestioneDay", "ResponseFiguresGestioneMonth", "ResponseFiguresSummarisedDay"`,
    );
    const total = await prisma.quesito.count();
    const today = romeIsoDay(now);
    const year = { dal: addIsoDays(today, -365), al: today };
    const cases: { label: string; actor: OperatorActor; query: Record<string, string> }[] = [
      { label: "responsabile, ultimi 90 giorni", actor: responsabile, query: {} },
      { label: "responsabile, ultimo anno", actor: responsabile, query: year },
      { label: "responsabile, una gestione", actor: responsabile, query: { gestione: sample.request.position.gestione } },
      { label: "responsabile, un'area", actor: responsabile, query: { oggetto: sample.request.subject.parentId ?? "" } },
      { label: "responsabile, un oggetto, ultimo anno", actor: responsabile, query: { ...year, oggetto: sample.request.subject.id } },
      { label: "amministratore, tutte le sedi, 90 giorni", actor: admin, query: {} },
      { label: "amministratore, tutte le sedi, un anno", actor: admin, query: year },
      {
        label: "amministratore, tutte, una gestione, un anno",
        actor: admin,
        query: { ...year, gestione: sample.request.position.gestione },
      },
      {
        label: "amministratore, tutte, un'area, un anno",
        actor: admin,
        query: { ...year, oggetto: sample.request.subject.parentId ?? "" },
      },
      { label: "amministratore, una sede, 90 giorni", actor: admin, query: { sede: largest.officeId } },
    ];
    console.log(
      `Statistiche dei tempi di risposta: ${itNumber(total)} quesiti in tutte le sedi, ${itNumber(largest._count._all)} nella sede ` +
        `misurata (${responsabile.office.name}); ${dataOrigin(listSeconds === null ? null : listSeconds + stepSeconds)}` +
        `${listSeconds === null && stepSeconds > 0 ? `, risposte e scadenze aggiunte in ${itNumber(Math.round(stepSeconds))} s` : ""}. ` +
        `Riepilogo giornaliero di tutte le sedi: ${itNumber(summarisedDays)} giorni in ${itNumber(Math.round(summarySeconds))} s.\n`,
    );
    await measureCases(
      sql,
      cases.map(({ label, actor, query }): BenchCase<ResponseFigures> => ({
        label,
        targetMs: TARGET_MS,
        run: () => getResponseFigures(actor, query, now),
        total: (figures) => `${itNumber(figures.total.received)} ricevuti`,
      })),
    );
    // The job's hourly run, a transaction measureCases cannot replay: timed alone.
    const hourly: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      await summariseResponseDays(prisma, now);
      hourly.push(performance.now() - started);
    }
    console.log(
      `\nRiepilogo giornaliero, corsa oraria del worker (gli ultimi ${RESUMMARISED_DAYS} giorni di tutte le sedi): ` +
        `mediana ${itNumber(
          Math.round(
            percentile(
              hourly.sort((a, b) => a - b),
              0.5,
            ),
          ),
        )} ms su 5 corse.`,
    );
  } finally {
    await dispose();
  }
}

await main();
