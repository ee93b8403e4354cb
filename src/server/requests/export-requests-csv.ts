import "server-only";
import { toCsv } from "@/lib/csv";
import { fullName } from "@/lib/full-name";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { LimitExceededError } from "@/server/errors/domain-errors";
import { getGestioneLabels } from "@/server/gestioni/gestione-labels";
import type { ContributorActor } from "@/server/identity/actor";
import { requireUsefulTerms } from "@/server/search/text-search";
import { filtersWhere, parseRequestListQuery, requestListWhere } from "./list-requests";
import type { RequestListQuery } from "./schemas";
import { searchedRequestsForExport, type ExportedRequest } from "./searched-requests";
import { requestSummary, requestSummarySelect } from "./request-summary";

/** More rows than a spreadsheet export should carry: narrow the filters first. */
export const EXPORT_MAX_ROWS = 50_000;

const headers = [
  "Protocollo",
  "Tipo",
  "Aperta il",
  "Ultimo aggiornamento",
  "Cliente",
  "Codice fiscale cliente",
  "Matricola",
  "Denominazione",
  "Gestione",
  "Oggetto",
  "Stato",
] as const;

const tooMany = () =>
  new LimitExceededError(`L'esportazione è limitata a ${EXPORT_MAX_ROWS.toLocaleString("it-IT")} richieste: restringere i filtri.`);

/** The list's requests without a text search, counted first: no row is read when there are too many. */
async function listedRequests(actor: ContributorActor, query: RequestListQuery, now: Date): Promise<ExportedRequest[]> {
  const where = requestListWhere(actor, query, now);
  // Counted no further than the limit: only whether it is passed matters.
  if ((await prisma.request.count({ where, take: EXPORT_MAX_ROWS + 1 })) > EXPORT_MAX_ROWS) throw tooMany();
  return prisma.request.findMany({
    where,
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    select: {
      ...requestSummarySelect,
      holder: { select: { codiceFiscale: true, givenName: true, familyName: true } },
      position: { select: { matricola: true, denominazione: true, gestione: true } },
    },
  });
}

/** With `testo`: the matches in one statement (decision 0041), one beyond the limit to tell it is passed. */
async function searchedRequests(actor: ContributorActor, query: RequestListQuery, term: string, now: Date): Promise<ExportedRequest[]> {
  await requireUsefulTerms(term, "testo");
  const requests = await searchedRequestsForExport(actor, term, { AND: filtersWhere(query) }, EXPORT_MAX_ROWS + 1, now);
  if (requests.length > EXPORT_MAX_ROWS) throw tooMany();
  return requests;
}

/**
 * The actor's request list as CSV, with the same filters as the page (B2):
 * only what the actor may see, requests and the office's communications,
 * every page of it, newest activity first.
 */
export async function exportRequestsCsv(actor: ContributorActor, rawQuery: Record<string, unknown>, now = new Date()): Promise<string> {
  const query = parseRequestListQuery(rawQuery);
  const [requests, labels] = await Promise.all([
    query.testo ? searchedRequests(actor, query, query.testo, now) : listedRequests(actor, query, now),
    getGestioneLabels(),
  ]);
  return toCsv(
    headers,
    requests.map((request) => {
      const summary = requestSummary(request);
      return [
        summary.protocolNumber,
        summary.directionLabel,
        formatRomeDateTime(summary.createdAt),
        formatRomeDateTime(summary.lastActivityAt),
        fullName(request.holder),
        request.holder.codiceFiscale,
        request.position.matricola,
        request.position.denominazione,
        labels.get(request.position.gestione) ?? request.position.gestione,
        summary.subject.areaLabel ? `${summary.subject.areaLabel} › ${summary.subject.label}` : summary.subject.label,
        summary.stateLabel,
      ];
    }),
  );
}
