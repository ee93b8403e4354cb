/**
 * `npm run bench:contributors`: how fast the office finds a contributor and
 * opens their file (F23, `findContributors`, `getContributorFile`) with
 * BENCH_REQUESTS requests (default 50,000) and BENCH_PEOPLE more people in
 * the registry without a position (default 200,000: the names the search
 * must not read one by one), beside the time PostgreSQL alone takes for the
 * same SQL. Not a test: it prints figures and never fails on them.
 *
 * Generates the data of the list benchmarks (support/list-data.ts), one
 * message per request (its text, as create-request writes it) and one
 * notification per request, and measures, for an operator of the office of
 * the holder with the most requests: the search by codice fiscale,
 * matricola, name, surname alone and part of a protocol; the file's first
 * page, a deep page, each kind, a position and a month a year ago.
 * BENCH_RUNS and BENCH_EXPLAIN as in support/measure.ts. Everything is
 * removed at the end.
 *
 * Run with the `react-server` condition, as Next runs server code, so that
 * the services' `import "server-only"` resolves.
 */
import { findContributors, type ContributorSearchResult } from "../../src/server/contributors/find-contributors";
import { getContributorFile, type ContributorFile } from "../../src/server/contributors/get-contributor-file";
import { timelineKinds } from "../../src/server/contributors/schemas";
import { dataOrigin, loadListData } from "./support/list-data";
import { generateInTransaction, itNumber, measureCases, openBenchDatabase, type BenchCase } from "./support/measure";
import { sizeFromEnv } from "./support/numbers";
import { benchOperator } from "./support/operator";

const REQUESTS = sizeFromEnv("BENCH_REQUESTS", 50_000);
const PEOPLE = sizeFromEnv("BENCH_PEOPLE", 200_000);
const CLIENTS = Math.max(100, Math.ceil(REQUESTS / 200));
const DAY_MS = 24 * 60 * 60 * 1000;
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The threads' first messages, a notice per request, and the registry's other people. */
const extraData = [
  `INSERT INTO "Message" (id, "requestId", body, "authorPersonId", "createdAt")
   SELECT gen_random_uuid(), r.id, r.text, r."submittedById", r."createdAt" FROM "Request" r`,
  `INSERT INTO "Notification" (id, "requestId", channel, recipient, template, "templateVersion", subject, body, status, "createdAt", "sentAt", "updatedAt")
   SELECT gen_random_uuid(), r.id, 'EMAIL', 'titolare@example.it', 'bench', 1, 'Avviso', 'Avviso', 'SENT', r."createdAt", r."createdAt", r."createdAt"
   FROM "Request" r`,
  `INSERT INTO "Person" (id, "codiceFiscale", "givenName", "familyName")
   SELECT gen_random_uuid(), 'REGISTRO' || lpad(n::text, 8, '0'), 'Nome' || (n % 997), 'Cognome' || (n % 9973)
   FROM generate_series(1, ${PEOPLE}) AS n`,
  `ANALYZE`,
];

async function main(): Promise<void> {
  const { prisma, sql, dispose } = await openBenchDatabase();
  try {
    const now = new Date();
    const listSeconds = await loadListData(prisma, sql, { clients: CLIENTS, requests: REQUESTS, messages: REQUESTS * 5 }, now);
    // Data kept in BENCH_DATABASE_URL already hold these rows.
    const extraSeconds = listSeconds === null ? 0 : await generateInTransaction(sql, extraData);
    const [busiest] = await prisma.request.groupBy({
      by: ["holderId"],
      _count: { _all: true },
      orderBy: { _count: { holderId: "desc" } },
      take: 1,
    });
    if (!busiest) throw new Error("Nessuna richiesta: dati non generati?");
    const holder = await prisma.person.findUniqueOrThrow({
      where: { id: busiest.holderId },
      include: { positions: { orderBy: { matricola: "asc" } } },
    });
    const position = holder.positions[0];
    if (!position) throw new Error("Il titolare non ha posizioni: dati cambiati?");
    const operator = await benchOperator(prisma, position.officeId);
    const sample = await prisma.request.findFirstOrThrow({ where: { holderId: holder.id }, select: { protocolNumber: true } });
    const open = (query: Record<string, string | string[]>) => getContributorFile(operator, holder.codiceFiscale, query, "/bench");
    const deep = await (async () => {
      let cursor: string | null = null;
      for (let page = 0; page < 10; page += 1) cursor = (await open(cursor ? { dopo: cursor } : {})).nextCursor ?? cursor;
      return cursor ?? "";
    })();
    const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
    const searches: { label: string; cerca: string }[] = [
      { label: "cerca codice fiscale", cerca: holder.codiceFiscale },
      { label: "cerca matricola", cerca: position.matricola },
      { label: "cerca nome e cognome", cerca: `${holder.givenName} ${holder.familyName}` },
      { label: "cerca solo il cognome", cerca: holder.familyName },
      { label: "cerca parte del protocollo", cerca: sample.protocolNumber.slice(-7) },
    ];
    const files: { label: string; query: Record<string, string | string[]> }[] = [
      { label: "fascicolo: prima pagina", query: {} },
      { label: "fascicolo: dopo 10 pagine (cursore)", query: { dopo: deep } },
      ...timelineKinds.map((kind) => ({ label: `fascicolo: solo ${kind}`, query: { tipo: kind } })),
      { label: "fascicolo: una posizione", query: { posizione: position.id } },
      { label: "fascicolo: un mese di un anno fa", query: { dal: day(yearAgo), al: day(new Date(yearAgo.getTime() + 30 * DAY_MS)) } },
    ];
    console.log(
      `Fascicolo del contribuente: ${itNumber(await prisma.request.count())} richieste, ${itNumber(await prisma.person.count())} persone; ` +
        `il titolare misurato ha ${itNumber(busiest._count._all)} richieste (${operator.office.name}); ` +
        `${dataOrigin(listSeconds === null ? null : listSeconds + extraSeconds)}.\n`,
    );
    await measureCases(sql, [
      ...searches.map(({ label, cerca }): BenchCase<ContributorSearchResult> => ({
        label,
        run: () => findContributors(operator, { cerca }),
        total: (result) => `${result.people.length}${result.more ? "+" : ""}`,
        check: (result) => {
          if (result.people.length === 0) throw new Error(`Nessun contribuente per "${cerca}": dati cambiati?`);
        },
      })),
      ...files.map(({ label, query }): BenchCase<ContributorFile> => ({
        label,
        run: () => open(query),
        total: (file) => String(file.items.length),
      })),
    ]);
  } finally {
    await dispose();
  }
}

await main();
