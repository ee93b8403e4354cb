import type { Metadata } from "next";
import Link from "next/link";
import { formatRomeDate, formatRomeDateTime } from "@/lib/rome-dates";
import { ValidationError, type FieldErrors } from "@/server/errors/domain-errors";
import { requireContributor } from "@/server/identity/session";
import { listRequestSubjects } from "@/server/requests/list-request-subjects";
import { listRequests, type RequestListPage } from "@/server/requests/list-requests";
import { requestSortLabels, type RequestListQuery, type RequestSortKey } from "@/server/requests/schemas";
import { Alert, Breadcrumb, Button, buttonClasses, Card, PageHeading, Pagination, SelectField, TextField } from "@/ui";
import { ErrorSummary } from "./_components/ErrorSummary";
import { RequestStateBadge } from "./_components/RequestStateBadge";

export const metadata: Metadata = { title: "Le mie richieste" };

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const filterLabels = {
  cliente: "Cliente",
  matricola: "Matricola",
  oggetto: "Oggetto",
  stato: "Stato",
  apertaDal: "Aperta dal",
  apertaAl: "Aperta fino al",
  aggiornataDal: "Aggiornata dal",
  aggiornataAl: "Aggiornata fino al",
} as const;
const filterNames = Object.keys(filterLabels) as (keyof typeof filterLabels)[];

/** The first value of each parameter: the form never repeats one. */
function firstValues(params: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
}

/** The list's address with the current filters and some parameters changed (undefined drops one). */
function listHref(query: RequestListQuery, changes: Record<string, string | undefined>, path = "/cassetto/richieste"): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | undefined> = {
    ...Object.fromEntries(filterNames.map((name) => [name, query[name]])),
    ordina: query.ordina,
    verso: query.verso,
    ...changes,
  };
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function SortableHeader({ query, sort, label }: { query: RequestListQuery; sort: RequestSortKey; label: string }) {
  const active = query.ordina === sort;
  const nextDirection = active && query.verso === "desc" ? "asc" : "desc";
  return (
    <th scope="col" className="py-2 pr-4" aria-sort={active ? (query.verso === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={listHref(query, { ordina: sort, verso: nextDirection })}>
        {label}
        <span className="sr-only">
          {active
            ? `, ordinato ${query.verso === "asc" ? "in modo crescente" : "in modo decrescente"}: ordina ${nextDirection === "asc" ? "in modo crescente" : "in modo decrescente"}`
            : ": ordina per questa colonna"}
        </span>
        {active ? <span aria-hidden="true">{query.verso === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

function Results({ page, filtered, byClient }: { page: RequestListPage; filtered: boolean; byClient: boolean }) {
  const { query, rows, total } = page;
  if (total === 0) {
    return filtered ? (
      <Alert tone="info">Nessuna richiesta corrisponde ai filtri indicati.</Alert>
    ) : (
      <Alert tone="info" title="Non hai ancora inviato richieste.">
        <p>
          <Link href="/cassetto/richieste/nuova">Invia una nuova richiesta</Link> alla sede INPS competente.
        </p>
      </Alert>
    );
  }
  const direction = query.verso === "asc" ? "crescente" : "decrescente";
  return (
    <>
      <p className="mb-4" role="status">
        {total === 1 ? "1 richiesta trovata." : `${total.toLocaleString("it-IT")} richieste trovate.`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left text-neutral-700">
            Le tue richieste, in ordine {direction} di {requestSortLabels[query.ordina].toLowerCase()}.
          </caption>
          <thead>
            <tr className="border-b border-neutral-400">
              <SortableHeader query={query} sort="protocollo" label="Protocollo" />
              <SortableHeader query={query} sort="apertura" label="Aperta il" />
              <th scope="col" className="py-2 pr-4">Posizione</th>
              <th scope="col" className="py-2 pr-4">Oggetto</th>
              <th scope="col" className="py-2 pr-4">Stato</th>
              <SortableHeader query={query} sort="aggiornamento" label="Ultimo aggiornamento" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-neutral-200 align-top">
                <td className="py-2 pr-4 font-mono">
                  <Link href={`/cassetto/richieste/${row.id}`}>{row.protocolNumber}</Link>
                </td>
                <td className="py-2 pr-4">{formatRomeDate(row.createdAt)}</td>
                <td className="py-2 pr-4">
                  <span className="font-mono">{row.position.matricola}</span>
                  <br />
                  {row.position.denominazione}
                  <br />
                  <span className="text-sm text-neutral-700">
                    {row.position.gestioneLabel}
                    {byClient ? ` – ${row.position.holderName}` : null}
                  </span>
                </td>
                <td className="py-2 pr-4">
                  {row.subject.areaLabel ? <span className="text-sm text-neutral-700">{row.subject.areaLabel} › </span> : null}
                  {row.subject.label}
                </td>
                <td className="py-2 pr-4">
                  <RequestStateBadge state={row.state} label={row.stateLabel} />
                </td>
                <td className="py-2 pr-4">{formatRomeDateTime(row.lastActivityAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.previousCursor || page.nextCursor ? (
        <Pagination
          label="Pagine dei risultati"
          firstHref={page.previousCursor ? listHref(query, {}) : undefined}
          previousHref={page.previousCursor ? listHref(query, { prima: page.previousCursor }) : undefined}
          nextHref={page.nextCursor ? listHref(query, { dopo: page.nextCursor }) : undefined}
        />
      ) : null}
    </>
  );
}

export default async function RequestListPage({ searchParams }: Props) {
  const actor = await requireContributor("/cassetto/richieste");
  const params = firstValues(await searchParams);
  const subjectGroups = await listRequestSubjects(actor);
  let page: RequestListPage | null = null;
  let errors: FieldErrors = {};
  try {
    page = await listRequests(actor, params);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors = error.fieldErrors;
  }
  const values = page?.query ?? params;
  const filtered = filterNames.some((name) => Boolean(params[name]));
  const error = (name: string) => errors[name]?.[0];
  const byClient = actor.profile !== "TITOLARE";

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Le mie richieste" }]} />
      <PageHeading
        title="Le mie richieste"
        lead="Le richieste inviate alle sedi INPS, con il loro stato. Apri una richiesta per leggere i messaggi e rispondere."
      />
      <p className="mb-8">
        <Link href="/cassetto/richieste/nuova" className={buttonClasses("primary")}>
          Nuova richiesta
        </Link>
      </p>

      <Card title="Cerca tra le richieste">
        <ErrorSummary errors={errors} fields={filterLabels} title="Alcuni filtri non sono validi: correggerli." />
        <form method="get" action="/cassetto/richieste" noValidate>
          <div className="grid gap-x-6 md:grid-cols-3">
            {byClient ? (
              <TextField
                name="cliente"
                label={filterLabels.cliente}
                hint="Codice fiscale o nome del cliente."
                defaultValue={values.cliente ?? ""}
                error={error("cliente")}
                maxLength={60}
              />
            ) : null}
            <TextField name="matricola" label={filterLabels.matricola} defaultValue={values.matricola ?? ""} error={error("matricola")} maxLength={20} />
            <SelectField
              name="oggetto"
              label={filterLabels.oggetto}
              placeholder="Tutti gli oggetti"
              options={subjectGroups}
              defaultValue={values.oggetto ?? ""}
              error={error("oggetto")}
            />
            <SelectField
              name="stato"
              label={filterLabels.stato}
              placeholder="Tutti gli stati"
              options={[
                { value: "aperta", label: "Aperta" },
                { value: "in_carico", label: "In carico" },
                { value: "chiusa", label: "Chiusa" },
              ]}
              defaultValue={values.stato ?? ""}
              error={error("stato")}
            />
            <TextField type="date" name="apertaDal" label={filterLabels.apertaDal} defaultValue={values.apertaDal ?? ""} error={error("apertaDal")} />
            <TextField type="date" name="apertaAl" label={filterLabels.apertaAl} defaultValue={values.apertaAl ?? ""} error={error("apertaAl")} />
            <div aria-hidden="true" className="hidden md:block" />
            <TextField type="date" name="aggiornataDal" label={filterLabels.aggiornataDal} defaultValue={values.aggiornataDal ?? ""} error={error("aggiornataDal")} />
            <TextField type="date" name="aggiornataAl" label={filterLabels.aggiornataAl} defaultValue={values.aggiornataAl ?? ""} error={error("aggiornataAl")} />
            <div aria-hidden="true" className="hidden md:block" />
            <SelectField
              name="ordina"
              label="Ordina per"
              options={Object.entries(requestSortLabels).map(([value, label]) => ({ value, label }))}
              defaultValue={values.ordina ?? "aggiornamento"}
            />
            <SelectField
              name="verso"
              label="Ordine"
              options={[
                { value: "desc", label: "Dal più recente (decrescente)" },
                { value: "asc", label: "Dal meno recente (crescente)" },
              ]}
              defaultValue={values.verso ?? "desc"}
            />
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <Button>Cerca</Button>
            <Link href="/cassetto/richieste">Azzera i filtri</Link>
            {page && page.total > 0 ? (
              <a href={listHref(page.query, { dopo: undefined, prima: undefined }, "/api/cassetto/richieste/esportazione")}>
                Esporta in CSV ({page.total} {page.total === 1 ? "richiesta" : "richieste"})
              </a>
            ) : null}
          </div>
        </form>
      </Card>

      <section aria-labelledby="risultati" className="mt-8">
        <h2 id="risultati" className="mb-4 text-2xl font-semibold">
          Risultati
        </h2>
        {page ? <Results page={page} filtered={filtered} byClient={byClient} /> : <Alert tone="warning">Correggere i filtri per vedere le richieste.</Alert>}
      </section>
    </>
  );
}
