import type { Metadata } from "next";
import { orFieldErrors } from "@/app/_lib/or-field-errors";
import Link from "next/link";
import { FLASH_PARAM } from "@/app/_lib/form-flash";
import { firstValues, type SearchParams } from "@/app/_lib/search-params";
import { totalLabel } from "@/lib/capped-total";
import { positionLabel } from "@/lib/position-label";
import { formatRomeDate, formatRomeDateTime } from "@/lib/rome-dates";
import type { FieldErrors } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import { listActorPositions } from "@/server/positions/list-actor-positions";
import { positionOptions } from "@/server/positions/position-options";
import { listRequestSubjects } from "@/server/requests/list-request-subjects";
import { listRequests, type RequestListPage, type RequestListRow } from "@/server/requests/list-requests";
import {
  CLIENT_FILTER_MAX_LENGTH,
  contributorStateFilters,
  contributorStateOfFilter,
  MATRICOLA_FILTER_MAX_LENGTH,
  OPENING_RANGE_SORT_HINT,
  requestKindFilterLabels,
  requestListSearch,
  requestSortLabels,
  type RequestListQuery,
  type RequestSortKey,
} from "@/server/requests/schemas";
import { listRequestFilters, type RequestFilterSummary } from "@/server/saved-filters/list-request-filters";
import { SAVED_FILTER_NAME_MAX_LENGTH, SAVED_FILTERS_MAX } from "@/server/saved-filters/schemas";
import { TEXT_SEARCH_MAX_LENGTH } from "@/server/search/schemas";
import { contributorStateLabels } from "@/server/workflow/states";
import { Alert, Breadcrumb, Button, buttonClasses, Card, PageHeading, Pagination, SelectField, TableRegion, TextField } from "@/ui";
import { ErrorSummary } from "./_components/ErrorSummary";
import { RequestRows, type RequestRowView } from "./_components/RequestRows";
import { requestStateBadges } from "./_components/RequestStateBadge";
import { pageFlash, REQUESTS_PATH, SAVE_FILTER_FORM, SAVED_FILTERS_ANCHOR, type Flash } from "./_lib/flash";
import { deleteFilterAction, saveFilterAction } from "./actions";

export const metadata: Metadata = { title: "Le mie richieste" };

type Props = { searchParams: Promise<SearchParams> };

const filterLabels = {
  testo: "Cerca nel testo",
  cliente: "Cliente",
  posizione: "Posizione",
  matricola: "Matricola",
  oggetto: "Oggetto",
  stato: "Stato",
  tipo: "Tipo",
  apertaDal: "Aperta dal",
  apertaAl: "Aperta fino al",
  aggiornataDal: "Aggiornata dal",
  aggiornataAl: "Aggiornata fino al",
} as const;
const filterNames = Object.keys(filterLabels) as (keyof typeof filterLabels)[];
/** `filtri=1` opens the filter form on an unfiltered list; the form sends it back, so that it stays open. */
const FILTERS_PARAM = "filtri";
const FILTERS_ANCHOR = "filtri";

/** The list's address: its current filters and order (never a paging cursor), with `changes` set on top. */
function listHref(query: RequestListQuery, changes: Record<string, string> = {}, path = REQUESTS_PATH): string {
  const params = new URLSearchParams(requestListSearch(query));
  for (const [key, value] of Object.entries(changes)) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function SortableHeader({ query, sort, label }: { query: RequestListQuery; sort: RequestSortKey; label: string }) {
  const active = query.ordina === sort;
  const nextDirection = active && query.verso === "desc" ? "asc" : "desc";
  return (
    <th scope="col" aria-sort={active ? (query.verso === "asc" ? "ascending" : "descending") : undefined}>
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

/** A row as the client rows show it: text only, formatted here (decision 0040). */
function rowView(row: RequestListRow, byClient: boolean): RequestRowView {
  return {
    id: row.id,
    protocolNumber: row.protocolNumber,
    kind: row.directionLabel,
    openedOn: formatRomeDate(row.createdAt),
    position: positionLabel(row.position),
    positionDetail: byClient ? `${row.position.denominazione} – ${row.position.holderName}` : row.position.denominazione,
    area: row.subject.areaLabel,
    subject: row.subject.label,
    snippet: row.snippet,
    badges: requestStateBadges({ state: row.state, label: row.stateLabel, awaiting: row.awaitingContributor, esito: row.esitoLabel }),
    updatedAt: formatRomeDateTime(row.lastActivityAt),
  };
}

function Results({ page, filtered, byClient }: { page: RequestListPage; filtered: boolean; byClient: boolean }) {
  const { query, rows, total } = page;
  if (total.count === 0) {
    return filtered ? (
      <Alert tone="info">Nessuna richiesta o comunicazione corrisponde ai filtri indicati.</Alert>
    ) : (
      <Alert tone="info" title="Non ci sono ancora richieste né comunicazioni della sede.">
        <p>
          <Link href="/cassetto/richieste/nuova">Invia una nuova richiesta</Link> alla sede INPS competente.
        </p>
      </Alert>
    );
  }
  const one = total.count === 1 && !total.more;
  const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const direction = query.verso === "asc" ? "crescente" : "decrescente";
  const order = `Richieste e comunicazioni, in ordine ${direction} di ${requestSortLabels[query.ordina].toLowerCase()}.`;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <p role="status">
          {one ? "1 risultato." : `${capitalized(totalLabel(total))} risultati.`}
          {total.more && query.testo ? " Sono considerati i più recenti: aggiungi parole o filtri per restringere la ricerca." : null}
        </p>
        <a href={listHref(query, {}, "/api/cassetto/richieste/esportazione")}>
          Esporta in CSV ({totalLabel(total)} {one ? "richiesta" : "richieste"})
        </a>
      </div>
      <TableRegion label="Richieste e comunicazioni">
        {/* One markup for every width: below md the rows reflow into boxes, each cell led by its data-label (globals.css). */}
        <table className="reflow-table w-full border-collapse text-left">
          <caption className="mb-2 text-left text-neutral-700">{order}</caption>
          <thead>
            <tr className="border-b border-neutral-400">
              <SortableHeader query={query} sort="protocollo" label="Protocollo" />
              <th scope="col" className="max-md:sr-only">
                Tipo
              </th>
              <SortableHeader query={query} sort="apertura" label="Aperta il" />
              <th scope="col" className="max-md:sr-only">
                Posizione
              </th>
              <th scope="col" className="max-md:sr-only">
                Oggetto
              </th>
              <th scope="col" className="max-md:sr-only">
                Stato
              </th>
              <SortableHeader query={query} sort="aggiornamento" label="Ultimo aggiornamento" />
            </tr>
          </thead>
          <tbody>
            <RequestRows rows={rows.map((row) => rowView(row, byClient))} />
          </tbody>
        </table>
      </TableRegion>
      {page.previousCursor || page.nextCursor ? (
        <Pagination
          label="Pagine dei risultati"
          firstHref={page.previousCursor ? listHref(query) : undefined}
          previousHref={page.previousCursor ? listHref(query, { prima: page.previousCursor }) : undefined}
          nextHref={page.nextCursor ? listHref(query, { dopo: page.nextCursor }) : undefined}
        />
      ) : null}
    </>
  );
}

/** The list's current filters and order as hidden fields, so that a form's answer comes back to them. */
function ViewFields({ view }: { view: string }) {
  return [...new URLSearchParams(view)].map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

function SaveFilterForm({ view, flash }: { view: string; flash: Flash | null }) {
  const refused = flash?.form === SAVE_FILTER_FORM ? flash : null;
  return (
    <form action={saveFilterAction} id={SAVE_FILTER_FORM} aria-labelledby="titolo-salva-filtri" className="mt-6 max-w-2xl">
      <h3 id="titolo-salva-filtri" className="mb-2 text-lg font-semibold">
        Salva questi filtri
      </h3>
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      <ViewFields view={view} />
      <TextField
        id="nome-filtri"
        name="name"
        label="Nome dei filtri"
        hint={`I filtri e l'ordine dei risultati in uso. Con un nome già usato, i filtri salvati con quel nome vengono sostituiti. Al massimo ${SAVED_FILTERS_MAX} filtri.`}
        width="medium"
        required
        maxLength={SAVED_FILTER_NAME_MAX_LENGTH}
        autoComplete="off"
        defaultValue={refused?.values?.name ?? ""}
        error={refused?.errors?.name?.[0]}
      />
      <Button variant="secondary">Salva questi filtri</Button>
    </form>
  );
}

/** With the filter form closed: the saved filters as links only, one click to each (none saved: nothing). */
function SavedFilterLinks({ filters }: { filters: RequestFilterSummary[] }) {
  if (filters.length === 0) return null;
  return (
    <nav aria-labelledby="titolo-filtri-salvati" className="mt-8">
      <h2 id="titolo-filtri-salvati" className="mb-2 text-xl font-bold">
        Filtri salvati
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {filters.map((filter) => (
          <li key={filter.id}>
            <Link href={`${REQUESTS_PATH}?${filter.query}`}>{filter.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SavedFilters({
  filters,
  view,
  canSave,
  flash,
}: {
  filters: RequestFilterSummary[];
  view: string;
  canSave: boolean;
  flash: Flash | null;
}) {
  // A refused save is shown at its form, when the form is there.
  const outcome = flash && !(canSave && flash.form === SAVE_FILTER_FORM) ? flash : null;
  return (
    <div id={SAVED_FILTERS_ANCHOR} className="mt-8">
      <Card title="Filtri salvati">
        {outcome ? (
          <Alert tone={outcome.tone} important={outcome.tone === "success"}>
            {outcome.message}
          </Alert>
        ) : null}
        {filters.length === 0 ? (
          <p>Non hai ancora salvato filtri: salva quelli in uso per ritrovarli con un clic.</p>
        ) : (
          <ul className="divide-y divide-neutral-200">
            {filters.map((filter) => {
              const current = filter.query === view;
              return (
                <li key={filter.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link href={`${REQUESTS_PATH}?${filter.query}`} aria-current={current ? "page" : undefined}>
                    {filter.name}
                    {current ? <span className="text-neutral-700"> (in uso)</span> : null}
                  </Link>
                  <form action={deleteFilterAction}>
                    <input type="hidden" name="filterId" value={filter.id} />
                    <ViewFields view={view} />
                    <Button variant="secondary">
                      Elimina<span className="sr-only"> il filtro «{filter.name}»</span>
                    </Button>
                  </form>
                </li>
              );
            })}
          </ul>
        )}
        {canSave ? <SaveFilterForm view={view} flash={flash} /> : <p className="mt-4">Correggere i filtri per poterli salvare.</p>}
      </Card>
    </div>
  );
}

/**
 * The filter form, with its choices (the actor's positions, the subjects of their gestioni): read only when the
 * form is shown, so that the closed list sends neither the statements nor the markup (decision 0040).
 */
async function FilterForm({
  actor,
  values,
  errors,
  view,
}: {
  actor: ContributorActor;
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  view: string;
}) {
  const [subjectGroups, positions] = await Promise.all([listRequestSubjects(actor), listActorPositions(actor)]);
  const error = (name: string) => errors[name]?.[0];
  const byClient = actor.profile !== "TITOLARE";
  return (
    <form key={view} method="get" action={REQUESTS_PATH} noValidate>
      <input type="hidden" name={FILTERS_PARAM} value="1" />
      <TextField
        type="search"
        name="testo"
        label={filterLabels.testo}
        hint={
          'Parole dell\'oggetto, dei messaggi e dei nomi dei file, anche in altre forme ("pagamenti" trova "pagamento"). Tra virgolette una frase esatta; con il segno meno una parola da escludere.'
        }
        defaultValue={values.testo ?? ""}
        error={error("testo")}
        maxLength={TEXT_SEARCH_MAX_LENGTH}
      />
      <div className="grid gap-x-6 md:grid-cols-3">
        {byClient ? (
          <TextField
            name="cliente"
            label={filterLabels.cliente}
            hint="Codice fiscale o nome del cliente."
            defaultValue={values.cliente ?? ""}
            error={error("cliente")}
            maxLength={CLIENT_FILTER_MAX_LENGTH}
          />
        ) : null}
        <SelectField
          name="posizione"
          label={filterLabels.posizione}
          placeholder="Tutte le posizioni"
          options={positionOptions(actor.profile, positions)}
          defaultValue={values.posizione ?? ""}
          error={error("posizione")}
        />
        <TextField
          name="matricola"
          label={filterLabels.matricola}
          hint="Tutte le posizioni con questa matricola, in ogni gestione."
          defaultValue={values.matricola ?? ""}
          error={error("matricola")}
          maxLength={MATRICOLA_FILTER_MAX_LENGTH}
        />
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
          options={contributorStateFilters.map((value) => ({
            value,
            label: contributorStateLabels[contributorStateOfFilter[value]],
          }))}
          defaultValue={values.stato ?? ""}
          error={error("stato")}
        />
        <SelectField
          name="tipo"
          label={filterLabels.tipo}
          placeholder="Richieste e comunicazioni"
          options={Object.entries(requestKindFilterLabels).map(([value, label]) => ({ value, label }))}
          defaultValue={values.tipo ?? ""}
          error={error("tipo")}
        />
      </div>
      <div className="grid gap-x-6 md:grid-cols-2 lg:grid-cols-4">
        <TextField
          type="date"
          name="apertaDal"
          label={filterLabels.apertaDal}
          defaultValue={values.apertaDal ?? ""}
          error={error("apertaDal")}
        />
        <TextField
          type="date"
          name="apertaAl"
          label={filterLabels.apertaAl}
          defaultValue={values.apertaAl ?? ""}
          error={error("apertaAl")}
        />
        <TextField
          type="date"
          name="aggiornataDal"
          label={filterLabels.aggiornataDal}
          defaultValue={values.aggiornataDal ?? ""}
          error={error("aggiornataDal")}
        />
        <TextField
          type="date"
          name="aggiornataAl"
          label={filterLabels.aggiornataAl}
          defaultValue={values.aggiornataAl ?? ""}
          error={error("aggiornataAl")}
        />
      </div>
      <div className="grid gap-x-6 md:grid-cols-3">
        <SelectField
          name="ordina"
          label="Ordina per"
          hint={OPENING_RANGE_SORT_HINT}
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
        <Link href={REQUESTS_PATH}>Azzera i filtri</Link>
      </div>
    </form>
  );
}

export default async function RequestListPage({ searchParams }: Props) {
  const actor = await requireContributor(REQUESTS_PATH);
  const params = firstValues(await searchParams);
  const savedFilters = await listRequestFilters(actor);
  const flash = await pageFlash(params[FLASH_PARAM]);
  const { result: page, errors } = await orFieldErrors(() => listRequests(actor, params));
  const values = page?.query ?? params;
  const filtered = filterNames.some((name) => Boolean(params[name]));
  // The form and the saved filters' forms are most of the page's weight: rendered when asked for, or when in use (decision 0040).
  const showFilters = filtered || !page || params[FILTERS_PARAM] === "1" || flash !== null;
  const byClient = actor.profile !== "TITOLARE";
  // Invalid filters are carried as typed, so that a form's answer comes back to them.
  const view = requestListSearch(page?.query ?? params);

  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Le mie richieste" }]} />
      <PageHeading
        title="Le mie richieste"
        lead="Le richieste inviate alle sedi INPS e le comunicazioni ricevute dalle sedi, con il loro stato. Apri una richiesta per leggere i messaggi e rispondere."
      />
      <p className="mb-8">
        <Link href="/cassetto/richieste/nuova" className={buttonClasses("primary")}>
          Nuova richiesta
        </Link>
      </p>

      <section aria-labelledby="risultati" className="mb-8">
        <h2 id="risultati" className="mb-4 text-2xl font-semibold">
          Risultati
        </h2>
        {page ? (
          <Results page={page} filtered={filtered} byClient={byClient} />
        ) : (
          <Alert tone="warning">Correggere i filtri per vedere le richieste.</Alert>
        )}
      </section>

      {page && !showFilters ? (
        <>
          <p className="rounded-sm border border-neutral-300 bg-white shadow-sm">
            <Link
              href={`${listHref(page.query, { [FILTERS_PARAM]: "1" })}#${FILTERS_ANCHOR}`}
              className="flex min-h-12 items-center px-5 py-3 text-xl leading-snug font-bold md:px-6"
            >
              Cerca, filtra e ordina le richieste
            </Link>
          </p>
          <SavedFilterLinks filters={savedFilters} />
        </>
      ) : (
        <>
          <div id={FILTERS_ANCHOR}>
            <Card title="Cerca, filtra e ordina le richieste">
              <ErrorSummary errors={errors} fields={filterLabels} title="Alcuni filtri non sono validi: correggerli." />
              {/* Keyed by the filters: a client-side navigation to other filters (a saved one, "Azzera") must show their values, which defaultValue alone does not. */}
              <FilterForm actor={actor} values={values} errors={errors} view={view} />
            </Card>
          </div>
          <SavedFilters filters={savedFilters} view={view} canSave={page !== null} flash={flash} />
        </>
      )}
    </>
  );
}
