/**
 * `npm run bench:inbox`: how fast the Cassetto's lists answer at national
 * scale, beside the time PostgreSQL alone takes for the same SQL. Not a test:
 * it prints figures and never fails on them.
 *
 * Generates (support/list-data.ts) BENCH_CLIENTS clients (default 2,000)
 * delegating one intermediary and BENCH_REQUESTS requests of theirs (default
 * 50,000), then measures, for that intermediary, the request list (F06) in
 * its default order, at deep cursors, with each filter and each sort, and the
 * communications received (F09, F10: unread count and list); and, for the
 * client whose requests are nearest BENCH_HOLDER_REQUESTS (default 2,000),
 * the same as holder, and the text searches (decision 0035) over BENCH_MESSAGES messages (default five a
 * request; target 150 ms). Each case: BENCH_RUNS runs (default 30, after 5 of
 * warm-up) through the application and as many of the SQL statements it
 * sends (support/measure.ts); BENCH_EXPLAIN=1 also prints their plans.
 * Everything is removed at the end.
 *
 * Run with the `react-server` condition, as Next runs server code, so that
 * the services' `import "server-only"` resolves.
 */
import { totalLabel } from "../../src/lib/capped-total";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { countUnreadCommunications, type UnreadCommunications } from "../../src/server/communications/count-unread-communications";
import { encodeCommunicationCursor, listReceivedCommunications } from "../../src/server/communications/list-received-communications";
import { receivedCommunicationsWhere } from "../../src/server/access/communication-access";
import type { ContributorActor } from "../../src/server/identity/actor";
import { listHomeRequests } from "../../src/server/requests/list-home-requests";
import {
  encodeCursor,
  listRequests,
  parseRequestListQuery,
  requestListWhere,
  type RequestListPage,
} from "../../src/server/requests/list-requests";
import { dataOrigin, loadListData, MEASURED_INTERMEDIARY } from "./support/list-data";
import { itNumber, measureCases, openBenchDatabase, type BenchCase } from "./support/measure";
import { sizeFromEnv } from "./support/numbers";

const CLIENTS = sizeFromEnv("BENCH_CLIENTS", 2000);
const REQUESTS = sizeFromEnv("BENCH_REQUESTS", 50_000);
const HOLDER_REQUESTS = sizeFromEnv("BENCH_HOLDER_REQUESTS", 2000);
const MESSAGES = sizeFromEnv("BENCH_MESSAGES", REQUESTS * 5);

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

/** The first communication beyond half of the actor's received ones, as a `dopo` cursor. */
async function communicationCursorAtHalf(prisma: PrismaClient, actor: ContributorActor, now: Date): Promise<string> {
  const where = receivedCommunicationsWhere(actor, now);
  const [found] = await prisma.request.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: Math.floor((await prisma.request.count({ where })) / 2),
    take: 1,
    select: { id: true, createdAt: true },
  });
  if (!found) throw new Error("Nessuna comunicazione ricevuta: dati non generati?");
  return encodeCommunicationCursor(found);
}

function contributor(
  person: { id: string; codiceFiscale: string; givenName: string; familyName: string },
  profile: ContributorActor["profile"],
) {
  return {
    kind: "contributor",
    personId: person.id,
    codiceFiscale: person.codiceFiscale,
    displayName: `${person.givenName} ${person.familyName}`,
    profile,
    availableProfiles: [profile],
  } satisfies ContributorActor;
}

/** The request-list cases of an actor: default order, deep cursors, each filter and each sort. */
async function requestListCases(
  prisma: PrismaClient,
  actor: ContributorActor,
  now: Date,
  client: { givenName: string; familyName: string } | null,
): Promise<BenchCase<RequestListPage>[]> {
  const halfway = await cursorAt(prisma, actor, now, 0.5);
  const nearEnd = await cursorAt(prisma, actor, now, 0.99);
  const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
  const monthAfter = new Date(yearAgo.getTime() + 30 * DAY_MS);
  const sample = await prisma.request.findFirstOrThrow({
    where: requestListWhere(actor, parseRequestListQuery({}), now),
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    select: { positionId: true, position: { select: { matricola: true } }, subject: { select: { parentId: true } } },
  });
  const cases: { label: string; query: Record<string, string> }[] = [
    { label: "prima pagina (ordine predefinito)", query: {} },
    { label: `dopo la riga ${itNumber(halfway.row)} (cursore)`, query: { dopo: halfway.cursor } },
    { label: `dopo la riga ${itNumber(nearEnd.row)} (cursore)`, query: { dopo: nearEnd.cursor } },
    { label: `prima della riga ${itNumber(halfway.row)} (cursore)`, query: { prima: halfway.cursor } },
    ...(client
      ? [
          { label: `cliente "${client.givenName} ${client.familyName}"`, query: { cliente: `${client.givenName} ${client.familyName}` } },
          { label: `cliente "${client.familyName}" (solo cognome)`, query: { cliente: client.familyName } },
        ]
      : []),
    { label: "posizione", query: { posizione: sample.positionId } },
    { label: "matricola", query: { matricola: sample.position.matricola } },
    { label: "oggetto (un'area)", query: { oggetto: sample.subject.parentId ?? "" } },
    { label: "solo comunicazioni della sede", query: { tipo: "comunicazioni" } },
    { label: 'stato "aperta"', query: { stato: "aperta" } },
    { label: 'stato "in carico"', query: { stato: "in_carico" } },
    { label: 'stato "chiusa"', query: { stato: "chiusa" } },
    { label: "aperte in un mese di un anno fa", query: { apertaDal: day(yearAgo), apertaAl: day(monthAfter) } },
    { label: "aggiornate in un mese di un anno fa", query: { aggiornataDal: day(yearAgo), aggiornataAl: day(monthAfter) } },
    { label: '"aperta", aperte in un mese di un anno fa', query: { stato: "aperta", apertaDal: day(yearAgo), apertaAl: day(monthAfter) } },
    { label: "per data di apertura, recenti", query: { ordina: "apertura", verso: "desc" } },
    { label: "per data di apertura, meno recenti", query: { ordina: "apertura", verso: "asc" } },
    { label: "per aggiornamento, meno recenti", query: { ordina: "aggiornamento", verso: "asc" } },
    { label: "per protocollo, crescente", query: { ordina: "protocollo", verso: "asc" } },
    { label: "per protocollo, decrescente", query: { ordina: "protocollo", verso: "desc" } },
  ];
  return cases.map(({ label, query }) => ({
    label,
    run: () => listRequests(actor, query, now),
    total: (page) => totalLabel(page.total),
    check: (page) => {
      if ((query.dopo || query.prima) && page.previousCursor === null && page.nextCursor === null) {
        throw new Error("listRequests non ha accettato il cursore scritto dal benchmark: formato cambiato?");
      }
    },
  }));
}

/** The text searches (decision 0035): words as frequent as the data makes them (support/list-data.ts). */
const TEXT_SEARCHES: { label: string; query: Record<string, string> }[] = [
  { label: "testo: parola in metà delle richieste", query: { testo: "rimborsi" } },
  { label: "testo: parola in una su mille", query: { testo: "omonimia" } },
  { label: "testo: frase esatta", query: { testo: '"cassa integrazione"' } },
  { label: "testo: due parole", query: { testo: "rimborso maternita" } },
  { label: "testo: nome di file", query: { testo: "visura" } },
  { label: "testo: nessuna corrispondenza", query: { testo: "xilofono" } },
  { label: 'testo e stato "aperta"', query: { testo: "omonimia", stato: "aperta" } },
];

function textSearchCases(actor: ContributorActor, now: Date): BenchCase<RequestListPage>[] {
  return TEXT_SEARCHES.map(({ label, query }) => ({
    label,
    run: () => listRequests(actor, query, now),
    total: (page) => totalLabel(page.total),
    targetMs: 150,
  }));
}

function unreadCount(actor: ContributorActor, now: Date): BenchCase<UnreadCommunications> {
  return {
    label: "comunicazioni da leggere (conteggio)",
    run: () => countUnreadCommunications(actor, now),
    total: (unread) => String(unread.total),
  };
}

async function main(): Promise<void> {
  const { prisma, sql, dispose } = await openBenchDatabase();
  try {
    const now = new Date();
    const seconds = await loadListData(prisma, sql, { clients: CLIENTS, requests: REQUESTS, messages: MESSAGES }, now);
    const intermediary = contributor(
      await prisma.person.findUniqueOrThrow({ where: { codiceFiscale: MEASURED_INTERMEDIARY } }),
      "INTERMEDIARIO",
    );
    const client = await prisma.person.findUniqueOrThrow({ where: { codiceFiscale: "CLIENTE000000001" } });
    // The delegating client whose requests are nearest HOLDER_REQUESTS.
    const [busiest] = await sql
      .query<{ holderId: string; requests: string }>(
        `SELECT "holderId", count(*) AS requests FROM "Request" r JOIN "Person" p ON p.id = r."holderId"
       WHERE p."codiceFiscale" <= 'CLIENTE' || lpad($1::text, 9, '0') AND p."codiceFiscale" LIKE 'CLIENTE%'
       GROUP BY "holderId" ORDER BY abs(count(*) - $2) LIMIT 1`,
        [CLIENTS, HOLDER_REQUESTS],
      )
      .then((result) => result.rows);
    if (!busiest) throw new Error("Nessun cliente con richieste: dati non generati?");
    const holder = contributor(await prisma.person.findUniqueOrThrow({ where: { id: busiest.holderId } }), "TITOLARE");
    const unreadHalf = await communicationCursorAtHalf(prisma, intermediary, now);

    console.log(
      seconds === null
        ? `Cassetto: ${dataOrigin(seconds)}.\n`
        : `Cassetto: ${itNumber(CLIENTS)} clienti deleganti con ${itNumber(REQUESTS)} richieste (il 3% comunicazioni della sede), ` +
            `più ${itNumber(Math.ceil(CLIENTS / 4))} altri titolari con ${itNumber(Math.ceil(REQUESTS / 4))} richieste ` +
            `(${dataOrigin(seconds)}).\n`,
    );
    console.log("── Elenco richieste di un intermediario");
    await measureCases(sql, await requestListCases(prisma, intermediary, now, client));

    console.log("\n── Ricerca nel testo di un intermediario");
    await measureCases(sql, textSearchCases(intermediary, now));

    console.log("\n── Comunicazioni ricevute da un intermediario");
    await measureCases(sql, [
      unreadCount(intermediary, now),
      { label: "tutte, prima pagina", run: () => listReceivedCommunications(intermediary, {}, now) },
      { label: "tutte, dalla metà (cursore)", run: () => listReceivedCommunications(intermediary, { dopo: unreadHalf }, now) },
      { label: "da leggere", run: () => listReceivedCommunications(intermediary, { lettura: "da-leggere" }, now) },
      { label: "lette", run: () => listReceivedCommunications(intermediary, { lettura: "lette" }, now) },
    ]);

    console.log("\n── Pagina iniziale del Cassetto di un intermediario");
    await measureCases(sql, [{ label: "richieste in attesa e in corso", run: () => listHomeRequests(intermediary, now) }]);

    console.log(`\n── Elenco richieste di un titolare con ${itNumber(Number(busiest.requests))} richieste`);
    await measureCases(sql, [
      ...(await requestListCases(prisma, holder, now, null)),
      ...textSearchCases(holder, now),
      { label: "pagina iniziale del Cassetto", run: () => listHomeRequests(holder, now) },
      unreadCount(holder, now),
    ]);
  } finally {
    await dispose();
  }
}

await main();
