/**
 * The data of the list benchmarks (bench:inbox, bench:queue), generated in
 * SQL after the reference data (seed, no demo people): `clients` holders
 * with one or two positions each and an active INTERMEDIARIO delegation to
 * the intermediary measured; a quarter as many other holders, whose
 * delegations to that intermediary are revoked, expired or of the DIPENDENTE
 * kind, or who delegate other intermediaries, with a quarter as many requests
 * again; `requests` requests spread unevenly over the positions (a few
 * clients, at random, write much more) and over three years, 3% of them
 * communications from the office (without a quesito, read by the
 * intermediary or the holder now and then, and by forty other people), the quesiti in every state, the
 * taken ones assigned to the operators of their office.
 */
import type pg from "pg";
import type { PrismaClient } from "../../../src/generated/prisma/client";
import { seedDatabase } from "../../../prisma/seed/seed-database";
import { generateInTransaction } from "./measure";

/** `messages`: over the `requests` (the others get as many each), the opening one included, a whole number per request. */
export type ListDataSizes = { clients: number; requests: number; messages: number };

/**
 * What the messages say, for the text searches (decision 0035): each reply
 * three of these, drawn at random, so that a word of one is in about one
 * message in ten; RARE_PHRASE in one request in a thousand.
 */
const PHRASES = [
  "Chiedo il rimborso dei contributi versati in eccesso.",
  "Allego la ricevuta del pagamento effettuato.",
  "La sede ha verificato la posizione contributiva.",
  "Si richiede la documentazione relativa alla cessazione dell'attività.",
  "Il conguaglio risulta già registrato negli archivi.",
  "Segnalo che il bollettino di febbraio non è stato generato.",
  "La domanda di indennità di maternità è in istruttoria.",
  "Vi prego di aggiornare l'indirizzo di posta elettronica certificata.",
  "La rateizzazione del debito è stata accolta.",
  "Occorre integrare la delega con il documento d'identità.",
  "Il pagamento della cassa integrazione è previsto entro fine mese.",
  "La variazione della sede legale decorre dal primo gennaio.",
  "Non risultano versamenti per il secondo trimestre.",
  "Chiediamo chiarimenti sull'avviso bonario ricevuto.",
  "L'iscrizione alla gestione commercianti è stata perfezionata.",
  "Il durc risulta regolare alla data odierna.",
];
const RARE_PHRASE = "Segnalo un'omonimia nell'anagrafica del titolare.";
const FILE_NAMES = ["ricevuta_pagamento.pdf", "documento-identita.pdf", "estratto_conto_contributivo.pdf", "visura.camerale.pdf"];

const OTHER_INTERMEDIARIES = 4;
/** Other people's reads of each communication (decision 0040). */
const READERS_PER_COMMUNICATION = 40;
const OPERATORS_PER_OFFICE = 5;

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
function generation(sizes: ListDataSizes, now: Date, literal: (text: string) => string): string[] {
  const { clients: CLIENTS, requests: REQUESTS } = sizes;
  const MESSAGES_PER_REQUEST = Math.max(1, Math.round(sizes.messages / REQUESTS));
  const OTHER_CLIENTS = Math.ceil(CLIENTS / 4);
  const OTHER_REQUESTS = Math.ceil(REQUESTS / 4);
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
           FROM "OfficeCompetence" WHERE gestione = 'AZIENDE') c ON c.i = 1 + p.n % c.total`,
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
                           "contactEmail", "consentEmail", "protocolNumber", "createdAt", "lastActivityAt", "quesitoState")
     SELECT r.id, CASE WHEN r.from_office THEN 'DALLA_SEDE' ELSE 'DAL_CONTRIBUENTE' END::"RequestDirection",
            r.position_id, r.subject_id, 'Richiesta di prova numero ' || r.j || ': chiedo chiarimenti sulla posizione.',
            CASE WHEN r.from_office THEN NULL WHEN r.delegated AND r.j % 10 < 7 THEN i.id ELSE r.holder_id END,
            CASE WHEN r.from_office THEN NULL
                 WHEN r.delegated AND r.j % 10 < 7 THEN 'INTERMEDIARIO' ELSE 'TITOLARE' END::"ActingProfile",
            r.holder_id, 'contribuente' || r.j || '@example.it', true,
            'INPS.' || r.office_code || '.' || to_char(r.created, 'DD/MM/YYYY') || '.' || lpad(r.j::text, 7, '0'),
            r.created, r.last_activity,
            -- What the trigger on Quesito writes, written at once: it then finds nothing to change.
            CASE WHEN NOT r.from_office THEN r.state::"QuesitoState" END
     FROM bench_request r JOIN bench_intermediary i ON i.n = 0`,
    // Each request's thread: its text first, as the Cassetto writes it, then replies; in one request in ten
    // the third message is an internal note. One statement: the search documents are written once per request.
    `INSERT INTO "Message" (id, "requestId", visibility, body, "createdAt")
     SELECT gen_random_uuid(), r.id,
            CASE WHEN k = 3 AND r.j % 10 = 0 THEN 'INTERNO' ELSE 'PUBBLICO' END::"MessageVisibility",
            CASE WHEN k = 1 THEN 'Richiesta di prova numero ' || r.j || ': chiedo chiarimenti sulla posizione.'
                 ELSE p.phrases[1 + floor(random() * cardinality(p.phrases))::int] || ' '
                   || p.phrases[1 + floor(random() * cardinality(p.phrases))::int] || ' '
                   || p.phrases[1 + floor(random() * cardinality(p.phrases))::int]
                   || CASE WHEN k = 2 AND r.j % 1000 = 7 THEN ' ' || ${literal(RARE_PHRASE)} ELSE '' END END,
            r.created + k * interval '1 hour'
     FROM bench_request r CROSS JOIN generate_series(1, ${MESSAGES_PER_REQUEST}) AS k
     CROSS JOIN (SELECT ${names(PHRASES)} AS phrases) p`,
    // A file on the opening message of one request in five.
    `INSERT INTO "Attachment" (id, "messageId", "fileName", "mimeType", size, sha256, "storageKey", "createdAt")
     SELECT gen_random_uuid(), m.id, f.names[1 + (r.j / 5) % cardinality(f.names)], 'application/pdf', 1000, repeat('0', 64),
            'bench/' || m.id, m."createdAt"
     FROM bench_request r JOIN "Message" m ON m."requestId" = r.id AND m."createdAt" = r.created + interval '1 hour'
     CROSS JOIN (SELECT ${names(FILE_NAMES)} AS names) f
     WHERE r.j % 5 = 0`,
    // OPERATORS_PER_OFFICE operators in each office; the quesiti taken are theirs, in turn.
    `INSERT INTO "Operator" (id, "codiceFiscale", "givenName", "familyName", email, "officeId")
     SELECT gen_random_uuid(), 'OPER' || o.code || lpad(k::text, 8, '0'), 'Operatore', o.code || '-' || k,
            'operatore' || k || '.' || o.code || '@inps.example.it', o.id
     FROM "Office" o CROSS JOIN generate_series(1, ${OPERATORS_PER_OFFICE}) AS k`,
    // Due six weeks after receipt (about 30 working days; decision 0034), the clock stopped while waiting for the contributor.
    `INSERT INTO "Quesito" (id, "requestId", "officeId", gestione, "subjectId", "assigneeId", state, esito, "receivedAt", "takenAt",
                           "closedAt", "updatedAt", "dueAt", "clockStoppedAt")
     SELECT gen_random_uuid(), r.id, r.office_id, position.gestione, r.subject_id, CASE WHEN r.state <> 'NUOVO' THEN operator.id END,
            r.state::"QuesitoState",
            CASE WHEN r.state = 'CHIUSO' THEN 'RISPOSTA_FORNITA'::"Esito" END, r.created,
            CASE WHEN r.state <> 'NUOVO' THEN least(r.created + interval '2 days', r.last_activity) END,
            CASE WHEN r.state = 'CHIUSO' THEN r.last_activity END, r.last_activity,
            r.created + interval '42 days', CASE WHEN r.state = 'IN_ATTESA_CONTRIBUENTE' THEN r.last_activity END
     FROM bench_request r
     JOIN "Position" position ON position.id = r.position_id
     JOIN "Operator" operator ON operator."officeId" = r.office_id
      AND operator."codiceFiscale" = 'OPER' || r.office_code || lpad((1 + r.j % ${OPERATORS_PER_OFFICE})::text, 8, '0')
     WHERE NOT r.from_office`,
    // The intermediary opened three communications in five, the holders one in two.
    `INSERT INTO "CommunicationRead" ("requestId", "personId", "actingProfile", "readAt")
     SELECT r.id, i.id, 'INTERMEDIARIO'::"ActingProfile", least(r.created + interval '1 day', ${at})
     FROM bench_request r JOIN bench_intermediary i ON i.n = 0
     WHERE r.from_office AND r.delegated AND r.j % 5 < 3
     UNION ALL
     SELECT r.id, r.holder_id, 'TITOLARE'::"ActingProfile", least(r.created + interval '2 days', ${at})
     FROM bench_request r WHERE r.from_office AND r.j % 2 = 0`,
    // Everyone else's reads, READERS_PER_COMMUNICATION per communication drawn among the holders: in production one
    // person's reads are a negligible share of the table; without these half of it would be the measured
    // intermediary's, and the planner would rightly read it whole for the unread count (decision 0040).
    `INSERT INTO "CommunicationRead" ("requestId", "personId", "actingProfile", "readAt")
     SELECT r.id, h.id, 'TITOLARE'::"ActingProfile", least(r.created + interval '3 days', ${at})
     FROM bench_request r
     JOIN bench_holder h ON h.n BETWEEN r.j % ${CLIENTS + OTHER_CLIENTS} + 1 AND r.j % ${CLIENTS + OTHER_CLIENTS} + ${READERS_PER_COMMUNICATION}
     WHERE r.from_office AND h.id <> r.holder_id`,
  ];
}

/**
 * Loads the reference data and generates the rest; returns the seconds it
 * took, or null when a kept database (BENCH_DATABASE_URL) already has them:
 * they are measured as they are, whatever sizes they were generated with.
 */
export async function loadListData(prisma: PrismaClient, sql: pg.Client, sizes: ListDataSizes, now: Date): Promise<number | null> {
  if (await prisma.person.findUnique({ where: { codiceFiscale: MEASURED_INTERMEDIARY }, select: { id: true } })) return null;
  await seedDatabase(prisma, { includeDemo: false });
  return generateInTransaction(
    sql,
    generation(sizes, now, (text) => sql.escapeLiteral(text)),
  );
}

/** Where the data measured came from, for a benchmark's heading. */
export function dataOrigin(seconds: number | null): string {
  return seconds === null
    ? "dati già presenti in BENCH_DATABASE_URL, con le dimensioni della corsa che li ha generati"
    : `dati generati in ${seconds.toLocaleString("it-IT", { maximumFractionDigits: 1 })} s`;
}

/** The intermediary measured (every client delegates them). */
export const MEASURED_INTERMEDIARY = "INTERMED00000000";
