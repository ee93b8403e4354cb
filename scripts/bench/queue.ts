/**
 * `npm run bench:queue`: how fast an office's work queue (F20,
 * `listOfficeQuesiti`) answers with BENCH_QUESITI quesiti across the offices
 * (default 50,000), beside the time PostgreSQL alone takes for the same SQL.
 * Not a test: it prints figures and never fails on them.
 *
 * Generates the data of the list benchmarks (support/list-data.ts), sized
 * for that many quesiti, and measures the queue of the office with the most
 * of them, for one of its operators: the default order, deep cursors, each
 * filter (state, assignment, gestione, subject, date range, search by
 * protocol, codice fiscale and matricola, due dates, and the text search over
 * BENCH_MESSAGES messages, default five a request, target 150 ms), the
 * combinations of filters that read another index, each order, and the
 * Scrivania's counts (decisions 0030, 0034, 0035). BENCH_RUNS and
 * BENCH_EXPLAIN as in support/measure.ts. Everything is removed at the end.
 *
 * Run with the `react-server` condition, as Next runs server code, so that
 * the services' `import "server-only"` resolves.
 */
import type { PrismaClient } from "../../src/generated/prisma/client";
import type { QuesitoState } from "../../src/generated/prisma/enums";
import { totalLabel } from "../../src/lib/capped-total";
import { encodeKeysetCursor } from "../../src/server/db/keyset";
import { countDeskQuesiti, type DeskCounts } from "../../src/server/quesiti/count-desk-quesiti";
import { listOfficeQuesiti, type OfficeQueue } from "../../src/server/quesiti/list-office-quesiti";
import { dataOrigin, loadListData } from "./support/list-data";
import { itNumber, measureCases, openBenchDatabase, type BenchCase } from "./support/measure";
import { sizeFromEnv } from "./support/numbers";
import { benchOperator } from "./support/operator";

const QUESITI = sizeFromEnv("BENCH_QUESITI", 50_000);
// list-data: the measured clients' requests and a quarter as many others, 3% of them without a quesito.
const REQUESTS = Math.ceil(QUESITI / 1.25 / 0.97);
const CLIENTS = Math.max(100, Math.ceil(REQUESTS / 200));
const MESSAGES = sizeFromEnv("BENCH_MESSAGES", REQUESTS * 5);

const day = (date: Date) => date.toISOString().slice(0, 10);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The quesito halfway down the office's queue in these states (oldest first), as a `dopo` cursor. */
async function cursorAtHalf(prisma: PrismaClient, officeId: string, states: QuesitoState[]) {
  const where = { officeId, state: { in: states } };
  const row = Math.floor((await prisma.quesito.count({ where })) / 2);
  const [found] = await prisma.quesito.findMany({
    where,
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    skip: row,
    take: 1,
    select: { id: true, receivedAt: true },
  });
  if (!found) throw new Error("La sede non ha quesiti: dati non generati?");
  return { row: row + 1, cursor: encodeKeysetCursor(found.receivedAt.toISOString(), found.id) };
}

async function main(): Promise<void> {
  const { prisma, sql, dispose } = await openBenchDatabase();
  try {
    const now = new Date();
    const seconds = await loadListData(prisma, sql, { clients: CLIENTS, requests: REQUESTS, messages: MESSAGES }, now);
    const [largest] = await prisma.quesito.groupBy({
      by: ["officeId"],
      _count: { _all: true },
      orderBy: { _count: { officeId: "desc" } },
      take: 1,
    });
    if (!largest) throw new Error("Nessun quesito: dati non generati?");
    const operator = await benchOperator(prisma, largest.officeId);
    const sample = await prisma.quesito.findFirstOrThrow({
      where: { officeId: operator.office.id },
      orderBy: { receivedAt: "desc" },
      select: {
        request: {
          select: {
            protocolNumber: true,
            position: { select: { gestione: true, matricola: true } },
            holder: { select: { codiceFiscale: true } },
            subject: { select: { id: true, parentId: true } },
          },
        },
      },
    });
    const total = await prisma.quesito.count();
    const middle = await cursorAtHalf(prisma, operator.office.id, ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE"]);
    const middleOfAll = await cursorAtHalf(prisma, operator.office.id, ["NUOVO", "IN_LAVORAZIONE", "IN_ATTESA_CONTRIBUENTE", "CHIUSO"]);
    const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
    const monthAfter = new Date(yearAgo.getTime() + 30 * DAY_MS);
    const protocol = sample.request.protocolNumber;
    const gestione = sample.request.position.gestione;
    const area = sample.request.subject.parentId ?? "";
    const cases: { label: string; query: Record<string, string>; targetMs?: number }[] = [
      { label: "prima pagina (da lavorare, meno recenti)", query: {} },
      { label: "seconda pagina (cursore)", query: { dopo: (await listOfficeQuesiti(operator, {})).nextCursor ?? "" } },
      { label: `dopo la riga ${itNumber(middle.row)} (cursore)`, query: { dopo: middle.cursor } },
      { label: `dopo la riga ${itNumber(middle.row)} di tutti (cursore)`, query: { stato: "tutti", dopo: middleOfAll.cursor } },
      { label: "dal più recente", query: { ordine: "piu_recenti" } },
      {
        label: "dal più recente, seconda pagina (cursore)",
        query: { ordine: "piu_recenti", dopo: (await listOfficeQuesiti(operator, { ordine: "piu_recenti" })).nextCursor ?? "" },
      },
      { label: 'stato "nuovi"', query: { stato: "nuovo" } },
      { label: 'stato "in lavorazione"', query: { stato: "in_lavorazione" } },
      { label: 'stato "in attesa"', query: { stato: "in_attesa" } },
      { label: 'stato "chiusi"', query: { stato: "chiuso" } },
      { label: "tutti", query: { stato: "tutti" } },
      { label: "tutti, dal più recente", query: { stato: "tutti", ordine: "piu_recenti" } },
      { label: "assegnati a me", query: { assegnazione: "miei" } },
      { label: "assegnati a me, tutti gli stati", query: { assegnazione: "miei", stato: "tutti" } },
      { label: "non assegnati", query: { assegnazione: "liberi" } },
      { label: "non assegnati, dal più recente", query: { assegnazione: "liberi", ordine: "piu_recenti" } },
      { label: "gestione", query: { gestione } },
      { label: "gestione, tutti gli stati", query: { gestione, stato: "tutti" } },
      { label: "gestione, non assegnati", query: { gestione, assegnazione: "liberi" } },
      { label: "oggetto (un'area)", query: { oggetto: area } },
      { label: "oggetto (un'area), tutti gli stati", query: { oggetto: area, stato: "tutti" } },
      { label: "oggetto (uno solo)", query: { oggetto: sample.request.subject.id } },
      { label: "gestione e oggetto, assegnati a me", query: { gestione, oggetto: area, assegnazione: "miei" } },
      { label: "ricevuti in un mese di un anno fa", query: { stato: "tutti", dal: day(yearAgo), al: day(monthAfter) } },
      { label: "da lavorare, ricevuti in un mese", query: { dal: day(yearAgo), al: day(monthAfter) } },
      { label: "gestione, ricevuti in un mese", query: { stato: "tutti", gestione, dal: day(yearAgo), al: day(monthAfter) } },
      { label: "cerca protocollo intero", query: { stato: "tutti", cerca: protocol } },
      { label: "cerca parte del protocollo", query: { stato: "tutti", cerca: protocol.slice(-7) } },
      { label: "cerca codice fiscale", query: { stato: "tutti", cerca: sample.request.holder.codiceFiscale } },
      { label: "cerca matricola", query: { stato: "tutti", cerca: sample.request.position.matricola } },
      { label: 'scadenza "in scadenza"', query: { scadenza: "in_scadenza" } },
      { label: 'scadenza "scaduti"', query: { scadenza: "scaduti" } },
      { label: "per scadenza", query: { ordine: "scadenza" } },
      { label: "scaduti, per scadenza", query: { scadenza: "scaduti", ordine: "scadenza" } },
      { label: "assegnati a me, per scadenza", query: { assegnazione: "miei", ordine: "scadenza" } },
      ...[
        { label: "cerca nel testo: parola frequente", query: { stato: "tutti", cerca: "rimborsi" } },
        { label: "cerca nel testo: parola rara", query: { stato: "tutti", cerca: "omonimia" } },
        { label: "cerca nel testo: frase esatta, da lavorare", query: { stato: "aperti", cerca: '"cassa integrazione"' } },
        { label: "cerca nel testo: note interne", query: { stato: "tutti", cerca: "durc regolare" } },
      ].map((search) => ({ ...search, targetMs: 150 })),
    ];
    console.log(
      `Coda dei quesiti: ${itNumber(total)} quesiti in tutte le sedi, ${itNumber(largest._count._all)} nella sede misurata ` +
        `(${operator.office.name}); ${dataOrigin(seconds)}.\n`,
    );
    await measureCases(sql, [
      ...cases.map(({ label, query, targetMs }): BenchCase<OfficeQueue> => ({
        label,
        targetMs,
        run: () => listOfficeQuesiti(operator, query),
        total: (queue) => totalLabel(queue.total),
        check: (queue) => {
          if (query.dopo && queue.previousCursor === null) throw new Error("Cursore non accettato: formato cambiato?");
        },
      })),
      {
        label: "scrivania: i cinque conteggi",
        run: () => countDeskQuesiti(operator),
        total: (counts: DeskCounts) =>
          Object.values(counts)
            .map(({ total }) => totalLabel(total))
            .join(" / "),
      },
    ]);
  } finally {
    await dispose();
  }
}

await main();
